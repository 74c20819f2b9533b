using ClaimTracker.Domain.Text;
using ClaimTracker.Domain.Site;
using ClaimTracker.Domain.Workflow;

namespace ClaimTracker.Domain.Claims;

/// <summary>
/// A claim as made ("North Korea supplies artillery and missiles to Russia"), who made it and whom it
/// concerns, the parties' statements, the sources, and a status history whose latest entry (by the
/// date the evidence emerged) is the current status.
/// </summary>
public sealed class Claim
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

    public ReviewState Review { get; private set; } = ReviewState.Draft;

    /// <summary>Number of the latest approved version; null until the first approval.</summary>
    public int? PublishedVersion { get; private set; }

    /// <summary>The approved headline and status, for readers' lists (the working copy may differ).</summary>
    public string? PublishedHeadline { get; private set; }

    public int? PublishedStatusId { get; private set; }

    public DateOnly? PublishedStatusSince { get; private set; }

    public DateTime? PublishedAtUtc { get; private set; }

    /// <summary>Everyone who changed the working copy since the last approval, one per line: none of them may approve it.</summary>
    public string PendingAuthors { get; private set; } = string.Empty;

    public string? SubmittedBy { get; private set; }

    public DateTime? SubmittedAtUtc { get; private set; }

    /// <summary>The author's words to the reviewer.</summary>
    public string? SubmissionComment { get; private set; }

    /// <summary>Set when the submission fixes an error in the published version.</summary>
    public string? CorrectionNote { get; private set; }

    public string? SentBackBy { get; private set; }

    public string? SentBackComment { get; private set; }

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
        Translation = Actor.Clean(draft.Translation);
        Translator = Translation is null ? null : Actor.Clean(draft.Translator);
        IsMachineTranslated = Translation is not null && draft.IsMachineTranslated;
        FirstMadeOn = draft.FirstMadeOn;
        Summary = draft.Summary;
        ClaimReviewed = Actor.Clean(draft.ClaimReviewed);
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

    public void SetParticipants(IEnumerable<int> claimantIds, IEnumerable<int> subjectIds, string user, DateTime nowUtc)
    {
        var wanted = claimantIds.Distinct().Select(id => (id, ClaimRole.Claimant))
            .Concat(subjectIds.Distinct().Select(id => (id, ClaimRole.Subject)))
            .ToHashSet();
        var removed = actors.RemoveAll(a => !wanted.Contains((a.ActorId, a.Role)));
        var added = wanted.Where(w => !actors.Any(a => a.ActorId == w.id && a.Role == w.Item2)).ToList();
        foreach (var (id, role) in added)
        {
            actors.Add(new ClaimActor(id, role));
        }
        if (removed + added.Count > 0)
        {
            Touch(user, nowUtc);
        }
    }

    public void SetTopics(IEnumerable<Topic> newTopics, string user, DateTime nowUtc)
    {
        var list = newTopics.ToList();
        var keep = list.Where(t => t.Id != 0).Select(t => t.Id).ToHashSet();
        var removed = topics.RemoveAll(t => t.TopicId != 0 && !keep.Contains(t.TopicId));
        var added = list.Where(t => t.Id == 0 || topics.All(ct => ct.TopicId != t.Id)).ToList();
        foreach (var topic in added)
        {
            topics.Add(new ClaimTopic(topic));
        }
        if (removed + added.Count > 0)
        {
            Touch(user, nowUtc);
        }
    }

    /// <param name="ancestorsOfParent">The parent's own parent chain, to refuse cycles.</param>
    public void SetParent(int? parentId, IReadOnlyCollection<int> ancestorsOfParent, string user, DateTime nowUtc)
    {
        if (parentId is { } id && (id == Id || ancestorsOfParent.Contains(Id)))
        {
            throw new DomainRuleException(nameof(ParentClaimId), "A claim cannot be its own parent or a sub-claim of its own sub-claim.");
        }
        ParentClaimId = parentId;
        Touch(user, nowUtc);
    }

    public Statement AddStatement(Statement.Draft draft, string user, DateTime nowUtc)
    {
        var unknown = draft.SourceIds.Where(id => sources.All(s => s.SourceId != id)).ToList();
        if (unknown.Count > 0)
        {
            throw new DomainRuleException(nameof(Statement.Draft.SourceIds), "A statement can cite only sources attached to this claim.");
        }
        var statement = Statement.Create(Id, draft, user, nowUtc);
        statements.Add(statement);
        Touch(user, nowUtc);
        return statement;
    }

    public void EditStatement(int statementId, Statement.Draft draft, string user, DateTime nowUtc)
    {
        var statement = statements.FirstOrDefault(s => s.Id == statementId)
                        ?? throw new DomainRuleException(string.Empty, "This statement is not part of the claim.");
        if (draft.SourceIds.Any(id => sources.All(s => s.SourceId != id)))
        {
            throw new DomainRuleException(nameof(Statement.Draft.SourceIds), "A statement can cite only sources attached to this claim.");
        }
        statement.Correct(draft);
        Touch(user, nowUtc);
    }

    /// <summary>Changes one citation of a source: what it does for the claim, its quote, its note.</summary>
    /// <param name="currentStance">Which citation, when the claim cites the source more than once (one per stance).</param>
    public void EditSourceLink(int sourceId, SourceStance? currentStance, SourceStance stance, string? quote, string? note, string user, DateTime nowUtc)
    {
        var link = Citation(sourceId, currentStance);
        CheckLink(stance, quote, note);
        if (link.Stance == stance)
        {
            link.Change(stance, Actor.Clean(quote), Actor.Clean(note));
        }
        else
        {
            // The stance is part of which citation it is: the old one goes, the new one comes (unless it is there already).
            if (sources.Any(s => s.SourceId == sourceId && s.Stance == stance))
            {
                throw new DomainRuleException("Stance", $"The claim already cites this source as “{stance.Describe()}”; edit that citation instead.");
            }
            sources.Remove(link);
            sources.Add(new ClaimSource(sourceId, stance, Actor.Clean(quote), Actor.Clean(note)));
        }
        Touch(user, nowUtc);
    }

    /// <summary>The claim's citation of a source; which one by stance when it cites the source more than once.</summary>
    private ClaimSource Citation(int sourceId, SourceStance? stance)
    {
        var citations = sources.Where(s => s.SourceId == sourceId && (stance is null || s.Stance == stance)).ToList();
        return citations switch
        {
            [var only] => only,
            [] => throw new DomainRuleException("SourceId", "This source is not attached to the claim."),
            _ => throw new DomainRuleException("SourceId", "The claim cites this source more than once: say which citation (its stance)."),
        };
    }

    private static void CheckLink(SourceStance stance, string? quote, string? note)
    {
        var errors = new List<FieldError>();
        errors.AddIfFailed("Quote", TextRules.CheckMultiLine("Quote", quote, QuoteMaxLength));
        errors.AddIfFailed("Note", TextRules.CheckMultiLine("Note", note, NoteMaxLength));
        if (!Enum.IsDefined(stance))
        {
            errors.Add(new FieldError("Stance", "Choose what the source does for the claim."));
        }
        if (errors is [var first, ..])
        {
            throw new DomainRuleException(first.Field, first.Message);
        }
    }

    /// <summary>
    /// The library merged source <paramref name="fromId"/> into <paramref name="toId"/> (two records of one article): every
    /// citation, statement and status entry that named the one names the other. A citation the claim already has with the
    /// same stance is kept, taking the merged one's quote and note where it has none.
    /// </summary>
    public void ReplaceSource(int fromId, int toId, string user, DateTime nowUtc)
    {
        foreach (var link in sources.Where(s => s.SourceId == fromId).ToList())
        {
            sources.Remove(link);
            if (sources.FirstOrDefault(s => s.SourceId == toId && s.Stance == link.Stance) is { } kept)
            {
                kept.Change(kept.Stance, kept.Quote ?? link.Quote, kept.Note ?? link.Note);
            }
            else
            {
                sources.Add(new ClaimSource(toId, link.Stance, link.Quote, link.Note));
            }
        }
        foreach (var statement in statements)
        {
            statement.ReplaceSource(fromId, toId);
        }
        foreach (var change in statusChanges)
        {
            change.ReplaceSource(fromId, toId);
        }
        Touch(user, nowUtc);
    }

    /// <summary>Removes a source the claim no longer needs; one that a statement or a status change rests on stays.</summary>
    /// <param name="stance">Which citation, when the claim cites the source more than once; the last citation of a source
    /// that statements or status changes rest on stays.</param>
    public void DetachSource(int sourceId, SourceStance? stance, string user, DateTime nowUtc)
    {
        var link = Citation(sourceId, stance);
        if (sources.Count(s => s.SourceId == sourceId) > 1)
        {
            sources.Remove(link);
            Touch(user, nowUtc);
            return;
        }
        if (statusChanges.Any(c => c.Sources.Any(s => s.SourceId == sourceId)))
        {
            throw new DomainRuleException("SourceId", "A status change rests on this source; it stays attached (the history is append-only).");
        }
        if (statements.Any(s => s.Sources.Any(x => x.SourceId == sourceId)))
        {
            throw new DomainRuleException("SourceId", "A statement cites this source; remove it from the statement first.");
        }
        sources.Remove(link);
        Touch(user, nowUtc);
    }

    public void AttachSource(int sourceId, SourceStance stance, string? quote, string? note, string user, DateTime nowUtc)
    {
        // One source may be cited again with another stance: an article can report the accusation and the denial.
        if (sources.Any(s => s.SourceId == sourceId && s.Stance == stance))
        {
            throw new DomainRuleException("SourceId", $"The claim already cites this source as “{stance.Describe()}”. Choose another stance, or edit that citation.");
        }
        CheckLink(stance, quote, note);
        sources.Add(new ClaimSource(sourceId, stance, Actor.Clean(quote), Actor.Clean(note)));
        Touch(user, nowUtc);
    }

    /// <summary>
    /// Whether this claim may be deleted by <paramref name="user"/>: only a draft readers never saw (no version was ever approved;
    /// what readers saw is corrected or withdrawn, never deleted), only by its author or an admin.
    /// </summary>
    public void CheckDeletion(string user, bool userIsAdmin)
    {
        if (PublishedVersion is not null)
        {
            throw new DomainRuleException(string.Empty, "Readers have seen this claim: it cannot be deleted. Withdraw it, or correct it.");
        }
        if (!userIsAdmin && !string.Equals(CreatedBy, user, StringComparison.OrdinalIgnoreCase))
        {
            throw new DomainRuleException(string.Empty, $"Only its author ({CreatedBy}) or an admin may delete this draft.");
        }
    }

    /// <summary>Attaches a source that is new to the library; both are saved together.</summary>
    public void AttachNewSource(Source source, SourceStance stance, string? quote, string? note, string user, DateTime nowUtc)
    {
        CheckLink(stance, quote, note);
        sources.Add(new ClaimSource(source, stance, Actor.Clean(quote), Actor.Clean(note)));
        Touch(user, nowUtc);
    }

    /// <summary>
    /// Appends a status change. A verdict rests on at least one of the claim's sources; the rationale
    /// is required; the evidence cannot date from the future. A correction names the entry it corrects.
    /// </summary>
    /// <param name="defaultReviewDays">The site's interval to the next review, used when the claim has none of its own.</param>
    public StatusChange ChangeStatus(StatusDefinition status, DateOnly effectiveOn, SanitisedHtml rationale,
        IReadOnlyCollection<int> sourceIds, int? correctsId, string user, DateTime nowUtc, int defaultReviewDays = SiteDefaults.ReviewIntervalDays)
    {
        if (rationale.IsEmpty)
        {
            throw new DomainRuleException("Rationale", "Explain the status: the rationale is required.");
        }
        if (effectiveOn > DateOnly.FromDateTime(nowUtc).AddDays(1))
        {
            throw new DomainRuleException("EffectiveOn", "The effective date is when the evidence emerged; it cannot be in the future.");
        }
        if (status.IsVerdict && sourceIds.Count == 0)
        {
            throw new DomainRuleException("SourceIds", $"“{status.NameEn}” is a verdict: choose at least one source it rests on.");
        }
        if (sourceIds.Any(id => sources.All(s => s.SourceId != id)))
        {
            throw new DomainRuleException("SourceIds", "A status change can rest only on sources attached to this claim.");
        }
        if (correctsId is { } corrected)
        {
            if (statusChanges.All(c => c.Id != corrected))
            {
                throw new DomainRuleException("CorrectsId", "The entry to correct is not in this claim's history.");
            }
            if (statusChanges.FirstOrDefault(c => c.CorrectsId == corrected) is { } earlier)
            {
                throw new DomainRuleException("CorrectsId", $"That entry was already corrected (entry of {earlier.RecordedAtUtc:yyyy-MM-dd}); correct the correction instead.");
            }
        }
        var change = StatusChange.Create(Id, status, effectiveOn, rationale, sourceIds, correctsId, user, nowUtc);
        statusChanges.Add(change);
        RecomputeCurrentStatus();
        if (CurrentStatusId == status.Id)
        {
            // An open claim comes up for review again; a final verdict needs no date.
            ReviewBy = status.IsFinal ? null : DateOnly.FromDateTime(nowUtc).AddDays(ReviewIntervalDays ?? defaultReviewDays);
        }
        Touch(user, nowUtc);
        return change;
    }

    /// <summary>The entries that stand: every entry not corrected by a later one, newest evidence first.</summary>
    public IReadOnlyList<StatusChange> StandingHistory() =>
        statusChanges.Where(c => c.Id == 0 || statusChanges.All(other => other.CorrectsId != c.Id))
            .OrderByDescending(c => c.EffectiveOn).ThenByDescending(c => c.RecordedAtUtc).ThenByDescending(c => c.Id)
            .ToList();

    public void AddRelation(RelationKind kind, int otherClaimId, string user, DateTime nowUtc)
    {
        if (otherClaimId == Id)
        {
            throw new DomainRuleException("OtherClaimId", "A claim cannot be related to itself.");
        }
        if (relations.Any(r => r.ToClaimId == otherClaimId && r.Kind == kind))
        {
            throw new DomainRuleException("OtherClaimId", "This relation is already recorded.");
        }
        relations.Add(new ClaimRelation(kind, otherClaimId));
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

    public IReadOnlyList<string> Authors() => PendingAuthors.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Whether the working copy differs from what readers see (or readers see nothing yet).</summary>
    public bool HasPendingChanges => Review != ReviewState.Approved;

    /// <summary>Hands the working copy to the reviewers. A change to a published claim is an update unless it fixes an error: then it is a correction with a public note.</summary>
    public void Submit(string user, string? comment, bool asCorrection, string? correctionNote, DateTime nowUtc)
    {
        if (Review == ReviewState.InReview)
        {
            throw new DomainRuleException(string.Empty, $"This claim is already in review (submitted by {SubmittedBy} on {SubmittedAtUtc:yyyy-MM-dd}).");
        }
        if (Review == ReviewState.Approved && IsPublic)
        {
            throw new DomainRuleException(string.Empty, "Nothing to submit: readers already see this version.");
        }
        var errors = new List<FieldError>();
        errors.AddIfFailed("Comment", TextRules.CheckMultiLine("Comment", comment, NoteMaxLength));
        errors.AddIfFailed("CorrectionNote", TextRules.CheckMultiLine("Correction note", correctionNote, ClaimVersion.NoteMaxLength));
        if (asCorrection && PublishedVersion is null)
        {
            errors.Add(new FieldError("AsCorrection", "Only a published claim can be corrected; this is its first publication."));
        }
        if (asCorrection && string.IsNullOrWhiteSpace(correctionNote))
        {
            errors.Add(new FieldError("CorrectionNote", "A correction tells readers what was wrong: write the public correction note."));
        }
        if (!asCorrection && PublishedVersion is not null && statusChanges.Any(c => c.PublishedAtUtc is null && c.CorrectsId is not null))
        {
            errors.Add(new FieldError("AsCorrection", "This revision corrects a published verdict: mark it as a correction and write the public note."));
        }
        if (errors is [var first, ..])
        {
            throw new DomainRuleException(first.Field, first.Message);
        }
        Review = ReviewState.InReview;
        SubmittedBy = user;
        SubmittedAtUtc = nowUtc;
        SubmissionComment = Actor.Clean(comment);
        CorrectionNote = asCorrection ? Actor.Clean(correctionNote) : null;
        (SentBackBy, SentBackComment) = (null, null);
        Stamp(user, nowUtc);
    }

    /// <summary>The four-eye rule: a reviewer or admin who neither submitted nor changed the pending version.</summary>
    public RuleResult CanApprove(string user, bool isReviewer)
    {
        if (!isReviewer)
        {
            return RuleResult.Fail("Only reviewers and admins approve claims.");
        }
        if (Review != ReviewState.InReview)
        {
            return RuleResult.Fail("Only a claim submitted for review can be approved.");
        }
        if (string.Equals(SubmittedBy, user, StringComparison.OrdinalIgnoreCase)
            || Authors().Contains(user, StringComparer.OrdinalIgnoreCase))
        {
            return RuleResult.Fail("You wrote or submitted part of this version: another reviewer must approve it (four-eye principle).");
        }
        return RuleResult.Ok;
    }

    /// <summary>What an approval published, for the version record.</summary>
    public sealed record Approval(int Number, VersionKind Kind, string? CorrectionNote, string Headline, int? StatusId,
        DateOnly? StatusSince, string SubmittedBy, string ApprovedBy, DateTime ApprovedAtUtc, string? Comment, string? PreviousSlug = null);

    /// <summary>Makes the working copy the public version: readers see it from now on.</summary>
    public Approval Approve(string user, bool isReviewer, DateTime nowUtc)
    {
        if (CanApprove(user, isReviewer) is { Succeeded: false } refused)
        {
            throw new DomainRuleException(string.Empty, refused.Error);
        }
        var kind = PublishedVersion is null ? VersionKind.FirstPublication
            : !IsPublic ? VersionKind.Republication
            : CorrectionNote is not null ? VersionKind.Correction
            : VersionKind.Update;
        var previousSlug = PendingSlug is null ? null : Slug;
        var approval = new Approval((PublishedVersion ?? 0) + 1, kind, CorrectionNote, Headline, CurrentStatusId, CurrentStatusSince,
            SubmittedBy!, user, nowUtc, SubmissionComment, previousSlug);
        if (PendingSlug is { } approvedSlug)
        {
            (Slug, PendingSlug) = (approvedSlug, null);
        }
        foreach (var change in statusChanges.Where(c => c.PublishedAtUtc is null))
        {
            change.MarkPublished(nowUtc);
        }
        IsPublic = true;
        PublishedVersion = approval.Number;
        (PublishedHeadline, PublishedStatusId, PublishedStatusSince, PublishedAtUtc) = (Headline, CurrentStatusId, CurrentStatusSince, nowUtc);
        Review = ReviewState.Approved;
        PendingAuthors = string.Empty;
        (SubmittedBy, SubmittedAtUtc, SubmissionComment, CorrectionNote) = (null, null, null, null);
        (SentBackBy, SentBackComment, WithdrawalNote, WithdrawnAtUtc) = (null, null, null, null);
        Stamp(user, nowUtc);
        return approval;
    }

    /// <summary>Returns the submission to its author with what to change; readers keep the approved version.</summary>
    public void SendBack(string user, bool isReviewer, string? comment, DateTime nowUtc)
    {
        if (!isReviewer)
        {
            throw new DomainRuleException(string.Empty, "Only reviewers and admins send claims back.");
        }
        if (Review != ReviewState.InReview)
        {
            throw new DomainRuleException(string.Empty, "Only a claim submitted for review can be sent back.");
        }
        if (string.IsNullOrWhiteSpace(comment))
        {
            throw new DomainRuleException("Comment", "Tell the author what to change.");
        }
        if (TextRules.CheckMultiLine("Comment", comment, NoteMaxLength) is { Succeeded: false } invalid)
        {
            throw new DomainRuleException("Comment", invalid.Error);
        }
        Review = ReviewState.SentBack;
        (SentBackBy, SentBackComment) = (user, comment.Trim());
        Stamp(user, nowUtc);
    }

    /// <summary>Withdraws a published claim from readers, with a public note that stays where the page was.</summary>
    public void Withdraw(string user, bool isReviewer, string? note, DateTime nowUtc)
    {
        if (!isReviewer)
        {
            throw new DomainRuleException(string.Empty, "Only reviewers and admins withdraw published claims.");
        }
        if (!IsPublic)
        {
            throw new DomainRuleException(string.Empty, "Readers do not see this claim; there is nothing to withdraw.");
        }
        if (string.IsNullOrWhiteSpace(note))
        {
            throw new DomainRuleException("Note", "Tell readers why the claim was withdrawn: the public note is required.");
        }
        if (TextRules.CheckMultiLine("Note", note, ClaimVersion.NoteMaxLength) is { Succeeded: false } invalid)
        {
            throw new DomainRuleException("Note", invalid.Error);
        }
        IsPublic = false;
        (WithdrawalNote, WithdrawnAtUtc) = (note.Trim(), nowUtc);
        Stamp(user, nowUtc);
    }

    private void RecomputeCurrentStatus()
    {
        var current = StandingHistory().FirstOrDefault();
        CurrentStatusId = current?.StatusId;
        CurrentStatusSince = current?.EffectiveOn;
    }

    /// <summary>A change readers would see: it becomes part of the pending version, and its author cannot approve it.</summary>
    private void Touch(string user, DateTime nowUtc)
    {
        Stamp(user, nowUtc);
        if (Review == ReviewState.Approved)
        {
            Review = ReviewState.Draft;
        }
        if (!Authors().Contains(user, StringComparer.OrdinalIgnoreCase))
        {
            PendingAuthors = PendingAuthors.Length == 0 ? user : PendingAuthors + "\n" + user;
        }
    }

    private void Stamp(string user, DateTime nowUtc)
    {
        UpdatedBy = user;
        UpdatedAtUtc = nowUtc;
        Version = Guid.NewGuid();
    }
}
