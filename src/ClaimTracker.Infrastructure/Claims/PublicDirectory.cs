using ClaimTracker.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace ClaimTracker.Infrastructure.Claims;

/// <summary>Actors and topics as readers see them: only while a public claim's approved version names them.</summary>
public sealed class PublicDirectory(AppDbContext db, ReferenceData reference, PublicLists lists)
{
    /// <summary>Every topic a public claim's approved version is filed under, by name, from memory (<see cref="ReferenceData"/>: forgotten by any save that adds, renames or deletes one).</summary>
    public Task<List<(string Slug, string Name)>> TopicsAsync(CancellationToken cancellationToken = default) =>
        reference.GetAsync(nameof(TopicsAsync), async ct =>
            (await db.Topics.AsNoTracking()
                .Where(t => db.PublishedClaimTopics.Any(p => p.TopicId == t.Id && db.Claims.Any(c => c.Id == p.ClaimId && c.IsPublic)))
                .OrderBy(t => t.Name).Select(t => new { t.Slug, t.Name }).ToListAsync(ct))
            .Select(t => (t.Slug, t.Name)).ToList(), cancellationToken);

    /// <summary>Where readers find the actors a claim page names (by id) and its topics (by name): those with a public page.</summary>
    public Task<ReaderLinks> LinksAsync(CancellationToken cancellationToken = default) =>
        reference.GetAsync(nameof(LinksAsync), async ct => new ReaderLinks(
            (await db.Actors.AsNoTracking().Where(a => a.PublishedName != null
                    && db.PublishedClaimActors.Any(p => p.ActorId == a.Id && db.Claims.Any(c => c.Id == p.ClaimId && c.IsPublic)))
                .Select(a => new { a.Id, a.Slug }).ToListAsync(ct)).ToDictionary(a => a.Id, a => a.Slug),
            (await TopicsAsync(ct)).ToDictionary(t => t.Name, t => t.Slug)), cancellationToken);

    /// <summary>
    /// An actor as readers see it: as approved with the latest claim version naming it, and only while a public claim's
    /// approved version names it (otherwise null, a 404).
    /// </summary>
    public async Task<(string Name, string? Description, string? WikidataId, IReadOnlyList<PublicRow> Claims)?> ActorAsync(string slug,
        CancellationToken cancellationToken = default)
    {
        var actor = await db.Actors.AsNoTracking()
            .Where(a => a.Slug == slug && a.PublishedName != null
                        && db.PublishedClaimActors.Any(p => p.ActorId == a.Id && db.Claims.Any(c => c.Id == p.ClaimId && c.IsPublic)))
            .Select(a => new { a.PublishedName, a.PublishedDescription, a.PublishedWikidataId })
            .FirstOrDefaultAsync(cancellationToken);
        if (actor is null)
        {
            return null;
        }
        var page = await lists.ListAsync(new PublicFilter(Actor: slug), cancellationToken);
        return (actor.PublishedName!, actor.PublishedDescription, actor.PublishedWikidataId, page.Rows);
    }

    /// <summary>A topic as readers see it: only while a public claim's approved version is filed under it (otherwise null, a 404).</summary>
    public async Task<(string Name, IReadOnlyList<PublicRow> Claims)?> TopicAsync(string slug, CancellationToken cancellationToken = default)
    {
        var topic = await db.Topics.AsNoTracking()
            .Where(t => t.Slug == slug && db.PublishedClaimTopics.Any(p => p.TopicId == t.Id && db.Claims.Any(c => c.Id == p.ClaimId && c.IsPublic)))
            .Select(t => t.Name).FirstOrDefaultAsync(cancellationToken);
        if (topic is null)
        {
            return null;
        }
        var page = await lists.ListAsync(new PublicFilter(Topic: slug), cancellationToken);
        return (topic, page.Rows);
    }
}
