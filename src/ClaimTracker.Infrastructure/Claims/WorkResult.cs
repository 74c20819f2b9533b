using ClaimTracker.Domain;

namespace ClaimTracker.Infrastructure.Claims;

/// <summary>What an editor's change came to: done (with the id it concerns), or the errors per field.</summary>
public sealed record WorkResult(bool Succeeded, IReadOnlyList<FieldError> Errors, int? Id = null, string? Slug = null)
{
    public static WorkResult Done(int id, string? slug = null) => new(true, [], id, slug);

    public static WorkResult Invalid(IReadOnlyList<FieldError> errors) => new(false, errors);

    public static WorkResult Invalid(string field, string message) => new(false, [new FieldError(field, message)]);

    public static WorkResult NotFound(string what) => Invalid(string.Empty, $"This {what} no longer exists.");

    /// <summary>Set when the change was refused because someone else saved first.</summary>
    public bool IsConflict { get; init; }
}
