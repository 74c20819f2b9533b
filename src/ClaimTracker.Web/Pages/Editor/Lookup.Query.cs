using ClaimTracker.Infrastructure.Claims;
using ClaimTracker.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace ClaimTracker.Web.Pages.Editor;

/// <summary>Type-ahead for parent and related claims: headlines (or slugs) containing what was typed (case aside), newest first.</summary>
public sealed class ClaimSuggestionsQuery(AppDbContext db)
{
    public async Task<IReadOnlyList<(string Slug, string Headline)>> GetAsync(string typed, int limit, CancellationToken cancellationToken = default)
    {
        var pattern = LikePatterns.Containing(typed);
        var rows = await db.Claims.AsNoTracking()
            .Where(c => EF.Functions.Like(c.Headline.ToLower(), pattern, LikePatterns.Escape) || EF.Functions.Like(c.Slug, pattern, LikePatterns.Escape))
            .OrderByDescending(c => c.UpdatedAtUtc).Take(limit).Select(c => new { c.Slug, c.Headline }).ToListAsync(cancellationToken);
        return rows.Select(r => (r.Slug, r.Headline)).ToList();
    }
}
