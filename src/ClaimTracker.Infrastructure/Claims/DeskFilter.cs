using ClaimTracker.Domain.Claims;
using ClaimTracker.Domain.Text;
using ClaimTracker.Infrastructure.Data;
using ClaimTracker.Infrastructure.Search;
using Microsoft.EntityFrameworkCore;

namespace ClaimTracker.Infrastructure.Claims;

/// <summary>The desk's claim filters, shared by its list and its CSV export: working copies, drafts included.</summary>
public sealed class DeskFilter(AppDbContext db, IClaimSearch search)
{
    /// <summary>The claims this filter selects; a search keeps its best <paramref name="searchLimit"/> hits, ranked.</summary>
    public async Task<(IQueryable<Claim> Claims, IReadOnlyList<SearchHit>? Hits)> ApplyAsync(ClaimFilter filter, int searchLimit,
        CancellationToken cancellationToken)
    {
        var claims = db.Claims.AsNoTracking();
        IReadOnlyList<SearchHit>? hits = null;
        if (!string.IsNullOrWhiteSpace(filter.Query))
        {
            hits = await search.SearchAsync(db, filter.Query, searchLimit, cancellationToken);
            var ids = hits.Select(h => h.ClaimId).ToList();
            claims = claims.Where(c => ids.Contains(c.Id));
        }
        if (!string.IsNullOrEmpty(filter.Status))
        {
            claims = filter.Status == "none"
                ? claims.Where(c => c.CurrentStatusId == null)
                : claims.Where(c => db.Statuses.Any(s => s.Id == c.CurrentStatusId && s.Key == filter.Status));
        }
        if (!string.IsNullOrEmpty(filter.Topic))
        {
            var topic = Slug.From(filter.Topic);
            claims = claims.Where(c => c.Topics.Any(t => t.Topic!.Slug == topic));
        }
        if (filter.ActorId is { } actor)
        {
            claims = claims.Where(c => c.Actors.Any(a => a.ActorId == actor) || c.Statements.Any(s => s.ActorId == actor || s.JointActors.Any(j => j.ActorId == actor)));
        }
        if (!string.IsNullOrEmpty(filter.Language))
        {
            claims = claims.Where(c => c.Language == filter.Language || c.Language.StartsWith(filter.Language + "-"));
        }
        if (filter.IsPublic is { } isPublic)
        {
            claims = claims.Where(c => c.IsPublic == isPublic);
        }
        return (claims, hits);
    }
}
