using Microsoft.AspNetCore.Identity;

namespace ClaimTracker.Infrastructure.Accounts;

/// <summary>A newsroom staff account. The email is the user name.</summary>
public sealed class AppUser : IdentityUser
{
    /// <summary>A disabled account cannot sign in, and its sessions end.</summary>
    public bool IsDisabled { get; set; }

    public DateTime CreatedAtUtc { get; set; }
}
