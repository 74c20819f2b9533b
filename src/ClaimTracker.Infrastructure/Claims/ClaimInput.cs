using ClaimTracker.Domain;

namespace ClaimTracker.Infrastructure.Claims;

/// <summary>
/// What an editor types into the claim form. Claimants and subjects are the actors kept (by id) plus those
/// named in <see cref="AddClaimants"/> and <see cref="AddSubjects"/> (directory names, separated by semicolons).
/// </summary>
public sealed record ClaimInput(string Headline, string OriginalText, string Language, string? Translation,
    string? Translator, bool IsMachineTranslated, DateOnly? FirstMadeOn, string? Summary, DateOnly? ReviewBy,
    IReadOnlyCollection<int> ClaimantIds, IReadOnlyCollection<int> SubjectIds, string? Topics, int? ParentClaimId,
    string? ClaimReviewed = null, int? ReviewIntervalDays = null, string? ParentSlug = null,
    string? AddClaimants = null, string? AddSubjects = null, Guid? SubmissionId = null)
{
    /// <summary>Names in the add fields the directory does not hold (found while the input is checked).</summary>
    internal IReadOnlyList<FieldError> NameProblems { get; init; } = [];
}
