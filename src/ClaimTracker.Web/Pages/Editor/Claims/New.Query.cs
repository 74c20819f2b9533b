using ClaimTracker.Domain.Text;
using ClaimTracker.Infrastructure.Claims;
using ClaimTracker.Infrastructure.Data;
using ClaimTracker.Infrastructure.Search;
using Microsoft.EntityFrameworkCore;

namespace ClaimTracker.Web.Pages.Editor.Claims;

/// <summary>
/// Claims like one being logged: the search's nearest by headline and text, with an exact or near-exact headline (the same
/// words, case and accents aside) ranked first, then by how much of the headline they share.
/// </summary>
public sealed class SimilarClaimsQuery(AppDbContext db, IClaimSearch search)
{
    public async Task<IReadOnlyList<ClaimRow>> GetAsync(string headline, string text, int? exceptId, CancellationToken cancellationToken = default)
    {
        var hits = await search.SimilarAsync(db, text, 5, cancellationToken);
        var ids = hits.Select(h => h.ClaimId).ToList();
        var trimmed = headline.Trim();
        if (trimmed.Length > 0)
        {
            // The same headline, case aside (lower() on both engines) (LIKE without wildcards: the editor's % and _ are taken literally).
            var pattern = LikePatterns.Exactly(trimmed);
            ids.AddRange(await db.Claims.Where(c => EF.Functions.Like(c.Headline.ToLower(), pattern, LikePatterns.Escape)).Select(c => c.Id).Take(3).ToListAsync(cancellationToken));
        }
        ids = ids.Where(id => id != exceptId).Distinct().ToList();
        var rows = await db.Claims.AsNoTracking().Where(c => ids.Contains(c.Id)).AsRows(db).ToListAsync(cancellationToken);
        return rows.OrderByDescending(r => LookAlike.Overlap(headline, r.Headline) >= 0.99)
            .ThenBy(r => ids.IndexOf(r.Id))
            .ToList();
    }
}
