namespace ClaimTracker.Domain.Accounts;

/// <summary>Who acts on the desk and which roles they hold: what the domain's rules ask of a person, instead of flags.</summary>
public sealed record StaffMember(string Email, IReadOnlyCollection<string> RolesHeld)
{
    /// <summary>Reviewers and admins approve, send back and withdraw claims.</summary>
    public bool MayReview => RolesHeld.Contains(Roles.Reviewer) || RolesHeld.Contains(Roles.Admin);

    public bool IsAdmin => RolesHeld.Contains(Roles.Admin);

    public static StaffMember Reviewer(string email) => new(email, [Roles.Reviewer]);

    public static StaffMember Editor(string email) => new(email, [Roles.Editor]);

    public static StaffMember Admin(string email) => new(email, [Roles.Admin]);

    /// <summary>Whether this is the person with the address <paramref name="email"/> (addresses compare without case).</summary>
    public bool Is(string? email) => string.Equals(Email, email, StringComparison.OrdinalIgnoreCase);
}
