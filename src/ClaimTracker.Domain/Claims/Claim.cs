using ClaimTracker.Domain.Text;

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

    /// <summary>The permalink; stays when the headline changes.</summary>
    public string Slug { get; private set; } = string.Empty;

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

    /// <summary>Readers see only public claims (the review workflow will stand in front of this).</summary>
    public bool IsPublic { get; private set; }

    /// <summary>Kept in step with the status history by <see cref="ChangeStatus"/>; for lists and filters.</summary>
    public int? CurrentStatusId { get; private set; }

    public DateOnly? CurrentStatusSince { get; private set; }

    public string CreatedBy { get; private set; } = string.Empty;

    public DateTime CreatedAtUtc { get; private set; }

    public string UpdatedBy { get; private set; } = string.Empty;

    public DateTime UpdatedAtUtc { get; private set; }

    /// <summary>Changes with every save; a form holding an older value cannot overwrite.</summary>
    public Guid Version { get; private set; }

    public IReadOnlyCollection<ClaimActor> Actors => actors;

    public IReadOnlyCollection<ClaimTopic> Topics => topics;

    public IReadOnlyCollection<Statement> Statements => statements;

    public IReadOnlyCollection<ClaimSource> Sources => sources;

    public IReadOnlyCollection<StatusChange> StatusChanges => statusChanges;

    public IReadOnlyCollection<ClaimRelation> Relations => relations;

    public sealed record Draft(string Headline, string OriginalText, string Language, string? Translation,
        string? Translator, bool IsMachineTranslated, DateOnly? FirstMadeOn, SanitisedHtml Summary, DateOnly? ReviewBy,
        string? ClaimReviewed = null);

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
        if (string.IsNullOrWhiteSpace(draft.Translation) && (!string.IsNullOrWhiteSpace(draft.Translator) || draft.IsMachineTranslated))
        {
            errors.Add(new FieldError(nameof(Draft.Translation), "Translator and machine translation need a translation."));
        }
        return errors;
    }

    public static Claim Create(Draft draft, string slug, string user, DateTime nowUtc)
    {
        if (!Text.Slug.IsValid(slug))
        {
            throw new DomainRuleException(nameof(Slug), $"'{slug}' is not a valid slug.");
        }
        var claim = new Claim { Slug = slug, CreatedBy = user, CreatedAtUtc = nowUtc };
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
        Headline = TextRules.Normalise(draft.Headline.Trim());
        OriginalText = TextRules.Normalise(draft.OriginalText.Trim());
        Language = language;
        Translation = Actor.Clean(draft.Translation);
        Translator = Translation is null ? null : Actor.Clean(draft.Translator);
        IsMachineTranslated = Translation is not null && draft.IsMachineTranslated;
        FirstMadeOn = draft.FirstMadeOn;
        Summary = draft.Summary;
        ReviewBy = draft.ReviewBy;
        ClaimReviewed = Actor.Clean(draft.ClaimReviewed);
        Touch(user, nowUtc);
    }

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

    /// <summary>Changes the permalink on purpose; returns the old slug, which must keep redirecting.</summary>
    public string ChangeSlug(string newSlug, string user, DateTime nowUtc)
    {
        if (!Text.Slug.IsValid(newSlug))
        {
            throw new DomainRuleException(nameof(Slug), "A slug is lower-case letters, digits and single hyphens, at most 80 characters.");
        }
        var old = Slug;
        Slug = newSlug;
        Touch(user, nowUtc);
        return old;
    }

    public void SetParticipants(IEnumerable<int> claimantIds, IEnumerable<int> subjectIds, string user, DateTime nowUtc)
    {
        var wanted = claimantIds.Distinct().Select(id => (id, ClaimRole.Claimant))
            .Concat(subjectIds.Distinct().Select(id => (id, ClaimRole.Subject)))
            .ToHashSet();
        actors.RemoveAll(a => !wanted.Contains((a.ActorId, a.Role)));
        foreach (var (id, role) in wanted.Where(w => !actors.Any(a => a.ActorId == w.id && a.Role == w.Item2)))
        {
            actors.Add(new ClaimActor(id, role));
        }
        Touch(user, nowUtc);
    }

    public void SetTopics(IEnumerable<Topic> newTopics, string user, DateTime nowUtc)
    {
        var list = newTopics.ToList();
        var keep = list.Where(t => t.Id != 0).Select(t => t.Id).ToHashSet();
        topics.RemoveAll(t => t.TopicId != 0 && !keep.Contains(t.TopicId));
        foreach (var topic in list.Where(t => t.Id == 0 || topics.All(ct => ct.TopicId != t.Id)))
        {
            topics.Add(new ClaimTopic(topic));
        }
        Touch(user, nowUtc);
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

    public void EditSourceLink(int sourceId, SourceStance stance, string? quote, string? note, string user, DateTime nowUtc)
    {
        var link = sources.FirstOrDefault(s => s.SourceId == sourceId)
                   ?? throw new DomainRuleException("SourceId", "This source is not attached to the claim.");
        CheckLink(stance, quote, note);
        link.Change(stance, Actor.Clean(quote), Actor.Clean(note));
        Touch(user, nowUtc);
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

    /// <summary>Removes a source the claim no longer needs; one that a statement or a status change rests on stays.</summary>
    public void DetachSource(int sourceId, string user, DateTime nowUtc)
    {
        var link = sources.FirstOrDefault(s => s.SourceId == sourceId)
                   ?? throw new DomainRuleException("SourceId", "This source is not attached to the claim.");
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
        if (sources.Any(s => s.SourceId == sourceId))
        {
            throw new DomainRuleException("SourceId", "This source is already attached to the claim.");
        }
        CheckLink(stance, quote, note);
        sources.Add(new ClaimSource(sourceId, stance, Actor.Clean(quote), Actor.Clean(note)));
        Touch(user, nowUtc);
    }

    /// <summary>
    /// Appends a status change. A verdict rests on at least one of the claim's sources; the rationale
    /// is required; the evidence cannot date from the future. A correction names the entry it corrects.
    /// </summary>
    public StatusChange ChangeStatus(StatusDefinition status, DateOnly effectiveOn, SanitisedHtml rationale,
        IReadOnlyCollection<int> sourceIds, int? correctsId, string user, DateTime nowUtc)
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

    public void AssignTo(string? editorEmail, string user, DateTime nowUtc)
    {
        AssignedTo = string.IsNullOrWhiteSpace(editorEmail) ? null : editorEmail.Trim();
        Touch(user, nowUtc);
    }

    public void Publish(string user, DateTime nowUtc)
    {
        IsPublic = true;
        Touch(user, nowUtc);
    }

    public void Unpublish(string user, DateTime nowUtc)
    {
        IsPublic = false;
        Touch(user, nowUtc);
    }

    private void RecomputeCurrentStatus()
    {
        var current = StandingHistory().FirstOrDefault();
        CurrentStatusId = current?.StatusId;
        CurrentStatusSince = current?.EffectiveOn;
    }

    private void Touch(string user, DateTime nowUtc)
    {
        UpdatedBy = user;
        UpdatedAtUtc = nowUtc;
        Version = Guid.NewGuid();
    }
}

public sealed class ClaimActor
{
    private ClaimActor()
    {
    }

    internal ClaimActor(int actorId, ClaimRole role) => (ActorId, Role) = (actorId, role);

    public int ClaimId { get; private set; }

    public int ActorId { get; private set; }

    public Actor? Actor { get; private set; }

    public ClaimRole Role { get; private set; }
}

public sealed class ClaimTopic
{
    private ClaimTopic()
    {
    }

    internal ClaimTopic(Topic topic) => (Topic, TopicId) = (topic, topic.Id);

    public int ClaimId { get; private set; }

    public int TopicId { get; private set; }

    public Topic? Topic { get; private set; }
}

/// <summary>A source attached to a claim, with what it does for the claim.</summary>
public sealed class ClaimSource
{
    private ClaimSource()
    {
    }

    internal ClaimSource(int sourceId, SourceStance stance, string? quote, string? note) =>
        (SourceId, Stance, Quote, Note) = (sourceId, stance, quote, note);

    internal void Change(SourceStance stance, string? quote, string? note) => (Stance, Quote, Note) = (stance, quote, note);

    public int ClaimId { get; private set; }

    public int SourceId { get; private set; }

    public Source? Source { get; private set; }

    public SourceStance Stance { get; private set; }

    public string? Quote { get; private set; }

    public string? Note { get; private set; }
}

public sealed class ClaimRelation
{
    private ClaimRelation()
    {
    }

    internal ClaimRelation(RelationKind kind, int toClaimId) => (Kind, ToClaimId) = (kind, toClaimId);

    public int FromClaimId { get; private set; }

    public int ToClaimId { get; private set; }

    public RelationKind Kind { get; private set; }
}

/// <summary>An old permalink that keeps pointing to its claim after the slug was changed on purpose.</summary>
public sealed class SlugRedirect
{
    private SlugRedirect()
    {
    }

    public SlugRedirect(string oldSlug, int claimId) => (OldSlug, ClaimId) = (oldSlug, claimId);

    public string OldSlug { get; private set; } = string.Empty;

    public int ClaimId { get; private set; }
}
