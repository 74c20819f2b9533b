namespace ClaimTracker.Domain.Accounts;

/// <summary>
/// The roles whose members must prove a second factor (an authenticator app's code or a passkey) before they work on the
/// staff pages. A person holding several roles must when any of them requires it.
/// </summary>
public sealed class SecondFactorPolicy : IEquatable<SecondFactorPolicy>
{
    private readonly IReadOnlyList<string> roles;

    private SecondFactorPolicy(IEnumerable<string> roles) =>
        this.roles = Roles.All.Where(r => roles.Contains(r, StringComparer.Ordinal)).ToList();

    public static SecondFactorPolicy None { get; } = new([]);

    /// <summary>The roles as chosen (unknown names are an error: a typo must not switch the rule off silently).</summary>
    public static SecondFactorPolicy For(IEnumerable<string> roles)
    {
        var chosen = roles.ToList();
        if (chosen.FirstOrDefault(r => !Roles.IsKnown(r)) is { } unknown)
        {
            throw new DomainRuleException("SecondFactorRoles", $"“{unknown}” is not a role.");
        }
        return new SecondFactorPolicy(chosen);
    }

    /// <summary>Reads the stored form; names that are no longer roles are left out.</summary>
    public static SecondFactorPolicy Parse(string? stored) =>
        new((stored ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    public IReadOnlyList<string> RequiredRoles => roles;

    public bool Requires(string role) => roles.Contains(role, StringComparer.Ordinal);

    /// <summary>Whether a person with these roles must use a second factor.</summary>
    public bool AppliesTo(IEnumerable<string> personsRoles) => personsRoles.Any(Requires);

    public override string ToString() => string.Join(',', roles);

    public bool Equals(SecondFactorPolicy? other) => other is not null && roles.SequenceEqual(other.roles);

    public override bool Equals(object? obj) => Equals(obj as SecondFactorPolicy);

    public override int GetHashCode() => ToString().GetHashCode(StringComparison.Ordinal);
}
