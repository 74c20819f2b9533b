using ClaimTracker.Domain.Text;
using ClaimTracker.Domain.Workflow;

namespace ClaimTracker.Domain.Claims;

/// <summary>
/// A claim as made ("North Korea supplies artillery and missiles to Russia"), who made it and whom it
/// concerns, the parties' statements, the sources, and a status history whose latest entry (by the
/// date the evidence emerged) is the current status.
/// </summary>
public sealed partial class Claim
{
    public const int HeadlineMaxLength = 120;
    public const int ClaimReviewedMaxLength = 74;
    public const int TextMaxLength = 4000;
    public const int TranslatorMaxLength = 200;
    public const int SummaryMaxLength = 100_000;
    public const int QuoteMaxLength = 2000;
    public const int NoteMaxLength = 2000;

    private readonly List<ClaimActor> actors = [];
    private readonly List<ClaimTopic> topics = [];
    private readonly List<Statement> statements = [];
    private readonly List<ClaimSource> sources = [];
    private readonly List<StatusChange> statusChanges = [];
    private readonly List<ClaimRelation> relations = [];

    private Claim()
    {
    }

    public int Id { get; private set; }

    /// <summary>The permalink readers use; stays when the headline changes.</summary>
    public string Slug { get; private set; } = string.Empty;

    /// <summary>
    /// A new permalink waiting for review: readers keep <see cref="Slug"/> until a reviewer approves the
    /// revision that carries it; then the old one redirects. Null when no change is pending.
    /// </summary>
    public string? PendingSlug { get; private set; }

    /// <summary>The permalink as the working copy has it: the pending one, else the one readers use.</summary>
    public string WorkingSlug => PendingSlug ?? Slug;

    public string Headline { get; private set; } = string.Empty;

    /// <summary>A short form of the claim for ClaimReview's claimReviewed (under 75 characters); the headline when empty.</summary>
    public string? ClaimReviewed { get; private set; }

    /// <summary>The claim as made, in its original language.</summary>
    public string OriginalText { get; private set; } = string.Empty;

    /// <summary>BCP 47 tag of <see cref="OriginalText"/>.</summary>
    public string Language { get; private set; } = "de";

    public string? Translation { get; private set; }

    public string? Translator { get; private set; }

    public bool IsMachineTranslated { get; private set; }

    public DateOnly? FirstMadeOn { get; private set; }

    public SanitisedHtml Summary { get; private set; } = SanitisedHtml.Empty;

    public int? ParentClaimId { get; private set; }

    public DateOnly? ReviewBy { get; private set; }

    /// <summary>The editor (email) responsible for the claim's next steps; null when nobody is.</summary>
    public string? AssignedTo { get; private set; }

    /// <summary>Readers see the latest approved version while this is set; never before a reviewer approved one.</summary>
    public bool IsPublic { get; private set; }

    /// <summary>Days from a status change to the next review; the site's default when null.</summary>
    public int? ReviewIntervalDays { get; private set; }

    /// <summary>The four-eye review of the working copy: its state, its authors, the submission and a reviewer's answer.</summary>
    public ClaimReview Review { get; private set; } = new();

    /// <summary>Number of the latest approved version; null until the first approval.</summary>
    public int? PublishedVersion { get; private set; }

    /// <summary>The approved headline and status, for readers' lists (the working copy may differ).</summary>
    public string? PublishedHeadline { get; private set; }

    public int? PublishedStatusId { get; private set; }

    public DateOnly? PublishedStatusSince { get; private set; }

    public DateTime? PublishedAtUtc { get; private set; }

    /// <summary>The public note shown where a withdrawn claim used to be.</summary>
    public string? WithdrawalNote { get; private set; }

    public DateTime? WithdrawnAtUtc { get; private set; }

    /// <summary>Kept in step with the status history by <see cref="ChangeStatus"/>; for lists and filters.</summary>
    public int? CurrentStatusId { get; private set; }

    public DateOnly? CurrentStatusSince { get; private set; }

    public string CreatedBy { get; private set; } = string.Empty;

    public DateTime CreatedAtUtc { get; private set; }

    public string UpdatedBy { get; private set; } = string.Empty;

    public DateTime UpdatedAtUtc { get; private set; }

    /// <summary>Changes with every save; a form holding an older value cannot overwrite.</summary>
    public Guid Version { get; private set; }

    /// <summary>The "log a claim" form that created it (one id per form shown): the same form posted twice is one claim.</summary>
    public Guid? SubmissionId { get; private set; }

    public IReadOnlyCollection<ClaimActor> Actors => actors;

    public IReadOnlyCollection<ClaimTopic> Topics => topics;

    public IReadOnlyCollection<Statement> Statements => statements;

    public IReadOnlyCollection<ClaimSource> Sources => sources;

    public IReadOnlyCollection<StatusChange> StatusChanges => statusChanges;

    public IReadOnlyCollection<ClaimRelation> Relations => relations;

    public sealed record Draft(string Headline, string OriginalText, string Language, string? Translation,
        string? Translator, bool IsMachineTranslated, DateOnly? FirstMadeOn, SanitisedHtml Summary, DateOnly? ReviewBy,
        string? ClaimReviewed = null, int? ReviewIntervalDays = null);

    public const int MaxReviewIntervalDays = 730;

    public static IReadOnlyList<FieldError> Validate(Draft draft)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(draft.Headline))
        {
            errors.Add(new FieldError(nameof(Draft.Headline), "Enter a headline."));
        }
        errors.AddIfFailed(nameof(Draft.Headline), TextRules.CheckSingleLine("Headline", draft.Headline, HeadlineMaxLength));
        if (string.IsNullOrWhiteSpace(draft.OriginalText))
        {
            errors.Add(new FieldError(nameof(Draft.OriginalText), "Enter the claim as it was made."));
        }
        errors.AddIfFailed(nameof(Draft.OriginalText), TextRules.CheckMultiLine("Claim as made", draft.OriginalText, TextMaxLength));
        errors.AddIfFailed(nameof(Draft.Translation), TextRules.CheckMultiLine("Translation", draft.Translation, TextMaxLength));
        errors.AddIfFailed(nameof(Draft.Translator), TextRules.CheckSingleLine("Translator", draft.Translator, TranslatorMaxLength));
        errors.AddIfFailed(nameof(Draft.ClaimReviewed), TextRules.CheckSingleLine("Short form", draft.ClaimReviewed, ClaimReviewedMaxLength));
        if (!LanguageTag.TryNormalise(draft.Language, out _, out var languageError))
        {
            errors.Add(new FieldError(nameof(Draft.Language), languageError));
        }
        if (draft.ReviewIntervalDays is < 1 or > MaxReviewIntervalDays)
        {
            errors.Add(new FieldError(nameof(Draft.ReviewIntervalDays), $"The review interval is between 1 and {MaxReviewIntervalDays} days."));
        }
        if (string.IsNullOrWhiteSpace(draft.Translation) && (!string.IsNullOrWhiteSpace(draft.Translator) || draft.IsMachineTranslated))
        {
            errors.Add(new FieldError(nameof(Draft.Translation), "Translator and machine translation need a translation."));
        }
        return errors;
    }

    public static Claim Create(Draft draft, string slug, string user, DateTime nowUtc, Guid? submissionId = null)
    {
        if (!Text.Slug.IsValid(slug))
        {
            throw new DomainRuleException(nameof(Slug), $"'{slug}' is not a valid slug.");
        }
        var claim = new Claim { Slug = slug, CreatedBy = user, CreatedAtUtc = nowUtc, SubmissionId = submissionId };
        claim.Edit(draft, user, nowUtc);
        return claim;
    }

    public void Edit(Draft draft, string user, DateTime nowUtc)
    {
        if (Validate(draft) is [var first, ..])
        {
            throw new DomainRuleException(first.Field, first.Message);
        }
        LanguageTag.TryNormalise(draft.Language, out var language, out _);
        var before = ReaderContent();
        Headline = TextRules.Normalise(draft.Headline.Trim());
        OriginalText = TextRules.Normalise(draft.OriginalText.Trim());
        Language = language;
        Translation = TextRules.Optional(draft.Translation);
        Translator = Translation is null ? null : TextRules.Optional(draft.Translator);
        IsMachineTranslated = Translation is not null && draft.IsMachineTranslated;
        FirstMadeOn = draft.FirstMadeOn;
        Summary = draft.Summary;
        ClaimReviewed = TextRules.Optional(draft.ClaimReviewed);
        ReviewBy = draft.ReviewBy;
        ReviewIntervalDays = draft.ReviewIntervalDays;
        // Review dates are the desk's business: changing only them leaves nothing pending for readers.
        if (before == ReaderContent())
        {
            Stamp(user, nowUtc);
        }
        else
        {
            Touch(user, nowUtc);
        }
    }

    private (string, string, string, string?, string?, bool, DateOnly?, string, string?) ReaderContent() =>
        (Headline, OriginalText, Language, Translation, Translator, IsMachineTranslated, FirstMadeOn, Summary.Html, ClaimReviewed);

    /// <summary>What ClaimReview names as the claim reviewed: the short form, else the headline cut at a word under 75 characters.</summary>
    public static string ShortForm(string? claimReviewed, string headline)
    {
        if (!string.IsNullOrWhiteSpace(claimReviewed))
        {
            return claimReviewed;
        }
        if (headline.Length <= ClaimReviewedMaxLength)
        {
            return headline;
        }
        var cut = headline[..(ClaimReviewedMaxLength - 1)];
        var space = cut.LastIndexOf(' ');
        return (space > 30 ? cut[..space] : cut).TrimEnd(' ', ',', ';', ':', '–', '-') + "…";
    }

    /// <summary>
    /// Changes the permalink on purpose. A claim readers never saw takes it at once; a published one keeps its
    /// public slug until the revision is approved (<see cref="Approve"/> moves it and names the old one to redirect).
    /// </summary>
    public void ChangeSlug(string newSlug, string user, DateTime nowUtc)
    {
        if (!Text.Slug.IsValid(newSlug))
        {
            throw new DomainRuleException(nameof(Slug), "A slug is lower-case letters, digits and single hyphens, at most 80 characters.");
        }
        if (newSlug == WorkingSlug)
        {
            return;
        }
        if (PublishedVersion is null)
        {
            Slug = newSlug;
        }
        else
        {
            PendingSlug = newSlug == Slug ? null : newSlug;
        }
        Touch(user, nowUtc);
    }

    /// <summary>Who works on the claim is the desk's business: it leaves nothing pending for readers.</summary>
    public void AssignTo(string? editorEmail, string user, DateTime nowUtc)
    {
        AssignedTo = string.IsNullOrWhiteSpace(editorEmail) ? null : editorEmail.Trim();
        Stamp(user, nowUtc);
    }

    /// <summary>
    /// A source or actor this claim shows was changed in the library: readers see it only after a
    /// reviewer approves the claim again, so the claim has pending changes by that editor.
    /// </summary>
    public void SharedPartChanged(string user, DateTime nowUtc) => Touch(user, nowUtc);

    /// <summary>A change readers would see: it becomes part of the pending version, and its author cannot approve it.</summary>
    private void Touch(string user, DateTime nowUtc)
    {
        Stamp(user, nowUtc);
        Review.Changed(user);
    }

    private void Stamp(string user, DateTime nowUtc)
    {
        UpdatedBy = user;
        UpdatedAtUtc = nowUtc;
        Version = Guid.NewGuid();
    }
}
