using ClaimTracker.Domain.Workflow;
using ClaimTracker.Infrastructure.Claims;
using ClaimTracker.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace ClaimTracker.Web.Pages.Editor;

/// <summary>"My work": claims assigned to me (the next review first), and my drafts (never published, not submitted).</summary>
public sealed class MyWorkQuery(AppDbContext db)
{
    public async Task<(IReadOnlyList<ClaimRow> Assigned, IReadOnlyList<ClaimRow> Drafts)> GetAsync(string user, CancellationToken cancellationToken = default)
    {
        var claims = db.Claims.AsNoTracking();
        var assigned = await claims.Where(c => c.AssignedTo == user).OrderBy(c => c.ReviewBy ?? DateOnly.MaxValue).ThenByDescending(c => c.UpdatedAtUtc)
            .AsRows(db).ToListAsync(cancellationToken);
        var drafts = await claims.Where(c => c.CreatedBy == user && c.PublishedVersion == null && c.Review.State == ReviewState.Draft)
            .OrderByDescending(c => c.UpdatedAtUtc).AsRows(db).ToListAsync(cancellationToken);
        return (assigned, drafts);
    }
}
