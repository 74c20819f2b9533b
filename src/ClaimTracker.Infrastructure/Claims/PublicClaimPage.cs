using ClaimTracker.Domain.Workflow;
using ClaimTracker.Infrastructure.Data;
using ClaimTracker.Infrastructure.Workflow;
using Microsoft.EntityFrameworkCore;

namespace ClaimTracker.Infrastructure.Claims;

/// <summary>
/// A claim's public page (and its badge, embed, card and API item): the approved snapshot of the version asked for, its
/// corrections and byline, the neighbours as readers see them now; its versions; where an old slug points.
/// </summary>
public sealed class PublicClaimPage(AppDbContext db, StatusScale scale, ApprovedSnapshots snapshots, ReferenceData reference)
{
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
            rows.Add((n.ParentClaimId, new ClaimRow(n.Id, n.Slug, n.Headline ?? string.Empty, PublicLists.Badge(statuses, n.StatusId), n.StatusSince, true, n.Language, n.UpdatedAtUtc, string.Empty, null)));
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
}
