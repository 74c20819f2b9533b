using ClaimTracker.Domain.Text;

namespace ClaimTracker.Domain.Claims;

/// <summary>
/// A party's recorded position on a claim: "Pyongyang denied the arms transfers (June 2024)". A later
/// admission is a new statement with stance <see cref="Stance.Confirms"/>, never an edit of the denial.
/// </summary>
public sealed class Statement
{
    public const int QuoteMaxLength = 4000;

    private readonly List<StatementSource> sources = [];

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

    public sealed record Draft(int ActorId, Stance Stance, DateOnly? MadeOn, string? Quote, string QuoteLanguage,
        string? Translation, IReadOnlyCollection<int> SourceIds);

    public static IReadOnlyList<FieldError> Validate(Draft draft)
    {
        var errors = new List<FieldError>();
        if (draft.ActorId <= 0)
        {
            errors.Add(new FieldError(nameof(Draft.ActorId), "Choose whose position this is."));
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

    /// <summary>Fixes the record of what was said (date, wording, sources). Who said it and the stance stay:
    /// a change of position is a new statement.</summary>
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
        Quote = Actor.Clean(draft.Quote);
        QuoteLanguage = language;
        Translation = Actor.Clean(draft.Translation);
        var wanted = draft.SourceIds.Distinct().ToHashSet();
        sources.RemoveAll(s => !wanted.Contains(s.SourceId));
        sources.AddRange(wanted.Where(id => sources.All(s => s.SourceId != id)).Select(id => new StatementSource(id)));
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
            Quote = Actor.Clean(draft.Quote),
            QuoteLanguage = language,
            Translation = Actor.Clean(draft.Translation),
            RecordedBy = user,
            RecordedAtUtc = nowUtc,
        };
        statement.sources.AddRange(draft.SourceIds.Distinct().Select(id => new StatementSource(id)));
        return statement;
    }
}

public sealed class StatementSource
{
    private StatementSource()
    {
    }

    internal StatementSource(int sourceId) => SourceId = sourceId;

    public int StatementId { get; private set; }

    public int SourceId { get; private set; }
}
