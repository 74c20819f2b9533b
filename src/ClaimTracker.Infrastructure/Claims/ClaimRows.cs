using ClaimTracker.Domain.Claims;
using ClaimTracker.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace ClaimTracker.Infrastructure.Claims;

/// <summary>The desk's one-line view of a claim (<see cref="ClaimRow"/>), projected in SQL wherever staff pages list claims.</summary>
public static class ClaimRows
{
    public static IQueryable<ClaimRow> AsRows(this IQueryable<Claim> claims, AppDbContext db) =>
        claims.Select(c => new ClaimRow(c.Id, c.Slug, c.Headline,
            db.Statuses.Where(s => s.Id == c.CurrentStatusId).Select(s => new StatusBadge(s.Key, s.NameEn, s.Colour)).FirstOrDefault(),
            c.CurrentStatusSince, c.IsPublic, c.Language, c.UpdatedAtUtc, c.UpdatedBy, c.ReviewBy, c.Review.State, c.PublishedVersion != null));

    /// <summary>These claims' rows (working copies), the most recently changed first.</summary>
    public static async Task<IReadOnlyList<ClaimRow>> ClaimRowsAsync(this AppDbContext db, IReadOnlyCollection<int> ids,
        CancellationToken cancellationToken = default) =>
        await db.Claims.AsNoTracking().Where(c => ids.Contains(c.Id)).OrderByDescending(c => c.UpdatedAtUtc).AsRows(db).ToListAsync(cancellationToken);
}

internal static class ClaimLookup
{
    /// <summary>The claim under this slug, or the one an old slug of it still points to.</summary>
    public static async Task<int?> ClaimIdBySlugAsync(this AppDbContext db, string slug, CancellationToken cancellationToken) =>
        await db.Claims.Where(c => c.Slug == slug || c.PendingSlug == slug).Select(c => (int?)c.Id).FirstOrDefaultAsync(cancellationToken)
        ?? await db.SlugRedirects.Where(r => r.OldSlug == slug).Select(r => (int?)r.ClaimId).FirstOrDefaultAsync(cancellationToken);
}
