namespace ClaimTracker.Domain.Accounts;

/// <summary>The newsroom roles. A user may hold several.</summary>
public static class Roles
{
    /// <summary>Manages users and site settings.</summary>
    public const string Admin = "Admin";

    /// <summary>Writes claims, statements and sources.</summary>
    public const string Editor = "Editor";

    /// <summary>Approves what editors write.</summary>
    public const string Reviewer = "Reviewer";

    public static IReadOnlyList<string> All { get; } = [Admin, Editor, Reviewer];

    public static string Describe(string role) => role switch
    {
        Admin => "Manages users and settings",
        Editor => "Writes claims, statements and sources",
        Reviewer => "Approves what editors write",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "Unknown role."),
    };

    public static bool IsKnown(string role) => All.Contains(role, StringComparer.Ordinal);
}
