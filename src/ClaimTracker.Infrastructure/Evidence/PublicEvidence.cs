using ClaimTracker.Domain.Evidence;
using ClaimTracker.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace ClaimTracker.Infrastructure.Evidence;

/// <summary>
/// What readers are told about a cited page: the newest preserved copy (when, its SHA-256) and whether the link check found
/// the page gone. <see cref="CopyId"/> is null when nothing was kept.
/// </summary>
public sealed record SourceEvidenceView(LinkState LinkState, int? CopyId, DateTime? CapturedAtUtc, string? Sha256)
{
    public bool IsGone => LinkState == LinkState.Gone;
}

/// <summary>What a claim page says of its sources' pages: kept copies and link states.</summary>
public sealed class PublicEvidence(AppDbContext db)
{
    /// <summary>
    /// The newest preserved copy and the link state of each of these sources: one query of primary-key and index look-ups
    /// (a window over every capture made SQLite build a temporary index on each page view), and one more for the copies'
    /// details when there are copies.
    /// </summary>
    public async Task<IReadOnlyDictionary<int, SourceEvidenceView>> ForSourcesAsync(IReadOnlyCollection<int> sourceIds,
        CancellationToken cancellationToken = default)
    {
        if (sourceIds.Count == 0)
        {
            return new Dictionary<int, SourceEvidenceView>();
        }
        var rows = (await db.Sources.AsNoTracking().Where(s => sourceIds.Contains(s.Id))
                .Select(s => new
                {
                    s.Id,
                    s.LinkState,
                    CopyId = db.SourceCaptures.Where(c => c.SourceId == s.Id).OrderByDescending(c => c.CapturedAtUtc).ThenByDescending(c => c.Id)
                        .Select(c => (int?)c.Id).FirstOrDefault(),
                })
                .ToListAsync(cancellationToken))
            .Where(r => r.CopyId is not null || r.LinkState == LinkState.Gone).ToList();
        var copyIds = rows.Where(r => r.CopyId is not null).Select(r => r.CopyId!.Value).ToList();
        var copies = copyIds.Count == 0
            ? []
            : await db.SourceCaptures.AsNoTracking().Where(c => copyIds.Contains(c.Id))
                .Select(c => new { c.Id, c.CapturedAtUtc, c.Sha256 }).ToDictionaryAsync(c => c.Id, cancellationToken);
        return rows.ToDictionary(r => r.Id, r => r.CopyId is { } id && copies.TryGetValue(id, out var copy)
            ? new SourceEvidenceView(r.LinkState, id, copy.CapturedAtUtc, copy.Sha256)
            : new SourceEvidenceView(r.LinkState, null, null, null));
    }
}
