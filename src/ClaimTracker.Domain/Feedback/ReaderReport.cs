using ClaimTracker.Domain.Accounts;
using ClaimTracker.Domain.Text;

namespace ClaimTracker.Domain.Feedback;

/// <summary>
/// A reader's report of an error or new evidence on a published claim. The reporter's email (optional)
/// is for editors only and never shown publicly.
/// </summary>
public sealed class ReaderReport
{
    public const int MessageMaxLength = 4000;
    public const int NoteMaxLength = 2000;

    private ReaderReport()
    {
    }

    public int Id { get; private set; }

    public int ClaimId { get; private set; }

    public string Message { get; private set; } = string.Empty;

    public string? Email { get; private set; }

    public DateTime ReceivedAtUtc { get; private set; }

    public bool IsResolved { get; private set; }

    public string? ResolvedBy { get; private set; }

    public DateTime? ResolvedAtUtc { get; private set; }

    public string? ResolutionNote { get; private set; }

    public static IReadOnlyList<FieldError> Validate(string? message, string? email)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(message) || message.Trim().Length < 10)
        {
            errors.Add(new FieldError(nameof(Message), "Describe the error or the new evidence in a few words (at least 10 characters)."));
        }
        errors.AddIfFailed(nameof(Message), TextRules.CheckMultiLine("Message", message, MessageMaxLength));
        if (!string.IsNullOrWhiteSpace(email) && !EmailAddress.TryNormalise(email, out _, out var emailError))
        {
            errors.Add(new FieldError(nameof(Email), emailError));
        }
        return errors;
    }

    public static ReaderReport Receive(int claimId, string message, string? email, DateTime nowUtc)
    {
        if (Validate(message, email) is [var first, ..])
        {
            throw new DomainRuleException(first.Field, first.Message);
        }
        string? normalised = null;
        if (!string.IsNullOrWhiteSpace(email))
        {
            EmailAddress.TryNormalise(email, out var valid, out _);
            normalised = valid;
        }
        return new ReaderReport
        {
            ClaimId = claimId,
            Message = TextRules.Normalise(message.Trim()),
            Email = normalised,
            ReceivedAtUtc = nowUtc,
        };
    }

    public void Resolve(string editor, string? note, DateTime nowUtc)
    {
        if (IsResolved)
        {
            throw new DomainRuleException(string.Empty, "This report is already resolved.");
        }
        if (TextRules.CheckMultiLine("Note", note, NoteMaxLength) is { Succeeded: false } check)
        {
            throw new DomainRuleException(nameof(ResolutionNote), check.Error);
        }
        (IsResolved, ResolvedBy, ResolvedAtUtc, ResolutionNote) = (true, editor, nowUtc, string.IsNullOrWhiteSpace(note) ? null : note.Trim());
    }
}
