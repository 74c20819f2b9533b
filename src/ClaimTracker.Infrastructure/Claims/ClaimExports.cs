using ClaimTracker.Domain.Claims;
using ClaimTracker.Infrastructure.Data;
using ClaimTracker.Infrastructure.Search;
using Microsoft.EntityFrameworkCore;

namespace ClaimTracker.Infrastructure.Claims;

/// <summary>A claim as a spreadsheet row: readers get the approved version, staff the working copy with its stage.</summary>
public sealed record ClaimSheetRow(string Slug, string Headline, string? StatusKey, DateOnly? StatusSince, string Language,
    IReadOnlyList<string> Topics, IReadOnlyList<string> Actors, DateTime? ApprovedAtUtc, string? Stage = null,
    DateTime? UpdatedAtUtc = null, string? UpdatedBy = null);

/// <summary>A statement as a row: the claim, who said it (all speakers of a joint statement), stance, date, quote, translation.</summary>
public sealed record StatementSheetRow(string ClaimSlug, string Speakers, Stance Stance, DateOnly MadeOn, string? Quote, string QuoteLanguage,
    string? Translation);

/// <summary>A source cited by a claim, once per stance, as a row.</summary>
public sealed record SourceSheetRow(string ClaimSlug, string Title, string? Url, string? Outlet, DateOnly? PublishedOn, string Language,
    string? ArchiveUrl, SourceStance Stance, string? Quote);

/// <summary>
/// What the CSV exports hold. Readers' rows come from the approved columns and the published topic and actor links (never
/// a working copy); staff rows from the working copies, drafts included, with the desk list's filters.
/// </summary>
public sealed class ClaimExports(AppDbContext db, PublicLists readers, DeskFilter desk, IClaimSearch search)
{
    /// <summary>Every public claim the reader list's filters select (a search: its best matches, as far as the list pages).</summary>
    public async Task<IReadOnlyList<ClaimSheetRow>> PublicClaimsAsync(PublicFilter filter, CancellationToken cancellationToken = default)
    {
        var claims = readers.Narrow(db.Claims.AsNoTracking().Where(c => c.IsPublic), filter);
        List<int>? ranked = null;
        if (!string.IsNullOrWhiteSpace(filter.Query))
        {
            var matches = (await search.SearchAsync(db, filter.Query, PublicLists.MaxSearchResults, cancellationToken, published: true))
                .Select(h => h.ClaimId).ToList();
            claims = claims.Where(c => matches.Contains(c.Id));
            ranked = matches;
        }
        var rows = await claims.OrderByDescending(c => c.PublishedStatusSince).ThenByDescending(c => c.Id)
            .Select(c => new { c.Id, c.Slug, Headline = c.PublishedHeadline!, StatusKey = db.Statuses.Where(s => s.Id == c.PublishedStatusId).Select(s => s.Key).FirstOrDefault(),
                c.PublishedStatusSince, c.Language, c.PublishedAtUtc })
            .ToListAsync(cancellationToken);
        if (ranked is not null)
        {
            // A search lists its best matches first, as the list page does.
            var rank = ranked.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i);
            rows = rows.OrderBy(r => rank[r.Id]).ToList();
        }
        // The links of the same selection, joined in the database: no parameter list of every selected claim.
        var topics = (await claims.Join(db.PublishedClaimTopics, c => c.Id, p => p.ClaimId, (c, p) => new { p.ClaimId, p.Topic!.Name })
                .ToListAsync(cancellationToken))
            .ToLookup(p => p.ClaimId, p => p.Name);
        var actors = (await claims.Join(db.PublishedClaimActors.Where(p => p.Actor!.PublishedName != null), c => c.Id, p => p.ClaimId,
                    (c, p) => new { p.ClaimId, Name = p.Actor!.PublishedName! })
                .ToListAsync(cancellationToken))
            .ToLookup(p => p.ClaimId, p => p.Name);
        return rows.Select(r => new ClaimSheetRow(r.Slug, r.Headline, r.StatusKey, r.PublishedStatusSince, r.Language,
            topics[r.Id].Order(StringComparer.Ordinal).ToList(), actors[r.Id].Order(StringComparer.Ordinal).ToList(), r.PublishedAtUtc)).ToList();
    }

    /// <summary>Every claim the desk list's filters select, working copies and drafts included, most recently changed first.</summary>
    public async Task<IReadOnlyList<ClaimSheetRow>> DeskClaimsAsync(ClaimFilter filter, CancellationToken cancellationToken = default)
    {
        var (claims, _) = await desk.ApplyAsync(filter, 1000, cancellationToken);
        var rows = await claims.OrderByDescending(c => c.UpdatedAtUtc).ThenByDescending(c => c.Id)
            .Select(c => new { c.Id, c.Slug, c.Headline, StatusKey = db.Statuses.Where(s => s.Id == c.CurrentStatusId).Select(s => s.Key).FirstOrDefault(),
                c.CurrentStatusSince, c.Language, c.PublishedAtUtc, c.IsPublic, c.PublishedVersion, c.Review.State, c.UpdatedAtUtc, c.UpdatedBy })
            .ToListAsync(cancellationToken);
        var ids = rows.Select(r => r.Id).ToList();
        var topics = (await db.Set<ClaimTopic>().AsNoTracking().Where(t => ids.Contains(t.ClaimId)).Select(t => new { t.ClaimId, t.Topic!.Name })
            .ToListAsync(cancellationToken)).ToLookup(t => t.ClaimId, t => t.Name);
        var actors = (await db.Set<ClaimActor>().AsNoTracking().Where(a => ids.Contains(a.ClaimId)).Select(a => new { a.ClaimId, a.Actor!.Name })
            .ToListAsync(cancellationToken)).ToLookup(a => a.ClaimId, a => a.Name);
        return rows.Select(r => new ClaimSheetRow(r.Slug, r.Headline, r.StatusKey, r.CurrentStatusSince, r.Language,
                topics[r.Id].Order(StringComparer.Ordinal).ToList(), actors[r.Id].Distinct().Order(StringComparer.Ordinal).ToList(), r.PublishedAtUtc,
                new ClaimRow(r.Id, r.Slug, r.Headline, null, null, r.IsPublic, r.Language, r.UpdatedAtUtc, r.UpdatedBy, null, r.State,
                    r.PublishedVersion is not null).Stage,
                r.UpdatedAtUtc, r.UpdatedBy))
            .ToList();
    }

    /// <summary>Every statement of every claim (working copies), by claim and date.</summary>
    public async Task<IReadOnlyList<StatementSheetRow>> StatementsAsync(CancellationToken cancellationToken = default)
    {
        var rows = await db.Statements.AsNoTracking()
            .OrderBy(s => s.ClaimId).ThenBy(s => s.MadeOn).ThenBy(s => s.Id)
            .Select(s => new
            {
                Slug = db.Claims.Where(c => c.Id == s.ClaimId).Select(c => c.Slug).First(),
                Speaker = s.Actor!.Name,
                Joint = s.JointActors.Select(j => j.Actor!.Name).ToList(),
                s.Stance, s.MadeOn, s.Quote, s.QuoteLanguage, s.Translation,
            })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new StatementSheetRow(r.Slug, string.Join("; ", new[] { r.Speaker }.Concat(r.Joint)), r.Stance, r.MadeOn,
            r.Quote, r.QuoteLanguage, r.Translation)).ToList();
    }

    /// <summary>Every source cited by a claim, once per claim and stance, by claim.</summary>
    public async Task<IReadOnlyList<SourceSheetRow>> SourcesAsync(CancellationToken cancellationToken = default) =>
        await db.ClaimSources.AsNoTracking()
            .OrderBy(cs => cs.ClaimId).ThenBy(cs => cs.SourceId).ThenBy(cs => cs.Stance)
            .Select(cs => new SourceSheetRow(
                db.Claims.Where(c => c.Id == cs.ClaimId).Select(c => c.Slug).First(),
                cs.Source!.Title, cs.Source.Url, cs.Source.Outlet != null ? cs.Source.Outlet.Name : null, cs.Source.PublishedOn,
                cs.Source.Language, cs.Source.ArchiveUrl, cs.Stance, cs.Quote))
            .ToListAsync(cancellationToken);
}

/// <summary>One page of published verdicts for the ClaimReview data feed: the claims as approved, the next page's cursor.</summary>
public sealed record VerdictPage(IReadOnlyList<ClaimDetails> Claims, int? NextAfter, DateTime? LastApprovedUtc);

/// <summary>
/// Every public claim whose current approved status is a verdict with a rating, by id (keyset paging), as its approved
/// snapshot with today's permalink. Snapshots are read straight from the page's versions (one query), not through the
/// claim pages' snapshot cache, so a crawler paging through the feed does not push hot claim pages out of it.
/// </summary>
public sealed class VerdictFeed(AppDbContext db, StatusScale scale)
{
    public const int PageSize = 100;

    public async Task<VerdictPage> PageAsync(int after, CancellationToken cancellationToken = default)
    {
        var verdicts = (await scale.ListAsync(cancellationToken)).Where(s => s.IsVerdict && s.RatingValue is not null).Select(s => s.Id).ToList();
        var rows = await db.Claims.AsNoTracking()
            .Where(c => c.IsPublic && c.Id > after && c.PublishedStatusId != null && verdicts.Contains(c.PublishedStatusId.Value))
            .OrderBy(c => c.Id).Take(PageSize + 1)
            .Join(db.ClaimVersions, c => new { ClaimId = c.Id, Number = c.PublishedVersion!.Value }, v => new { v.ClaimId, v.Number },
                (c, v) => new { c.Id, c.Slug, v.Snapshot, c.PublishedAtUtc })
            .ToListAsync(cancellationToken);
        var shown = rows.Take(PageSize).ToList();
        return new VerdictPage(
            shown.Select(r => Workflow.ClaimSnapshot.Read(r.Snapshot) with { Slug = r.Slug }).ToList(),
            rows.Count > PageSize ? shown[^1].Id : null,
            shown.Count == 0 ? null : shown.Max(r => r.PublishedAtUtc));
    }
}
