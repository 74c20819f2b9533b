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
    /// The newest preserved copy and the link state of each of these sources, in one compiled query (key look-ups and a walk
    /// down the (SourceId, CapturedAtUtc) index per source). Every claim page asks: a LINQ query translated on each call and a
    /// second query for the copies' details cost a fifth of the page.
    /// </summary>
    public async Task<IReadOnlyDictionary<int, SourceEvidenceView>> ForSourcesAsync(IReadOnlyCollection<int> sourceIds,
        CancellationToken cancellationToken = default)
    {
        var found = new Dictionary<int, SourceEvidenceView>();
        if (sourceIds.Count == 0)
        {
            return found;
        }
        await foreach (var row in OfSources(db, sourceIds.ToArray()).WithCancellation(cancellationToken))
        {
            if (row.CopyId is not null || row.LinkState == LinkState.Gone)
            {
                found[row.Id] = new SourceEvidenceView(row.LinkState, row.CopyId, row.CapturedAtUtc, row.Sha256);
            }
        }
        return found;
    }

    private sealed record EvidenceRow(int Id, LinkState LinkState, int? CopyId, DateTime? CapturedAtUtc, string? Sha256);

    private static readonly Func<AppDbContext, int[], IAsyncEnumerable<EvidenceRow>> OfSources = EF.CompileAsyncQuery(
        (AppDbContext db, int[] ids) => db.Sources.AsNoTracking().Where(s => ids.Contains(s.Id))
            .Select(s => new EvidenceRow(
                s.Id,
                s.LinkState,
                db.SourceCaptures.Where(c => c.SourceId == s.Id).OrderByDescending(c => c.CapturedAtUtc).ThenByDescending(c => c.Id)
                    .Select(c => (int?)c.Id).FirstOrDefault(),
                db.SourceCaptures.Where(c => c.SourceId == s.Id).OrderByDescending(c => c.CapturedAtUtc).ThenByDescending(c => c.Id)
                    .Select(c => (DateTime?)c.CapturedAtUtc).FirstOrDefault(),
                db.SourceCaptures.Where(c => c.SourceId == s.Id).OrderByDescending(c => c.CapturedAtUtc).ThenByDescending(c => c.Id)
                    .Select(c => c.Sha256).FirstOrDefault())));
}
