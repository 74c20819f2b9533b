using ClaimTracker.Infrastructure.Claims;
using ClaimTracker.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace ClaimTracker.Web.Pages.Editor.Claims;

/// <summary>The desk's claim list: the filter's claims, most recently changed first, or a search's best hits in rank order.</summary>
public sealed class DeskListQuery(AppDbContext db, DeskFilter filters)
{
    public const int PageSize = 50;

    /// <summary>How many hits of a search are read before the page's rows are ranked.</summary>
    private const int SearchLimit = 500;

    public async Task<IReadOnlyList<ClaimRow>> GetAsync(ClaimFilter filter, CancellationToken cancellationToken = default)
    {
        var (claims, hits) = await filters.ApplyAsync(filter, SearchLimit, cancellationToken);
        var rows = await claims.OrderByDescending(c => c.UpdatedAtUtc).AsRows(db).Take(hits is null ? PageSize : SearchLimit).ToListAsync(cancellationToken);
        if (hits is null)
        {
            return rows;
        }
        var rank = hits.Select((h, i) => (h.ClaimId, i)).ToDictionary(x => x.ClaimId, x => x.i);
        return rows.OrderBy(r => rank[r.Id]).Take(PageSize).ToList();
    }
}
