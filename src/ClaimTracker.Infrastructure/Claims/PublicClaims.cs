using System.Globalization;
using ClaimTracker.Domain.Workflow;
using ClaimTracker.Infrastructure.Data;
using ClaimTracker.Infrastructure.Workflow;
using ClaimTracker.Infrastructure.Search;
using Microsoft.EntityFrameworkCore;

namespace ClaimTracker.Infrastructure.Claims;

public sealed record PublicFilter(string? Query = null, string? Status = null, string? Topic = null, string? Actor = null,
    DateOnly? From = null, DateOnly? To = null, string? After = null);

public sealed record PublicRow(string Slug, string Headline, StatusBadge? Status, DateOnly? StatusSince);

public sealed record PublicPage(IReadOnlyList<PublicRow> Rows, string? NextCursor);

public sealed record TimelineEntry(string Slug, string Headline, StatusBadge Status, DateOnly EffectiveOn, bool IsCorrection);

public sealed record HomeView(IReadOnlyList<TimelineEntry> LatestChanges, IReadOnlyList<(StatusBadge Status, int Count)> Counts, int Total);

/// <summary>One entry of an Atom feed: a published status change, or a correction with its public note.</summary>
public sealed record FeedEntry(string EntryId, string Slug, string Headline, StatusBadge? Status, DateOnly? EffectiveOn,
    string ContentHtml, DateTime PublishedAtUtc, bool IsCorrection, string? CorrectionNote = null);

public sealed record CorrectionNoteView(int Number, DateTime ApprovedAtUtc, string Note);

/// <summary>Which approved version a reader is looking at, and the corrections made up to it.</summary>
public sealed record PublicationInfo(int Number, int Latest, DateTime ApprovedAtUtc, VersionKind Kind, IReadOnlyList<CorrectionNoteView> Corrections)
{
    public bool IsLatest => Number == Latest;
}

/// <summary>A claim readers could see once, withdrawn by a reviewer with a public note.</summary>
public sealed record WithdrawnClaim(string Slug, string Headline, DateTime WithdrawnAtUtc, string Note);

/// <summary>What a claim slug leads to on the public side.</summary>
public sealed record SlugLookup(ClaimDetails? Claim, string? RedirectTo, PublicationInfo? Publication = null, WithdrawnClaim? Withdrawn = null);

/// <summary>
/// Read models for readers. Readers see approved versions only: a list shows a claim's approved
/// headline and status, a claim page its approved snapshot, a feed its approved status changes and
/// corrections. A draft, and a pending revision of a published claim, are invisible here.
/// </summary>
public sealed class PublicClaims(AppDbContext db, IClaimSearch search)
{
    public const int PageSize = 25;

    public async Task<HomeView> HomeAsync(CancellationToken cancellationToken = default)
    {
        var latest = await db.StatusChanges.AsNoTracking().Where(s => s.PublishedAtUtc != null)
            .Join(db.Claims.Where(c => c.IsPublic), s => s.ClaimId, c => c.Id, (s, c) => new { s, c })
            .OrderByDescending(x => x.s.PublishedAtUtc).ThenByDescending(x => x.s.Id).Take(10)
            .Select(x => new TimelineEntry(x.c.Slug, x.c.PublishedHeadline!, new StatusBadge(x.s.Status!.Key, x.s.Status.NameEn, x.s.Status.Colour),
                x.s.EffectiveOn, x.s.CorrectsId != null))
            .ToListAsync(cancellationToken);
        var counts = await db.Claims.Where(c => c.IsPublic && c.PublishedStatusId != null)
            .GroupBy(c => c.PublishedStatusId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
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
            ranked = (await search.SearchAsync(db, filter.Query, 200, cancellationToken, published: true)).Select(h => h.ClaimId).ToList();
            claims = claims.Where(c => ranked.Contains(c.Id));
        }
        if (!string.IsNullOrEmpty(filter.Status))
        {
            claims = claims.Where(c => db.Statuses.Any(s => s.Id == c.PublishedStatusId && s.Key == filter.Status));
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
            claims = claims.Where(c => c.PublishedStatusSince >= from);
        }
        if (filter.To is { } to)
        {
            claims = claims.Where(c => c.PublishedStatusSince <= to);
        }
        if (ranked is not null)
        {
            var hits = await Rows(claims).ToListAsync(cancellationToken);
            return new PublicPage(hits.OrderBy(r => ranked.IndexOf(r.Id)).Take(PageSize).Select(r => r.Row).ToList(), null);
        }
        if (Cursor.TryParse(filter.After, out var afterDate, out var afterId))
        {
            // Claims without a status come last (NULL sorts below every date): the cursor date MinValue stands for them.
            claims = afterDate == DateOnly.MinValue
                ? claims.Where(c => c.PublishedStatusSince == null && c.Id < afterId)
                : claims.Where(c => c.PublishedStatusSince < afterDate || (c.PublishedStatusSince == afterDate && c.Id < afterId) || c.PublishedStatusSince == null);
        }
        // The bare column order matches the partial index on public claims (PublishedStatusSince, Id): no sort of every claim.
        var page = await Rows(claims.OrderByDescending(c => c.PublishedStatusSince).ThenByDescending(c => c.Id))
            .Take(PageSize + 1).ToListAsync(cancellationToken);
        var next = page.Count > PageSize ? Cursor.Format(page[PageSize - 1].Row.StatusSince ?? DateOnly.MinValue, page[PageSize - 1].Id) : null;
        return new PublicPage(page.Take(PageSize).Select(r => r.Row).ToList(), next);
    }

    /// <summary>Published status changes and corrections of public claims, newest first: all of them, one claim's, or one topic's.</summary>
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
        var changes = await db.StatusChanges.AsNoTracking().Where(s => s.PublishedAtUtc != null)
            .Join(claims, s => s.ClaimId, c => c.Id, (s, c) => new { s, c.Slug, c.PublishedHeadline })
            .OrderByDescending(x => x.s.PublishedAtUtc).ThenByDescending(x => x.s.Id).Take(limit)
            .Select(x => new { x.s.Id, x.Slug, x.PublishedHeadline, x.s.Status!.Key, x.s.Status.NameEn, x.s.Status.Colour, x.s.EffectiveOn, x.s.Rationale, x.s.PublishedAtUtc, x.s.CorrectsId })
            .ToListAsync(cancellationToken);
        var corrections = await db.ClaimVersions.AsNoTracking().Where(v => v.Kind == VersionKind.Correction)
            .Join(claims, v => v.ClaimId, c => c.Id, (v, c) => new { v.ClaimId, v.Number, v.CorrectionNote, v.ApprovedAtUtc, c.Slug, c.PublishedHeadline })
            .OrderByDescending(x => x.ApprovedAtUtc).Take(limit)
            .ToListAsync(cancellationToken);
        return changes.Select(r => new FeedEntry($"urn:claimtracker:status-change:{r.Id}", r.Slug, r.PublishedHeadline!,
                new StatusBadge(r.Key, r.NameEn, r.Colour), r.EffectiveOn, r.Rationale.Html, r.PublishedAtUtc!.Value, r.CorrectsId is not null))
            .Concat(corrections.Select(c => new FeedEntry($"urn:claimtracker:correction:{c.ClaimId}:{c.Number}", c.Slug, c.PublishedHeadline!,
                null, null, System.Net.WebUtility.HtmlEncode(c.CorrectionNote ?? string.Empty), c.ApprovedAtUtc, true, c.CorrectionNote)))
            .OrderByDescending(e => e.PublishedAtUtc).Take(limit).ToList();
    }

    /// <summary>Every correction of a public claim, newest first, with its public note.</summary>
    public async Task<IReadOnlyList<CorrectionRow>> CorrectionsAsync(int limit = 200, CancellationToken cancellationToken = default) =>
        await db.ClaimVersions.AsNoTracking().Where(v => v.Kind == VersionKind.Correction)
            .Join(db.Claims.Where(c => c.IsPublic), v => v.ClaimId, c => c.Id, (v, c) => new { v, c.Slug, c.PublishedHeadline })
            .OrderByDescending(x => x.v.ApprovedAtUtc).ThenByDescending(x => x.v.Id).Take(limit)
            .Select(x => new CorrectionRow(x.Slug, x.PublishedHeadline!, x.v.Number, x.v.ApprovedAtUtc, x.v.CorrectionNote!))
            .ToListAsync(cancellationToken);

    /// <summary>The approved versions of a public claim, newest first; null when readers cannot see the claim.</summary>
    public async Task<(string Headline, IReadOnlyList<VersionRow> Versions)?> VersionsAsync(string slug, CancellationToken cancellationToken = default)
    {
        var claim = await db.Claims.AsNoTracking().Where(c => c.Slug == slug && c.IsPublic).Select(c => new { c.Id, c.PublishedHeadline }).FirstOrDefaultAsync(cancellationToken);
        if (claim is null)
        {
            return null;
        }
        var versions = await db.ClaimVersions.AsNoTracking().Where(v => v.ClaimId == claim.Id).OrderByDescending(v => v.Number)
            .Select(v => new VersionRow(v.Number, v.Kind, v.ApprovedAtUtc, v.Headline, v.CorrectionNote)).ToListAsync(cancellationToken);
        return (claim.PublishedHeadline!, versions);
    }

    /// <summary>Whether a published claim or a topic exists under this slug (feeds of unknown things are 404).</summary>
    public Task<bool> IsPublishedAsync(string claimSlug, CancellationToken cancellationToken = default) =>
        db.Claims.AnyAsync(c => c.Slug == claimSlug && c.IsPublic, cancellationToken);

    public Task<bool> TopicExistsAsync(string topicSlug, CancellationToken cancellationToken = default) =>
        db.Topics.AnyAsync(t => t.Slug == topicSlug, cancellationToken);

    public async Task<IReadOnlyList<(string Slug, string Name)>> TopicsAsync(CancellationToken cancellationToken = default) =>
        (await db.Topics.AsNoTracking().OrderBy(t => t.Name).Select(t => new { t.Slug, t.Name }).ToListAsync(cancellationToken))
        .Select(t => (t.Slug, t.Name)).ToList();

    /// <summary>
    /// The approved version readers see under this slug (the latest, or the numbered one), where an old
    /// slug now points, the note of a withdrawn claim, or nothing.
    /// </summary>
    public async Task<SlugLookup> BySlugAsync(string slug, int? version = null, CancellationToken cancellationToken = default)
    {
        var current = await db.Claims.AsNoTracking().Where(c => c.Slug == slug && c.PublishedVersion != null)
            .Select(c => new { c.Id, c.IsPublic, c.PublishedVersion, c.PublishedHeadline, c.WithdrawalNote, c.WithdrawnAtUtc })
            .FirstOrDefaultAsync(cancellationToken);
        if (current is null)
        {
            var moved = await db.SlugRedirects.Where(r => r.OldSlug == slug)
                .Join(db.Claims.Where(c => c.IsPublic), r => r.ClaimId, c => c.Id, (r, c) => c.Slug)
                .FirstOrDefaultAsync(cancellationToken);
            return new SlugLookup(null, moved);
        }
        if (!current.IsPublic)
        {
            return new SlugLookup(null, null, Withdrawn: current.WithdrawnAtUtc is { } at
                ? new WithdrawnClaim(slug, current.PublishedHeadline!, at, current.WithdrawalNote ?? string.Empty) : null);
        }
        var number = version ?? current.PublishedVersion!.Value;
        var versions = await db.ClaimVersions.AsNoTracking().Where(v => v.ClaimId == current.Id && (v.Number == number || v.Kind == VersionKind.Correction))
            .OrderByDescending(v => v.Number)
            .Select(v => new { v.Number, v.Kind, v.ApprovedAtUtc, v.CorrectionNote, Snapshot = v.Number == number ? v.Snapshot : null })
            .ToListAsync(cancellationToken);
        if (versions.FirstOrDefault(v => v.Number == number) is not { Snapshot: { } snapshot } shown)
        {
            return new SlugLookup(null, null);
        }
        var corrections = versions.Where(v => v.Kind == VersionKind.Correction && v.Number <= number)
            .Select(v => new CorrectionNoteView(v.Number, v.ApprovedAtUtc, v.CorrectionNote ?? string.Empty)).ToList();
        var details = await WithPublicNeighboursAsync(ClaimSnapshot.Read(snapshot), cancellationToken);
        return new SlugLookup(details, null, new PublicationInfo(number, current.PublishedVersion!.Value, shown.ApprovedAtUtc, shown.Kind, corrections));
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

    /// <summary>
    /// Parent, sub-claims and related claims as readers see them now: only public ones, with their
    /// approved headline and status (a snapshot's neighbours may have moved on since it was approved).
    /// </summary>
    private async Task<ClaimDetails> WithPublicNeighboursAsync(ClaimDetails details, CancellationToken cancellationToken)
    {
        var slugs = details.Relations.Select(r => r.Claim.Slug).Append(details.Parent?.Slug ?? string.Empty).ToList();
        var id = details.Id;
        // Two indexed lookups (by slug, by parent) rather than one OR that would scan every claim.
        var bySlug = Neighbours(db.Claims.Where(c => c.IsPublic && slugs.Contains(c.Slug)));
        var children = Neighbours(db.Claims.Where(c => c.IsPublic && c.ParentClaimId == id));
        var rows = (await bySlug.ToListAsync(cancellationToken)).Concat(await children.ToListAsync(cancellationToken)).ToList();
        ClaimRow? Find(string slug) => rows.FirstOrDefault(r => r.Row.Slug == slug)?.Row;
        return details with
        {
            Parent = details.Parent is { } parent ? Find(parent.Slug) : null,
            SubClaims = rows.Where(r => r.ParentClaimId == id).Select(r => r.Row).DistinctBy(r => r.Id).OrderBy(r => r.Headline).ToList(),
            Relations = details.Relations.Select(r => Find(r.Claim.Slug) is { } row ? r with { Claim = row } : null).OfType<RelatedClaim>().ToList(),
        };
    }

    private IQueryable<NeighbourRow> Neighbours(IQueryable<Domain.Claims.Claim> claims) =>
        claims.AsNoTracking().Select(c => new NeighbourRow(c.ParentClaimId,
            new ClaimRow(c.Id, c.Slug, c.PublishedHeadline!,
                db.Statuses.Where(s => s.Id == c.PublishedStatusId).Select(s => new StatusBadge(s.Key, s.NameEn, s.Colour)).FirstOrDefault(),
                c.PublishedStatusSince, true, c.Language, c.PublishedAtUtc ?? c.UpdatedAtUtc, string.Empty, null)));

    private sealed record NeighbourRow(int? ParentClaimId, ClaimRow Row);

    private IQueryable<IdRow> Rows(IQueryable<Domain.Claims.Claim> claims) =>
        claims.Select(c => new IdRow(c.Id, new PublicRow(c.Slug, c.PublishedHeadline!,
            db.Statuses.Where(s => s.Id == c.PublishedStatusId).Select(s => new StatusBadge(s.Key, s.NameEn, s.Colour)).FirstOrDefault(),
            c.PublishedStatusSince)));

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
