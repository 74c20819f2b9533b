using ClaimTracker.Domain.Text;
using ClaimTracker.Domain.Site;

namespace ClaimTracker.Domain.Claims;

/// <summary>What a claim rests on: who said what (statements), the sources it cites and how, and its status history.</summary>
public sealed partial class Claim
{
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
            link.Change(stance, TextRules.Optional(quote), TextRules.Optional(note));
        }
        else
        {
            // The stance is part of which citation it is: the old one goes, the new one comes (unless it is there already).
            if (sources.Any(s => s.SourceId == sourceId && s.Stance == stance))
            {
                throw new DomainRuleException("Stance", $"The claim already cites this source as “{stance.Describe()}”; edit that citation instead.");
            }
            sources.Remove(link);
            sources.Add(new ClaimSource(sourceId, stance, TextRules.Optional(quote), TextRules.Optional(note)));
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
        sources.Add(new ClaimSource(sourceId, stance, TextRules.Optional(quote), TextRules.Optional(note)));
        Touch(user, nowUtc);
    }


    /// <summary>Attaches a source that is new to the library; both are saved together.</summary>
    public void AttachNewSource(Source source, SourceStance stance, string? quote, string? note, string user, DateTime nowUtc)
    {
        CheckLink(stance, quote, note);
        sources.Add(new ClaimSource(source, stance, TextRules.Optional(quote), TextRules.Optional(note)));
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


    private void RecomputeCurrentStatus()
    {
        var current = StandingHistory().FirstOrDefault();
        CurrentStatusId = current?.StatusId;
        CurrentStatusSince = current?.EffectiveOn;
    }
}
