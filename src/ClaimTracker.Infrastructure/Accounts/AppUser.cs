using Microsoft.AspNetCore.Identity;

namespace ClaimTracker.Infrastructure.Accounts;

/// <summary>A newsroom staff account. The email is the user name.</summary>
public sealed class AppUser : IdentityUser
{
    /// <summary>A disabled account cannot sign in, and its sessions end.</summary>
    public bool IsDisabled { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public const int BylineNameMaxLength = 100;

    /// <summary>The name readers see in the byline of a version this person approved; null keeps them unnamed.</summary>
    public string? BylineName { get; set; }
}
