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

/// <summary>A published status change: shown with the day it was published, the order of the home page's list.</summary>
public sealed record TimelineEntry(string Slug, string Headline, StatusBadge Status, DateOnly EffectiveOn, bool IsCorrection, DateTime PublishedAtUtc);

public sealed record HomeView(IReadOnlyList<TimelineEntry> LatestChanges, IReadOnlyList<(StatusBadge Status, int Count)> Counts, int Total);

/// <summary>One entry of an Atom feed: a published status change, a correction or a withdrawal with its public note.</summary>
/// <param name="UpdatedAtUtc">When what the entry shows last changed: its headline is the claim's approved one, so a later
/// approval of the claim updates the entry too.</param>
public sealed record FeedEntry(string EntryId, string Slug, string Headline, StatusBadge? Status, DateOnly? EffectiveOn,
    string ContentHtml, DateTime PublishedAtUtc, bool IsCorrection, string? CorrectionNote = null, bool IsWithdrawal = false,
    DateTime? UpdatedAtUtc = null)
{
    public DateTime Updated => UpdatedAtUtc is { } updated && updated > PublishedAtUtc ? updated : PublishedAtUtc;
}

/// <summary>What a feed is about: its id, its name for the title and where readers see it on the site.</summary>
public sealed record FeedSubject(string Id, string Name, string Path);

/// <summary>A withdrawal readers are told of: the claim, when, and the reviewer's public note; whether the claim is public again.</summary>
public sealed record WithdrawalRow(int Id, string Slug, string Headline, DateTime WithdrawnAtUtc, string Note, bool IsPublicAgain);

public sealed record CorrectionNoteView(int Number, DateTime ApprovedAtUtc, string Note);

/// <summary>Which approved version a reader is looking at, and the corrections made up to it.</summary>
/// <param name="ReviewedBy">The byline name of the reviewer who approved the version; null when they are not named.</param>
public sealed record PublicationInfo(int Number, int Latest, DateTime ApprovedAtUtc, VersionKind Kind, IReadOnlyList<CorrectionNoteView> Corrections,
    string? ReviewedBy = null)
{
    public bool IsLatest => Number == Latest;
}

/// <summary>Actor pages by actor id and topic pages by topic name, for the links of a claim page.</summary>
public sealed record ReaderLinks(IReadOnlyDictionary<int, string> ActorSlugs, IReadOnlyDictionary<string, string> TopicSlugs)
{
    public static readonly ReaderLinks None = new(new Dictionary<int, string>(), new Dictionary<string, string>());
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
public sealed class PublicClaims(AppDbContext db, IClaimSearch search, StatusScale scale, ApprovedSnapshots snapshots, ReferenceData reference,
    PublicTallies tallies)
{
    public const int PageSize = 25;


    public async Task<HomeView> HomeAsync(CancellationToken cancellationToken = default)
    {
        var latest = await db.StatusChanges.AsNoTracking().Where(s => s.PublishedAtUtc != null)
            .Join(db.Claims.Where(c => c.IsPublic), s => s.ClaimId, c => c.Id, (s, c) => new { s, c })
            .OrderByDescending(x => x.s.PublishedAtUtc).ThenByDescending(x => x.s.Id).Take(10)
            .Select(x => new TimelineEntry(x.c.Slug, x.c.PublishedHeadline!, new StatusBadge(x.s.Status!.Key, x.s.Status.NameEn, x.s.Status.Colour),
                x.s.EffectiveOn, x.s.CorrectsId != null, x.s.PublishedAtUtc!.Value))
            .ToListAsync(cancellationToken);
        var all = (await tallies.GetAsync(cancellationToken)).All;
        return new HomeView(latest, all.ByStatus, all.Total);
    }

    /// <summary>
    /// Newest status change first, paged by keyset (the last row's date and id), so page 1,000 costs what page 1 does.
    /// With a search query the order is relevance and the result is one page of the best matches.
    /// </summary>
    /// <remarks>Its queries share one connection; the status badges come from the scale in memory.</remarks>
    public async Task<PublicPage> ListAsync(PublicFilter filter, CancellationToken cancellationToken = default)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var (rows, next) = await ListRowsAsync(filter, cancellationToken);
            var statuses = (await scale.ListAsync(cancellationToken)).ToDictionary(s => s.Id);
            return new PublicPage(rows.Select(r => new PublicRow(r.Slug, r.Headline, Badge(statuses, r.StatusId), r.StatusSince)).ToList(), next);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static StatusBadge? Badge(Dictionary<int, StatusRow> statuses, int? statusId) =>
        statusId is { } id && statuses.TryGetValue(id, out var s) ? new StatusBadge(s.Key, s.NameEn, s.Colour) : null;

    private async Task<(List<ListRow> Rows, string? Next)> ListRowsAsync(PublicFilter filter, CancellationToken cancellationToken)
    {
        var claims = db.Claims.AsNoTracking().Where(c => c.IsPublic);
        List<int>? ranked = null;
        // Without further filters a search's page is its best matches; a filter is applied to the best 200.
        var narrowed = !string.IsNullOrEmpty(filter.Status) || !string.IsNullOrEmpty(filter.Topic) || !string.IsNullOrEmpty(filter.Actor)
            || filter.From is not null || filter.To is not null;
        // A search pages through its ranking by position ("s25": from the 26th match on), up to MaxSearchResults.
        var offset = SearchCursor.TryParse(filter.After, out var position) ? position : 0;
        if (!string.IsNullOrWhiteSpace(filter.Query))
        {
            var wanted = Math.Min(offset + PageSize + 1, MaxSearchResults);
            ranked = (await search.SearchAsync(db, filter.Query, narrowed ? Math.Max(200, wanted) : wanted, cancellationToken, published: true))
                .Select(h => h.ClaimId).ToList();
            claims = claims.Where(c => ranked.Contains(c.Id));
        }
        if (ranked is not null)
        {
            claims = Narrow(claims, filter);
            // Filters narrow the best 200 matches (a key lookup each) before the page's rows are read in full.
            var top = ranked;
            if (narrowed)
            {
                var kept = (await claims.Select(c => c.Id).ToListAsync(cancellationToken)).ToHashSet();
                top = ranked.Where(kept.Contains).ToList();
            }
            var slice = top.Skip(offset).Take(PageSize + 1).ToList();
            var shown = slice.Take(PageSize).ToList();
            var hits = await Rows(db.Claims.AsNoTracking().Where(c => c.IsPublic && shown.Contains(c.Id))).ToListAsync(cancellationToken);
            var more = slice.Count > PageSize && offset + PageSize < MaxSearchResults;
            return (hits.OrderBy(r => shown.IndexOf(r.Id)).ToList(), more ? SearchCursor.Format(offset + PageSize) : null);
        }
        // Dated claims first, newest status first; claims without a status last (the cursor date MinValue stands for them).
        // Each part is asked for on its own, so the order is the same on every engine (PostgreSQL sorts NULL first when
        // descending, SQLite last) and dated rows stay a range of the index (seek to the cursor's date, walk down).
        var keyed = Keyed(claims, filter);
        var hasCursor = Cursor.TryParse(filter.After, out var afterDate, out var afterId);
        var undatedOnly = hasCursor && afterDate == DateOnly.MinValue;
        var ordered = undatedOnly
            ? keyed.Where(k => k.Since == null && k.Id < afterId)
            : hasCursor
                ? keyed.Where(k => k.Since <= afterDate && (k.Since < afterDate || k.Id < afterId))
                : keyed.Where(k => k.Since != null);
        // The bare column order matches the index: the partial one on public claims (PublishedStatusSince, Id), or on an
        // actor's or topic's list the link's (ActorId/TopicId, StatusSince, ClaimId). No sort of every claim.
        var page = await Rows(ordered.OrderByDescending(k => k.Since).ThenByDescending(k => k.Id).Select(k => k.Claim))
            .Take(PageSize + 1).ToListAsync(cancellationToken);
        if (page.Count <= PageSize && !undatedOnly)
        {
            // The dated claims ran out on this page: the undated ones follow.
            page.AddRange(await Rows(keyed.Where(k => k.Since == null).OrderByDescending(k => k.Id).Select(k => k.Claim))
                .Take(PageSize + 1 - page.Count).ToListAsync(cancellationToken));
        }
        var next = page.Count > PageSize ? Cursor.Format(page[PageSize - 1].StatusSince ?? DateOnly.MinValue, page[PageSize - 1].Id) : null;
        return (page.Take(PageSize).ToList(), next);
    }

    /// <summary>
    /// Published status changes and corrections of public claims, and withdrawals of claims readers saw, newest first:
    /// all of them, one claim's, or one topic's (the topics of each claim's approved version).
    /// </summary>
    public async Task<IReadOnlyList<FeedEntry>> FeedAsync(int? claimId, string? topicSlug, int limit = 50,
        CancellationToken cancellationToken = default, string? actorSlug = null)
    {
        // Three queries on one opened connection: each opening registers SQLite's functions anew.
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            return await FeedEntriesAsync(claimId, topicSlug, limit, actorSlug, cancellationToken);
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

    /// <summary>Where a slug a claim had before points now (the current slug of a public claim); null when it does not.</summary>
    public Task<string?> MovedToAsync(string oldSlug, CancellationToken cancellationToken = default) =>
        db.SlugRedirects.Where(r => r.OldSlug == oldSlug)
            .Join(db.Claims.Where(c => c.IsPublic), r => r.ClaimId, c => c.Id, (r, c) => c.Slug)
            .FirstOrDefaultAsync(cancellationToken);

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

    /// <summary>Every topic a public claim's approved version is filed under, by name, from memory (<see cref="ReferenceData"/>: forgotten by any save that adds, renames or deletes one).</summary>
    public Task<List<(string Slug, string Name)>> TopicsAsync(CancellationToken cancellationToken = default) =>
        reference.GetAsync(nameof(TopicsAsync), async ct =>
            (await db.Topics.AsNoTracking()
                .Where(t => db.PublishedClaimTopics.Any(p => p.TopicId == t.Id && db.Claims.Any(c => c.Id == p.ClaimId && c.IsPublic)))
                .OrderBy(t => t.Name).Select(t => new { t.Slug, t.Name }).ToListAsync(ct))
            .Select(t => (t.Slug, t.Name)).ToList(), cancellationToken);

    /// <summary>
    /// The approved version readers see under this slug (the latest, or the numbered one), where an old
    /// slug now points, the note of a withdrawn claim, or nothing.
    /// </summary>
    /// <remarks>
    /// The hottest read of the site (claim page, badge, embed, API): the claim and its versions come in one
    /// compiled query, its sub-claims in a second, over one connection opened for both; the approved snapshot
    /// (the page's content, several KB of JSON) is read only the first time (<see cref="ApprovedSnapshots"/>).
    /// </remarks>
    public async Task<SlugLookup> BySlugAsync(string slug, int? version = null, CancellationToken cancellationToken = default)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var current = await CurrentBySlug(db, slug, version);
            if (current is null)
            {
                return new SlugLookup(null, await MovedToAsync(slug, cancellationToken));
            }
            if (!current.IsPublic)
            {
                return new SlugLookup(null, null, Withdrawn: current.WithdrawnAtUtc is { } at
                    ? new WithdrawnClaim(slug, current.PublishedHeadline!, at, current.WithdrawalNote ?? string.Empty) : null);
            }
            var number = version ?? current.PublishedVersion!.Value;
            if (current.Versions.FirstOrDefault(v => v.Number == number) is not { } shown
                || await snapshots.ReadAsync(current.Id, number, () => SnapshotOf(db, current.Id, number)) is not { } approved)
            {
                return new SlugLookup(null, null);
            }
            var corrections = current.Versions.Where(v => v.Kind == VersionKind.Correction && v.Number <= number)
                .Select(v => new CorrectionNoteView(v.Number, v.ApprovedAtUtc, v.CorrectionNote ?? string.Empty)).ToList();
            // The permalink is the claim's current one, whichever version is shown (an older snapshot has the slug of its day).
            var details = await WithPublicNeighboursAsync(approved with { Slug = slug }, cancellationToken);
            return new SlugLookup(details, null, new PublicationInfo(number, current.PublishedVersion!.Value, shown.ApprovedAtUtc, shown.Kind, corrections,
                await BylineNameAsync(shown.ApprovedBy, cancellationToken)));
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private sealed record CurrentClaim(int Id, bool IsPublic, int? PublishedVersion, string? PublishedHeadline, string? WithdrawalNote,
        DateTime? WithdrawnAtUtc, IReadOnlyList<VersionEntry> Versions);

    /// <summary>A version of the claim: the one shown or a correction before it.</summary>
    private sealed record VersionEntry(int Number, VersionKind Kind, DateTime ApprovedAtUtc, string? CorrectionNote, string ApprovedBy);

    private sealed record ClaimVersionRow(int Id, bool IsPublic, int? PublishedVersion, string? PublishedHeadline, string? WithdrawalNote,
        DateTime? WithdrawnAtUtc, int Number, VersionKind Kind, DateTime ApprovedAtUtc, string? CorrectionNote, string ApprovedBy);

    private static async Task<CurrentClaim?> CurrentBySlug(AppDbContext db, string slug, int? version)
    {
        var rows = new List<ClaimVersionRow>();
        await foreach (var row in ClaimWithVersions(db, slug, version))
        {
            rows.Add(row);
        }
        return rows is [var c, ..]
            ? new CurrentClaim(c.Id, c.IsPublic, c.PublishedVersion, c.PublishedHeadline, c.WithdrawalNote, c.WithdrawnAtUtc,
                rows.OrderByDescending(r => r.Number).Select(r => new VersionEntry(r.Number, r.Kind, r.ApprovedAtUtc, r.CorrectionNote, r.ApprovedBy)).ToList())
            : null;
    }

    /// <summary>
    /// The claim, one row per version needed (the one shown and the corrections), in one query. No row when
    /// the slug is unknown, never published, or the version asked for does not exist.
    /// </summary>
    private static readonly Func<AppDbContext, string, int?, IAsyncEnumerable<ClaimVersionRow>> ClaimWithVersions = EF.CompileAsyncQuery(
        (AppDbContext db, string slug, int? version) =>
            from c in db.Claims.AsNoTracking()
            join v in db.ClaimVersions.AsNoTracking() on c.Id equals v.ClaimId
            where c.Slug == slug && c.PublishedVersion != null && (v.Number == (version ?? c.PublishedVersion) || v.Kind == VersionKind.Correction)
            select new ClaimVersionRow(c.Id, c.IsPublic, c.PublishedVersion, c.PublishedHeadline, c.WithdrawalNote, c.WithdrawnAtUtc,
                v.Number, v.Kind, v.ApprovedAtUtc, v.CorrectionNote, v.ApprovedBy));

    /// <summary>The approved snapshot (JSON) of one version: read only when it is not remembered already.</summary>
    private static readonly Func<AppDbContext, int, int, Task<string?>> SnapshotOf = EF.CompileAsyncQuery(
        (AppDbContext db, int claimId, int number) => db.ClaimVersions.AsNoTracking()
            .Where(v => v.ClaimId == claimId && v.Number == number).Select(v => v.Snapshot).FirstOrDefault());

    /// <summary>
    /// The name a reviewer is credited with in bylines (set by an admin), or null when they are not named; from memory
    /// (<see cref="ReferenceData"/>: forgotten when a byline name changes).
    /// </summary>
    public async Task<string?> BylineNameAsync(string reviewerEmail, CancellationToken cancellationToken = default) =>
        (await reference.GetAsync("BylineNames", async ct =>
            (await db.Users.AsNoTracking().Where(u => u.BylineName != null).Select(u => new { u.UserName, u.BylineName }).ToListAsync(ct))
            .ToDictionary(u => u.UserName!, u => u.BylineName!, StringComparer.OrdinalIgnoreCase), cancellationToken))
        .GetValueOrDefault(reviewerEmail);

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
        var page = await ListAsync(new PublicFilter(Actor: slug), cancellationToken);
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
        var page = await ListAsync(new PublicFilter(Topic: slug), cancellationToken);
        return (topic, page.Rows);
    }

    /// <summary>
    /// Parent, sub-claims and related claims as readers see them now: only public ones, with their
    /// approved headline and status (a snapshot's neighbours may have moved on since it was approved).
    /// </summary>
    private async Task<ClaimDetails> WithPublicNeighboursAsync(ClaimDetails details, CancellationToken cancellationToken)
    {
        var slugs = details.Relations.Select(r => r.Claim.Slug).ToList();
        if (details.Parent is { } parent)
        {
            slugs.Add(parent.Slug);
        }
        var id = details.Id;
        var statuses = (await scale.ListAsync(cancellationToken)).ToDictionary(s => s.Id);
        var rows = new List<(int? ParentClaimId, ClaimRow Row)>();
        await foreach (var n in PublicNeighbours(db, id, slugs).WithCancellation(cancellationToken))
        {
            rows.Add((n.ParentClaimId, new ClaimRow(n.Id, n.Slug, n.Headline ?? string.Empty, Badge(statuses, n.StatusId), n.StatusSince, true, n.Language, n.UpdatedAtUtc, string.Empty, null)));
        }
        ClaimRow? Find(string slug) => rows.FirstOrDefault(r => r.Row.Slug == slug).Row;
        return details with
        {
            Parent = details.Parent is { } p ? Find(p.Slug) : null,
            SubClaims = rows.Where(r => r.ParentClaimId == id).Select(r => r.Row).DistinctBy(r => r.Id).OrderBy(r => r.Headline).ToList(),
            Relations = details.Relations.Select(r => Find(r.Claim.Slug) is { } row ? r with { Claim = row } : null).OfType<RelatedClaim>().ToList(),
        };
    }

    private sealed record NeighbourRow(int? ParentClaimId, int Id, string Slug, string? Headline, int? StatusId, DateOnly? StatusSince,
        string Language, DateTime UpdatedAtUtc);

    /// <summary>
    /// Public sub-claims of a claim and public claims named by slug; both terms are indexed (SQLite's multi-index OR).
    /// The slugs travel as one parameter (a JSON array), so the SQL is the same for any number of them and is built once.
    /// </summary>
    private static readonly Func<AppDbContext, int, List<string>, IAsyncEnumerable<NeighbourRow>> PublicNeighbours = EF.CompileAsyncQuery(
        (AppDbContext db, int id, List<string> slugs) => db.Claims.AsNoTracking()
            .Where(c => c.IsPublic && (c.ParentClaimId == id || slugs.Contains(c.Slug)))
            .Select(c => new NeighbourRow(c.ParentClaimId, c.Id, c.Slug, c.PublishedHeadline, c.PublishedStatusId, c.PublishedStatusSince,
                c.Language, c.PublishedAtUtc ?? c.UpdatedAtUtc)));

    /// <summary>A claim with the key a list is ordered by: its approved status date and its id.</summary>
    private sealed class KeyedClaim
    {
        public Domain.Claims.Claim Claim { get; init; } = null!;

        public DateOnly? Since { get; init; }

        public int Id { get; init; }
    }

    /// <summary>
    /// The list's claims with their order key. An actor's or a topic's list starts from its links, which keep the claim's
    /// approved status date, so that the page is one range of the link's index and 26 claim rows (measured in sqlite3 at
    /// 100,000 claims: an actor with 326 claims 7 ms → 0.2 ms; a topic with 3,500 walked the whole claim index before).
    /// </summary>
    private IQueryable<KeyedClaim> Keyed(IQueryable<Domain.Claims.Claim> claims, PublicFilter filter)
    {
        if (!string.IsNullOrEmpty(filter.Actor))
        {
            var actor = filter.Actor;
            return db.PublishedClaimActors.Where(p => p.Actor!.Slug == actor)
                .Join(Narrow(claims, filter with { Actor = null }), p => p.ClaimId, c => c.Id,
                    (p, c) => new KeyedClaim { Claim = c, Since = p.StatusSince, Id = p.ClaimId });
        }
        if (!string.IsNullOrEmpty(filter.Topic))
        {
            var topic = filter.Topic;
            return db.PublishedClaimTopics.Where(p => p.Topic!.Slug == topic)
                .Join(Narrow(claims, filter with { Topic = null }), p => p.ClaimId, c => c.Id,
                    (p, c) => new KeyedClaim { Claim = c, Since = p.StatusSince, Id = p.ClaimId });
        }
        return Narrow(claims, filter).Select(c => new KeyedClaim { Claim = c, Since = c.PublishedStatusSince, Id = c.Id });
    }

    private static IQueryable<ListRow> Rows(IQueryable<Domain.Claims.Claim> claims) =>
        claims.Select(c => new ListRow(c.Id, c.Slug, c.PublishedHeadline!, c.PublishedStatusId, c.PublishedStatusSince));

    private sealed record ListRow(int Id, string Slug, string Headline, int? StatusId, DateOnly? StatusSince);

    /// <summary>The list's filters but search, on approved values: status, topic, actor, status date range.</summary>
    internal IQueryable<Domain.Claims.Claim> Narrow(IQueryable<Domain.Claims.Claim> claims, PublicFilter filter)
    {
        if (!string.IsNullOrEmpty(filter.Status))
        {
            claims = claims.Where(c => db.Statuses.Any(s => s.Id == c.PublishedStatusId && s.Key == filter.Status));
        }
        // (A list of one actor's or topic's claims starts from the links instead, see Keyed; these serve search and exports.)
        if (!string.IsNullOrEmpty(filter.Topic))
        {
            claims = claims.Where(c => db.PublishedClaimTopics.Any(p => p.ClaimId == c.Id && p.Topic!.Slug == filter.Topic));
        }
        if (!string.IsNullOrEmpty(filter.Actor))
        {
            var actorClaims = db.PublishedClaimActors.Where(p => p.Actor!.Slug == filter.Actor).Select(p => p.ClaimId);
            claims = claims.Where(c => actorClaims.Contains(c.Id));
        }
        if (filter.From is { } from)
        {
            claims = claims.Where(c => c.PublishedStatusSince >= from);
        }
        if (filter.To is { } to)
        {
            claims = claims.Where(c => c.PublishedStatusSince <= to);
        }
        return claims;
    }

    /// <summary>How deep a search can be paged: its best matches, the rest is a matter of better words.</summary>
    public const int MaxSearchResults = 1000;

    /// <summary>Whether <paramref name="cursor"/> is one a page gave as its next (or none): anything else is the client's mistake.</summary>
    public static bool IsValidCursor(string? cursor) =>
        string.IsNullOrEmpty(cursor) || Cursor.TryParse(cursor, out _, out _) || SearchCursor.TryParse(cursor, out _);

    /// <summary>"s25": a search's next page starts at the 26th match.</summary>
    private static class SearchCursor
    {
        public static string Format(int offset) => "s" + offset.ToString(CultureInfo.InvariantCulture);

        public static bool TryParse(string? cursor, out int offset)
        {
            offset = 0;
            return cursor is ['s', .. var digits] && int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out offset)
                   && offset > 0 && offset < MaxSearchResults;
        }
    }

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
