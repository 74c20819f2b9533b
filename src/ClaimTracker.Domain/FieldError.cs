namespace ClaimTracker.Domain;

/// <summary>A rule broken by one field of a form; <see cref="Field"/> names the property ("" for the whole form).</summary>
public sealed record FieldError(string Field, string Message);

/// <summary>Thrown by entities when a change would break their rules; the message is for the editor.</summary>
public sealed class DomainRuleException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}

public static class FieldErrors
{
    /// <summary>Adds the error of a failed rule under the field's name.</summary>
    public static void AddIfFailed(this List<FieldError> errors, string field, RuleResult result)
    {
        if (!result.Succeeded)
        {
            errors.Add(new FieldError(field, result.Error));
        }
    }
}
