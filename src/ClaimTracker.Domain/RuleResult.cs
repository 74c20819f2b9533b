namespace ClaimTracker.Domain;

/// <summary>The outcome of a domain rule: success, or the reason a person reads.</summary>
public sealed record RuleResult(bool Succeeded, string Error)
{
    public static RuleResult Ok { get; } = new(true, string.Empty);

    public static RuleResult Fail(string error) => new(false, error);
}
