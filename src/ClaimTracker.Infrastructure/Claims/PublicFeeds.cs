using ClaimTracker.Domain.Workflow;
using ClaimTracker.Infrastructure.Data;
using ClaimTracker.Infrastructure.Workflow;
using Microsoft.EntityFrameworkCore;

namespace ClaimTracker.Infrastructure.Claims;

/// <summary>
/// What feeds and the corrections page tell readers: published status changes, corrections and withdrawals, newest first,
/// and what each feed is about.
/// </summary>
public sealed class PublicFeeds(AppDbContext db, FeedEntriesMemo memo)
{
    /// <summary>
    /// Published status changes and corrections of public claims, and withdrawals of claims readers saw, newest first:
    /// all of them, one claim's, or one topic's (the topics of each claim's approved version).
    /// </summary>
    public async Task<IReadOnlyList<FeedEntry>> FeedAsync(int? claimId, string? topicSlug, int limit = 50,
        CancellationToken cancellationToken = default, string? actorSlug = null)
    {
        var key = new FeedEntriesMemo.FeedKey(claimId, topicSlug, actorSlug, limit);
        if (memo.TryGet(key, out var known))
        {
            return known;
        }
        var readAt = memo.Generation;
        // Three queries on one opened connection: each opening registers SQLite's functions anew.
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var entries = await FeedEntriesAsync(claimId, topicSlug, limit, actorSlug, cancellationToken);
            memo.Keep(key, entries, readAt);
            return entries;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private async Task<IReadOnlyList<FeedEntry>> FeedEntriesAsync(int? claimId, string? topicSlug, int limit, string? actorSlug,
        CancellationToken cancellationToken)
    {
        var everPublished = db.Claims.Where(c => c.PublishedVersion != null);
        if (actorSlug is not null)
        {
            everPublished = everPublished.Where(c => db.PublishedClaimActors.Any(p => p.ClaimId == c.Id && p.Actor!.Slug == actorSlug));
        }
        if (claimId is not null)
        {
            everPublished = everPublished.Where(c => c.Id == claimId);
        }
        if (topicSlug is not null)
        {
            everPublished = everPublished.Where(c => db.PublishedClaimTopics.Any(p => p.ClaimId == c.Id && p.Topic!.Slug == topicSlug));
        }
        var claims = everPublished.Where(c => c.IsPublic);
        // One claim's feed names the claim on each table too, so that its index is used rather than a walk of every
        // published change in time order.
        var published = db.StatusChanges.AsNoTracking().Where(s => s.PublishedAtUtc != null);
        var versions = db.ClaimVersions.AsNoTracking().Where(v => v.Kind == VersionKind.Correction);
        if (claimId is { } id)
        {
            published = published.Where(s => s.ClaimId == id);
            versions = versions.Where(v => v.ClaimId == id);
        }
        var changes = await published
            .Join(claims, s => s.ClaimId, c => c.Id, (s, c) => new { s, c.Slug, c.PublishedHeadline, ClaimApprovedAtUtc = c.PublishedAtUtc })
            .OrderByDescending(x => x.s.PublishedAtUtc).ThenByDescending(x => x.s.Id).Take(limit)
            .Select(x => new { x.s.Id, x.Slug, x.PublishedHeadline, x.s.Status!.Key, x.s.Status.NameEn, x.s.Status.Colour, x.s.EffectiveOn, x.s.Rationale, x.s.PublishedAtUtc, x.s.CorrectsId, x.ClaimApprovedAtUtc })
            .ToListAsync(cancellationToken);
        var corrections = await versions
            .Join(claims, v => v.ClaimId, c => c.Id, (v, c) => new { v.ClaimId, v.Number, v.CorrectionNote, v.ApprovedAtUtc, c.Slug, c.PublishedHeadline, ClaimApprovedAtUtc = c.PublishedAtUtc })
            .OrderByDescending(x => x.ApprovedAtUtc).Take(limit)
            .ToListAsync(cancellationToken);
        var withdrawals = await Withdrawals(everPublished).Take(limit).ToListAsync(cancellationToken);
        return changes.Select(r => new FeedEntry($"urn:claimtracker:status-change:{r.Id}", r.Slug, r.PublishedHeadline!,
                new StatusBadge(r.Key, r.NameEn, r.Colour), r.EffectiveOn, r.Rationale.Html, r.PublishedAtUtc!.Value, r.CorrectsId is not null,
                UpdatedAtUtc: r.ClaimApprovedAtUtc))
            .Concat(corrections.Select(c => new FeedEntry($"urn:claimtracker:correction:{c.ClaimId}:{c.Number}", c.Slug, c.PublishedHeadline!,
                null, null, NoteHtml(c.CorrectionNote), c.ApprovedAtUtc, true, c.CorrectionNote, UpdatedAtUtc: c.ClaimApprovedAtUtc)))
            .Concat(withdrawals.Select(w => new FeedEntry($"urn:claimtracker:withdrawal:{w.Id}", w.Slug, w.Headline, null, null,
                NoteHtml(w.Note), w.WithdrawnAtUtc, false, w.Note, IsWithdrawal: true)))
            .OrderByDescending(e => e.PublishedAtUtc).Take(limit).ToList();
    }

    /// <summary>A public note (plain text) as a feed entry's HTML: markup characters escaped, letters as they are.</summary>
    private static string NoteHtml(string? note) => $"<p>{System.Security.SecurityElement.Escape(note ?? string.Empty)}</p>";

    /// <summary>Every correction of a public claim, newest first, with its public note.</summary>
    public async Task<IReadOnlyList<CorrectionRow>> CorrectionsAsync(int limit = 200, CancellationToken cancellationToken = default) =>
        await db.ClaimVersions.AsNoTracking().Where(v => v.Kind == VersionKind.Correction)
            .Join(db.Claims.Where(c => c.IsPublic), v => v.ClaimId, c => c.Id, (v, c) => new { v, c.Slug, c.PublishedHeadline })
            .OrderByDescending(x => x.v.ApprovedAtUtc).ThenByDescending(x => x.v.Id).Take(limit)
            .Select(x => new CorrectionRow(x.Slug, x.PublishedHeadline!, x.v.Number, x.v.ApprovedAtUtc, x.v.CorrectionNote!))
            .ToListAsync(cancellationToken);

    /// <summary>Every withdrawal of a claim readers saw, newest first, with its public note (kept when the claim is published again).</summary>
    public async Task<IReadOnlyList<WithdrawalRow>> WithdrawalsAsync(int limit = 200, CancellationToken cancellationToken = default) =>
        await Withdrawals(db.Claims.Where(c => c.PublishedVersion != null)).Take(limit).ToListAsync(cancellationToken);

    private IQueryable<WithdrawalRow> Withdrawals(IQueryable<Domain.Claims.Claim> claims) =>
        db.WorkflowEvents.AsNoTracking().Where(e => e.Action == WorkflowAction.Withdrawn)
            .Join(claims, e => e.ClaimId, c => c.Id, (e, c) => new { e, c.Slug, c.PublishedHeadline, c.IsPublic })
            .OrderByDescending(x => x.e.OccurredAtUtc).ThenByDescending(x => x.e.Id)
            .Select(x => new WithdrawalRow(x.e.Id, x.Slug, x.PublishedHeadline!, x.e.OccurredAtUtc, x.e.Comment ?? string.Empty, x.IsPublic));

    /// <summary>
    /// The claim whose feed readers may follow under this slug: any claim readers saw (a withdrawn one still announces
    /// its withdrawal there), named by its id (stable when the slug changes) and its approved headline. Null when there is none.
    /// </summary>
    public async Task<(int Id, FeedSubject Subject)?> FeedClaimAsync(string claimSlug, CancellationToken cancellationToken = default) =>
        await db.Claims.Where(c => c.Slug == claimSlug && c.PublishedVersion != null)
            .Select(c => new { c.Id, c.PublishedHeadline }).FirstOrDefaultAsync(cancellationToken) is { } claim
            ? (claim.Id, new FeedSubject($"urn:claimtracker:feed:claim:{claim.Id}", claim.PublishedHeadline!, $"/claims/{claimSlug}"))
            : null;

    /// <summary>A topic's feed: when some claim readers saw was filed under it when approved. Null otherwise.</summary>
    public async Task<FeedSubject?> TopicFeedAsync(string topicSlug, CancellationToken cancellationToken = default) =>
        await db.Topics.Where(t => t.Slug == topicSlug && db.PublishedClaimTopics.Any(p => p.TopicId == t.Id
                && db.Claims.Any(c => c.Id == p.ClaimId && c.PublishedVersion != null)))
            .Select(t => t.Name).FirstOrDefaultAsync(cancellationToken) is { } name
            ? new FeedSubject($"urn:claimtracker:feed:topic:{topicSlug}", name, $"/topics/{topicSlug}")
            : null;

    /// <summary>An actor's feed: when some claim readers saw named the actor when approved (by the approved name). Null otherwise.</summary>
    public async Task<FeedSubject?> ActorFeedAsync(string actorSlug, CancellationToken cancellationToken = default) =>
        await db.Actors.Where(a => a.Slug == actorSlug && a.PublishedName != null && db.PublishedClaimActors.Any(p => p.ActorId == a.Id
                && db.Claims.Any(c => c.Id == p.ClaimId && c.PublishedVersion != null)))
            .Select(a => new { a.Id, a.PublishedName }).FirstOrDefaultAsync(cancellationToken) is { } actor
            ? new FeedSubject($"urn:claimtracker:feed:actor:{actor.Id}", actor.PublishedName!, $"/actors/{actorSlug}")
            : null;
}
