using ClaimTracker.Domain.Text;

namespace ClaimTracker.Domain.Claims;

/// <summary>
/// One entry of a claim's verdict history. Append-only: a mistake is fixed by a new entry that
/// <see cref="CorrectsId">corrects</see> this one, never by editing it.
/// </summary>
public sealed class StatusChange
{
    private readonly List<StatusChangeSource> sources = [];

    private StatusChange()
    {
    }

    public int Id { get; private set; }

    public int ClaimId { get; private set; }

    public int StatusId { get; private set; }

    public StatusDefinition? Status { get; private set; }

    /// <summary>When the evidence emerged; may be long before the entry was recorded.</summary>
    public DateOnly EffectiveOn { get; private set; }

    public SanitisedHtml Rationale { get; private set; } = SanitisedHtml.Empty;

    /// <summary>The earlier entry this one corrects, if it is a correction.</summary>
    public int? CorrectsId { get; private set; }

    public string RecordedBy { get; private set; } = string.Empty;

    public DateTime RecordedAtUtc { get; private set; }

    /// <summary>When a reviewer's approval made this entry public; null while it is pending.</summary>
    public DateTime? PublishedAtUtc { get; private set; }

    public IReadOnlyCollection<StatusChangeSource> Sources => sources;

    internal void MarkPublished(DateTime nowUtc) => PublishedAtUtc = nowUtc;

    public bool IsCorrection => CorrectsId is not null;

    internal static StatusChange Create(int claimId, StatusDefinition status, DateOnly effectiveOn, SanitisedHtml rationale,
        IReadOnlyCollection<int> sourceIds, int? correctsId, string user, DateTime nowUtc)
    {
        var change = new StatusChange
        {
            ClaimId = claimId,
            StatusId = status.Id,
            Status = status,
            EffectiveOn = effectiveOn,
            Rationale = rationale,
            CorrectsId = correctsId,
            RecordedBy = user,
            RecordedAtUtc = nowUtc,
        };
        change.sources.AddRange(sourceIds.Distinct().Select(id => new StatusChangeSource(id)));
        return change;
    }

    /// <summary>Two library records of one article were merged: this entry now rests on the one kept.</summary>
    internal void ReplaceSource(int fromId, int toId)
    {
        if (sources.RemoveAll(s => s.SourceId == fromId) > 0 && sources.All(s => s.SourceId != toId))
        {
            sources.Add(new StatusChangeSource(toId));
        }
    }
}
