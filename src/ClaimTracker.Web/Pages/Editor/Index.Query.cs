using ClaimTracker.Infrastructure.Claims;
using ClaimTracker.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace ClaimTracker.Web.Pages.Editor;

public sealed record DashboardView(IReadOnlyList<(StatusBadge? Status, int Count)> CountsByStatus, IReadOnlyList<ClaimRow> Overdue,
    IReadOnlyList<ClaimRow> RecentlyChanged, IReadOnlyList<ClaimRow> Mine);

/// <summary>The desk's start page: claims by status, overdue reviews, the latest changes, and this editor's latest.</summary>
public sealed class DashboardQuery(AppDbContext db, TimeProvider clock)
{
    public async Task<DashboardView> GetAsync(string user, CancellationToken cancellationToken = default)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var counts = await db.Claims.GroupBy(c => c.CurrentStatusId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var statuses = await db.Statuses.AsNoTracking().OrderBy(s => s.Order).ToListAsync(cancellationToken);
        var byStatus = statuses.Select(s => ((StatusBadge?)new StatusBadge(s.Key, s.NameEn, s.Colour), counts.FirstOrDefault(c => c.Key == s.Id)?.Count ?? 0))
            .Prepend((null, counts.FirstOrDefault(c => c.Key == null)?.Count ?? 0)).ToList();
        var claims = db.Claims.AsNoTracking();
        var overdue = await claims.Where(c => c.ReviewBy != null && c.ReviewBy < today).OrderBy(c => c.ReviewBy).AsRows(db).Take(20).ToListAsync(cancellationToken);
        var recent = await claims.OrderByDescending(c => c.UpdatedAtUtc).AsRows(db).Take(10).ToListAsync(cancellationToken);
        var mine = await claims.Where(c => c.UpdatedBy == user || c.CreatedBy == user).OrderByDescending(c => c.UpdatedAtUtc).AsRows(db).Take(10)
            .ToListAsync(cancellationToken);
        return new DashboardView(byStatus, overdue, recent, mine);
    }
}
