using ClaimTracker.Domain.Text;

namespace ClaimTracker.Domain.Claims;

/// <summary>
/// A party's recorded position on a claim: "Pyongyang denied the arms transfers (June 2024)". A later
/// admission is a new statement with stance <see cref="Stance.Confirms"/>, never an edit of the denial.
/// </summary>
public sealed class Statement
{
    public const int QuoteMaxLength = 4000;

    /// <summary>How many may share one statement ("denied by Pyongyang and Moscow"): a joint declaration, not a petition.</summary>
    public const int MaxJointActors = 20;

    private readonly List<StatementSource> sources = [];
    private readonly List<StatementActor> jointActors = [];

    private Statement()
    {
    }

    public int Id { get; private set; }

    public int ClaimId { get; private set; }

    public int ActorId { get; private set; }

    public Actor? Actor { get; private set; }

    public Stance Stance { get; private set; }

    public DateOnly MadeOn { get; private set; }

    public string? Quote { get; private set; }

    public string QuoteLanguage { get; private set; } = "de";

    public string? Translation { get; private set; }

    public string RecordedBy { get; private set; } = string.Empty;

    public DateTime RecordedAtUtc { get; private set; }

    public IReadOnlyCollection<StatementSource> Sources => sources;

    /// <summary>Those who said it together with <see cref="Actor"/> (a joint statement is recorded once).</summary>
    public IReadOnlyCollection<StatementActor> JointActors => jointActors;

    /// <summary>Everyone who said it: the first named, then those who said it with them.</summary>
    public IEnumerable<int> ActorIds => jointActors.Select(j => j.ActorId).Prepend(ActorId);

    /// <param name="JointActorIds">Who else said it, in one joint statement (the first named is <paramref name="ActorId"/>).</param>
    public sealed record Draft(int ActorId, Stance Stance, DateOnly? MadeOn, string? Quote, string QuoteLanguage,
        string? Translation, IReadOnlyCollection<int> SourceIds, IReadOnlyCollection<int>? JointActorIds = null)
    {
        /// <summary>The others, each once, without the first named.</summary>
        public IReadOnlyList<int> Joint => (JointActorIds ?? []).Where(id => id > 0 && id != ActorId).Distinct().ToList();

        /// <summary>Everyone who said it.</summary>
        public IReadOnlyList<int> AllActorIds => [ActorId, .. Joint];
    }

    public static IReadOnlyList<FieldError> Validate(Draft draft)
    {
        var errors = new List<FieldError>();
        if (draft.ActorId <= 0)
        {
            errors.Add(new FieldError(nameof(Draft.ActorId), "Choose whose position this is."));
        }
        if (draft.Joint.Count > MaxJointActors)
        {
            errors.Add(new FieldError(nameof(Draft.JointActorIds), $"A joint statement names at most {MaxJointActors + 1} parties."));
        }
        if (!Enum.IsDefined(draft.Stance))
        {
            errors.Add(new FieldError(nameof(Draft.Stance), "Choose the stance."));
        }
        if (draft.MadeOn is null)
        {
            errors.Add(new FieldError(nameof(Draft.MadeOn), "Enter the date of the statement."));
        }
        errors.AddIfFailed(nameof(Draft.Quote), TextRules.CheckMultiLine("Quote", draft.Quote, QuoteMaxLength));
        errors.AddIfFailed(nameof(Draft.Translation), TextRules.CheckMultiLine("Translation", draft.Translation, QuoteMaxLength));
        if (!LanguageTag.TryNormalise(draft.QuoteLanguage, out _, out var languageError))
        {
            errors.Add(new FieldError(nameof(Draft.QuoteLanguage), languageError));
        }
        return errors;
    }

    /// <summary>Fixes the record of what was said (date, wording, sources, who said it with the first named). The first
    /// named and the stance stay: a change of position is a new statement.</summary>
    internal void Correct(Draft draft)
    {
        if (draft.ActorId != ActorId || draft.Stance != Stance)
        {
            throw new DomainRuleException(nameof(Draft.Stance), "Who said it and the stance cannot change; record a change of position as a new statement.");
        }
        if (Validate(draft) is [var first, ..])
        {
            throw new DomainRuleException(first.Field, first.Message);
        }
        LanguageTag.TryNormalise(draft.QuoteLanguage, out var language, out _);
        MadeOn = draft.MadeOn!.Value;
        Quote = TextRules.Optional(draft.Quote);
        QuoteLanguage = language;
        Translation = TextRules.Optional(draft.Translation);
        var wanted = draft.SourceIds.Distinct().ToHashSet();
        sources.RemoveAll(s => !wanted.Contains(s.SourceId));
        sources.AddRange(wanted.Where(id => sources.All(s => s.SourceId != id)).Select(id => new StatementSource(id)));
        var joint = draft.Joint.ToHashSet();
        jointActors.RemoveAll(j => !joint.Contains(j.ActorId));
        jointActors.AddRange(draft.Joint.Where(id => jointActors.All(j => j.ActorId != id)).Select(id => new StatementActor(id)));
    }

    /// <summary>Two library records of one article were merged: the statement now cites the one kept.</summary>
    internal void ReplaceSource(int fromId, int toId)
    {
        if (sources.RemoveAll(s => s.SourceId == fromId) > 0 && sources.All(s => s.SourceId != toId))
        {
            sources.Add(new StatementSource(toId));
        }
    }

    internal static Statement Create(int claimId, Draft draft, string user, DateTime nowUtc)
    {
        if (Validate(draft) is [var first, ..])
        {
            throw new DomainRuleException(first.Field, first.Message);
        }
        LanguageTag.TryNormalise(draft.QuoteLanguage, out var language, out _);
        var statement = new Statement
        {
            ClaimId = claimId,
            ActorId = draft.ActorId,
            Stance = draft.Stance,
            MadeOn = draft.MadeOn!.Value,
            Quote = TextRules.Optional(draft.Quote),
            QuoteLanguage = language,
            Translation = TextRules.Optional(draft.Translation),
            RecordedBy = user,
            RecordedAtUtc = nowUtc,
        };
        statement.sources.AddRange(draft.SourceIds.Distinct().Select(id => new StatementSource(id)));
        statement.jointActors.AddRange(draft.Joint.Select(id => new StatementActor(id)));
        return statement;
    }
}
