using ClaimTracker.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace ClaimTracker.Infrastructure.Claims;

/// <summary>What search engines may list: published claims (with their latest approval), and the actor and topic pages
/// that have published claims. Drafts and withdrawn claims are never in it.</summary>
public sealed class PublicSitemap(AppDbContext db, PublicTallies tallies)
{
    /// <summary>Claims per sitemap file (the protocol allows 50,000; smaller files stay quick to build).</summary>
    public const int ClaimsPerFile = 10_000;

    /// <summary>How many claims readers see: from the kept counts (a count of every claim took 200 ms at 100,000; a public claim
    /// has always been approved).</summary>
    public async Task<int> ClaimCountAsync(CancellationToken cancellationToken = default) =>
        (await tallies.GetAsync(cancellationToken)).All.Total;

    /// <summary>Page <paramref name="page"/> (from 1) of the published claims, by id: slug and when a version was last approved.</summary>
    public async Task<IReadOnlyList<(string Slug, DateTime? ApprovedAtUtc)>> ClaimsAsync(int page, CancellationToken cancellationToken = default)
    {
        var rows = await db.Claims.AsNoTracking().Where(c => c.IsPublic && c.PublishedVersion != null).OrderBy(c => c.Id)
            .Skip((page - 1) * ClaimsPerFile).Take(ClaimsPerFile)
            .Select(c => new { c.Slug, Approved = db.ClaimVersions.Where(v => v.ClaimId == c.Id).Max(v => (DateTime?)v.ApprovedAtUtc) })
            .ToListAsync(cancellationToken);
        return rows.Select(r => (r.Slug, r.Approved)).ToList();
    }

    /// <summary>The actor and topic pages that list at least one published claim.</summary>
    public async Task<(IReadOnlyList<string> Actors, IReadOnlyList<string> Topics)> IndexPagesAsync(CancellationToken cancellationToken = default) =>
        (await db.Actors.AsNoTracking().Where(a => db.PublishedClaimActors.Any(p => p.ActorId == a.Id)).OrderBy(a => a.Slug).Select(a => a.Slug).ToListAsync(cancellationToken),
         await db.Topics.AsNoTracking().Where(t => db.PublishedClaimTopics.Any(p => p.TopicId == t.Id)).OrderBy(t => t.Slug).Select(t => t.Slug).ToListAsync(cancellationToken));
}
