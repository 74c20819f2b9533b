using System.Globalization;
using ClaimTracker.Infrastructure.Data;
using ClaimTracker.Infrastructure.Search;
using Microsoft.EntityFrameworkCore;

namespace ClaimTracker.Infrastructure.Claims;

public sealed record PublicFilter(string? Query = null, string? Status = null, string? Topic = null, string? Actor = null,
    DateOnly? From = null, DateOnly? To = null, string? After = null);

public sealed record PublicRow(string Slug, string Headline, StatusBadge? Status, DateOnly? StatusSince);

public sealed record PublicPage(IReadOnlyList<PublicRow> Rows, string? NextCursor);

public sealed record TimelineEntry(string Slug, string Headline, StatusBadge Status, DateOnly EffectiveOn, bool IsCorrection);

public sealed record HomeView(IReadOnlyList<TimelineEntry> LatestChanges, IReadOnlyList<(StatusBadge Status, int Count)> Counts, int Total);

public sealed record FeedEntry(int StatusChangeId, string Slug, string Headline, StatusBadge Status, DateOnly EffectiveOn,
    string RationaleHtml, DateTime RecordedAtUtc, bool IsCorrection);

/// <summary>What a claim slug leads to on the public side.</summary>
public sealed record SlugLookup(ClaimDetails? Claim, string? RedirectTo);

/// <summary>
/// Read models for readers. Only published claims exist here: a draft is indistinguishable from a
/// claim that was never written.
/// </summary>
public sealed class PublicClaims(AppDbContext db, IClaimSearch search, ClaimQueries queries)
{
    public const int PageSize = 25;

    public async Task<HomeView> HomeAsync(CancellationToken cancellationToken = default)
    {
        var latest = await db.StatusChanges.AsNoTracking()
            .Join(db.Claims.Where(c => c.IsPublic), s => s.ClaimId, c => c.Id, (s, c) => new { s, c })
            .OrderByDescending(x => x.s.RecordedAtUtc).ThenByDescending(x => x.s.Id).Take(10)
            .Select(x => new TimelineEntry(x.c.Slug, x.c.Headline, new StatusBadge(x.s.Status!.Key, x.s.Status.NameEn, x.s.Status.Colour),
                x.s.EffectiveOn, x.s.CorrectsId != null))
            .ToListAsync(cancellationToken);
        var counts = await db.Claims.Where(c => c.IsPublic && c.CurrentStatusId != null)
            .GroupBy(c => c.CurrentStatusId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var statuses = await db.Statuses.AsNoTracking().OrderBy(s => s.Order).ToListAsync(cancellationToken);
        return new HomeView(latest,
            statuses.Select(s => (new StatusBadge(s.Key, s.NameEn, s.Colour), counts.FirstOrDefault(c => c.Key == s.Id)?.Count ?? 0)).ToList(),
            await db.Claims.CountAsync(c => c.IsPublic, cancellationToken));
    }

    /// <summary>
    /// Newest status change first, paged by keyset (the last row's date and id), so page 1,000 costs what page 1 does.
    /// With a search query the order is relevance and the result is one page of the best matches.
    /// </summary>
    public async Task<PublicPage> ListAsync(PublicFilter filter, CancellationToken cancellationToken = default)
    {
        var claims = db.Claims.AsNoTracking().Where(c => c.IsPublic);
        List<int>? ranked = null;
        if (!string.IsNullOrWhiteSpace(filter.Query))
        {
            ranked = (await search.SearchAsync(db, filter.Query, 200, cancellationToken)).Select(h => h.ClaimId).ToList();
            claims = claims.Where(c => ranked.Contains(c.Id));
        }
        if (!string.IsNullOrEmpty(filter.Status))
        {
            claims = claims.Where(c => db.Statuses.Any(s => s.Id == c.CurrentStatusId && s.Key == filter.Status));
        }
        if (!string.IsNullOrEmpty(filter.Topic))
        {
            claims = claims.Where(c => c.Topics.Any(t => t.Topic!.Slug == filter.Topic));
        }
        if (!string.IsNullOrEmpty(filter.Actor))
        {
            claims = claims.Where(c => c.Actors.Any(a => a.Actor!.Slug == filter.Actor) || c.Statements.Any(s => s.Actor!.Slug == filter.Actor));
        }
        if (filter.From is { } from)
        {
            claims = claims.Where(c => c.CurrentStatusSince >= from);
        }
        if (filter.To is { } to)
        {
            claims = claims.Where(c => c.CurrentStatusSince <= to);
        }
        if (ranked is not null)
        {
            var hits = await Rows(claims).ToListAsync(cancellationToken);
            return new PublicPage(hits.OrderBy(r => ranked.IndexOf(r.Id)).Take(PageSize).Select(r => r.Row).ToList(), null);
        }
        if (Cursor.TryParse(filter.After, out var afterDate, out var afterId))
        {
            claims = claims.Where(c => (c.CurrentStatusSince ?? DateOnly.MinValue) < afterDate
                                       || ((c.CurrentStatusSince ?? DateOnly.MinValue) == afterDate && c.Id < afterId));
        }
        var page = await Rows(claims.OrderByDescending(c => c.CurrentStatusSince ?? DateOnly.MinValue).ThenByDescending(c => c.Id))
            .Take(PageSize + 1).ToListAsync(cancellationToken);
        var next = page.Count > PageSize ? Cursor.Format(page[PageSize - 1].Row.StatusSince ?? DateOnly.MinValue, page[PageSize - 1].Id) : null;
        return new PublicPage(page.Take(PageSize).Select(r => r.Row).ToList(), next);
    }

    /// <summary>Status changes of published claims, newest first: all of them, one claim's, or one topic's.</summary>
    public async Task<IReadOnlyList<FeedEntry>> FeedAsync(string? claimSlug, string? topicSlug, int limit = 50,
        CancellationToken cancellationToken = default)
    {
        var claims = db.Claims.Where(c => c.IsPublic);
        if (claimSlug is not null)
        {
            claims = claims.Where(c => c.Slug == claimSlug);
        }
        if (topicSlug is not null)
        {
            claims = claims.Where(c => c.Topics.Any(t => t.Topic!.Slug == topicSlug));
        }
        var rows = await db.StatusChanges.AsNoTracking()
            .Join(claims, s => s.ClaimId, c => c.Id, (s, c) => new { s, c.Slug, c.Headline })
            .OrderByDescending(x => x.s.RecordedAtUtc).ThenByDescending(x => x.s.Id).Take(limit)
            .Select(x => new { x.s.Id, x.Slug, x.Headline, x.s.Status!.Key, x.s.Status.NameEn, x.s.Status.Colour, x.s.EffectiveOn, x.s.Rationale, x.s.RecordedAtUtc, x.s.CorrectsId })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new FeedEntry(r.Id, r.Slug, r.Headline, new StatusBadge(r.Key, r.NameEn, r.Colour), r.EffectiveOn,
            r.Rationale.Html, r.RecordedAtUtc, r.CorrectsId is not null)).ToList();
    }

    /// <summary>Whether a published claim or a topic exists under this slug (feeds of unknown things are 404).</summary>
    public Task<bool> IsPublishedAsync(string claimSlug, CancellationToken cancellationToken = default) =>
        db.Claims.AnyAsync(c => c.Slug == claimSlug && c.IsPublic, cancellationToken);

    public Task<bool> TopicExistsAsync(string topicSlug, CancellationToken cancellationToken = default) =>
        db.Topics.AnyAsync(t => t.Slug == topicSlug, cancellationToken);

    public async Task<IReadOnlyList<(string Slug, string Name)>> TopicsAsync(CancellationToken cancellationToken = default) =>
        (await db.Topics.AsNoTracking().OrderBy(t => t.Name).Select(t => new { t.Slug, t.Name }).ToListAsync(cancellationToken))
        .Select(t => (t.Slug, t.Name)).ToList();

    /// <summary>The published claim under this slug, or where an old slug now points, or nothing.</summary>
    public async Task<SlugLookup> BySlugAsync(string slug, CancellationToken cancellationToken = default)
    {
        var current = await db.Claims.Where(c => c.Slug == slug && c.IsPublic).Select(c => (int?)c.Id).FirstOrDefaultAsync(cancellationToken);
        if (current is { } id)
        {
            var details = await queries.DetailsAsync(id, cancellationToken);
            return new SlugLookup(details is null ? null : OnlyPublic(details, await PublicIdsAsync(details, cancellationToken)), null);
        }
        var moved = await db.SlugRedirects.Where(r => r.OldSlug == slug)
            .Join(db.Claims.Where(c => c.IsPublic), r => r.ClaimId, c => c.Id, (r, c) => c.Slug)
            .FirstOrDefaultAsync(cancellationToken);
        return new SlugLookup(null, moved);
    }

    public async Task<(string Name, string? Description, IReadOnlyList<PublicRow> Claims)?> ActorAsync(string slug, CancellationToken cancellationToken = default)
    {
        var actor = await db.Actors.AsNoTracking().FirstOrDefaultAsync(a => a.Slug == slug, cancellationToken);
        if (actor is null)
        {
            return null;
        }
        var page = await ListAsync(new PublicFilter(Actor: slug), cancellationToken);
        return (actor.Name, actor.Description, page.Rows);
    }

    public async Task<(string Name, IReadOnlyList<PublicRow> Claims)?> TopicAsync(string slug, CancellationToken cancellationToken = default)
    {
        var topic = await db.Topics.AsNoTracking().FirstOrDefaultAsync(t => t.Slug == slug, cancellationToken);
        if (topic is null)
        {
            return null;
        }
        var page = await ListAsync(new PublicFilter(Topic: slug), cancellationToken);
        return (topic.Name, page.Rows);
    }

    private async Task<HashSet<string>> PublicIdsAsync(ClaimDetails details, CancellationToken cancellationToken)
    {
        var slugs = details.SubClaims.Select(s => s.Slug).Concat(details.Relations.Select(r => r.Claim.Slug))
            .Append(details.Parent?.Slug ?? string.Empty).ToList();
        return (await db.Claims.Where(c => c.IsPublic && slugs.Contains(c.Slug)).Select(c => c.Slug).ToListAsync(cancellationToken)).ToHashSet();
    }

    private static ClaimDetails OnlyPublic(ClaimDetails details, HashSet<string> publicSlugs) => details with
    {
        Parent = details.Parent is { } parent && publicSlugs.Contains(parent.Slug) ? parent : null,
        SubClaims = details.SubClaims.Where(s => publicSlugs.Contains(s.Slug)).ToList(),
        Relations = details.Relations.Where(r => publicSlugs.Contains(r.Claim.Slug)).ToList(),
    };

    private IQueryable<IdRow> Rows(IQueryable<Domain.Claims.Claim> claims) =>
        claims.Select(c => new IdRow(c.Id, new PublicRow(c.Slug, c.Headline,
            db.Statuses.Where(s => s.Id == c.CurrentStatusId).Select(s => new StatusBadge(s.Key, s.NameEn, s.Colour)).FirstOrDefault(),
            c.CurrentStatusSince)));

    private sealed record IdRow(int Id, PublicRow Row);

    /// <summary>"20241130-17": the sort key of the last row a page showed.</summary>
    private static class Cursor
    {
        public static string Format(DateOnly date, int id) => $"{date:yyyyMMdd}-{id.ToString(CultureInfo.InvariantCulture)}";

        public static bool TryParse(string? cursor, out DateOnly date, out int id)
        {
            date = default;
            id = 0;
            var parts = cursor?.Split('-');
            return parts is [var d, var i]
                   && DateOnly.TryParseExact(d, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date)
                   && int.TryParse(i, NumberStyles.None, CultureInfo.InvariantCulture, out id);
        }
    }
}
