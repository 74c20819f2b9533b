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
    /// <summary>The preserved copies and link states of these sources, in one query.</summary>
    public async Task<IReadOnlyDictionary<int, SourceEvidenceView>> ForSourcesAsync(IReadOnlyCollection<int> sourceIds,
        CancellationToken cancellationToken = default)
    {
        if (sourceIds.Count == 0)
        {
            return new Dictionary<int, SourceEvidenceView>();
        }
        var rows = await db.Sources.AsNoTracking().Where(s => sourceIds.Contains(s.Id))
            .Select(s => new
            {
                s.Id,
                s.LinkState,
                Copy = db.SourceCaptures.Where(c => c.SourceId == s.Id).OrderByDescending(c => c.CapturedAtUtc).ThenByDescending(c => c.Id)
                    .Select(c => new { c.Id, c.CapturedAtUtc, c.Sha256 }).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        return rows.Where(r => r.Copy is not null || r.LinkState == LinkState.Gone)
            .ToDictionary(r => r.Id, r => new SourceEvidenceView(r.LinkState, r.Copy?.Id, r.Copy?.CapturedAtUtc, r.Copy?.Sha256));
    }
}
