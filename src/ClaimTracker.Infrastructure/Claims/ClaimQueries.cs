using ClaimTracker.Domain.Claims;
using ClaimTracker.Domain.Text;
using ClaimTracker.Infrastructure.Data;
using ClaimTracker.Infrastructure.Search;
using Microsoft.EntityFrameworkCore;

namespace ClaimTracker.Infrastructure.Claims;

/// <summary>Read models for the editor pages: hand-written projections, no entity leaves this class.</summary>
public sealed class ClaimQueries(AppDbContext db, IClaimSearch search, TimeProvider clock)
{
    public const int PageSize = 50;

    public async Task<IReadOnlyList<ClaimRow>> ListAsync(ClaimFilter filter, CancellationToken cancellationToken = default)
    {
        var (claims, hits) = await FilterAsync(filter, 500, cancellationToken);
        var rows = await Rows(claims.OrderByDescending(c => c.UpdatedAtUtc)).Take(hits is null ? PageSize : 500).ToListAsync(cancellationToken);
        if (hits is null)
        {
            return rows;
        }
        var rank = hits.Select((h, i) => (h.ClaimId, i)).ToDictionary(x => x.ClaimId, x => x.i);
        return rows.OrderBy(r => rank[r.Id]).Take(PageSize).ToList();
    }

    /// <summary>The desk's list filters on working copies (drafts included); a search keeps its best <paramref name="searchLimit"/> hits, ranked.</summary>
    internal async Task<(IQueryable<Claim> Claims, IReadOnlyList<SearchHit>? Hits)> FilterAsync(ClaimFilter filter, int searchLimit,
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

    /// <summary>Claims like one being logged: the search's nearest by headline and text, with an exact or near-exact headline
    /// (the same words, case and accents aside) ranked first, then by how much of the headline they share.</summary>
    public async Task<IReadOnlyList<ClaimRow>> SimilarAsync(string headline, string text, int? exceptId, CancellationToken cancellationToken = default)
    {
        var hits = await search.SimilarAsync(db, text, 5, cancellationToken);
        var ids = hits.Select(h => h.ClaimId).ToList();
        var trimmed = headline.Trim();
        if (trimmed.Length > 0)
        {
            // The same headline, case aside (lower() on both engines) (LIKE without wildcards: the editor's % and _ are taken literally).
            var pattern = LikeLiteral(trimmed.ToLowerInvariant());
            ids.AddRange(await db.Claims.Where(c => EF.Functions.Like(c.Headline.ToLower(), pattern, "\\")).Select(c => c.Id).Take(3).ToListAsync(cancellationToken));
        }
        ids = ids.Where(id => id != exceptId).Distinct().ToList();
        var rows = await Rows(db.Claims.AsNoTracking().Where(c => ids.Contains(c.Id))).ToListAsync(cancellationToken);
        return rows.OrderByDescending(r => Domain.Text.LookAlike.Overlap(headline, r.Headline) >= 0.99)
            .ThenBy(r => ids.IndexOf(r.Id))
            .ToList();
    }

    /// <summary>Type-ahead for parent and related claims: headlines containing what was typed (case aside), newest first.</summary>
    public async Task<IReadOnlyList<(string Slug, string Headline)>> SuggestAsync(string typed, int limit, CancellationToken cancellationToken = default)
    {
        var pattern = "%" + LikeLiteral(typed.ToLowerInvariant()) + "%";
        var rows = await db.Claims.AsNoTracking()
            .Where(c => EF.Functions.Like(c.Headline.ToLower(), pattern, "\\") || EF.Functions.Like(c.Slug, pattern, "\\"))
            .OrderByDescending(c => c.UpdatedAtUtc).Take(limit).Select(c => new { c.Slug, c.Headline }).ToListAsync(cancellationToken);
        return rows.Select(r => (r.Slug, r.Headline)).ToList();
    }

    /// <summary>Text for a LIKE pattern (escape character \\) matching itself: the editor's % and _ are taken literally.</summary>
    private static string LikeLiteral(string text) => text.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");

    public async Task<IReadOnlyList<ClaimRow>> RowsAsync(IReadOnlyCollection<int> ids, CancellationToken cancellationToken = default) =>
        await Rows(db.Claims.AsNoTracking().Where(c => ids.Contains(c.Id)).OrderByDescending(c => c.UpdatedAtUtc)).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<ClaimRow>> OptionsAsync(CancellationToken cancellationToken = default) =>
        await Rows(db.Claims.AsNoTracking().OrderBy(c => c.Headline)).ToListAsync(cancellationToken);

    public Task<int?> IdBySlugAsync(string slug, CancellationToken cancellationToken = default) => db.ClaimIdBySlugAsync(slug, cancellationToken);

    public async Task<ClaimDetails?> DetailsAsync(int id, CancellationToken cancellationToken = default)
    {
        var claim = await db.Claims.AsNoTracking()
            .Include(c => c.Actors).ThenInclude(a => a.Actor)
            .Include(c => c.Topics).ThenInclude(t => t.Topic)
            .Include(c => c.Statements).ThenInclude(s => s.Actor)
            .Include(c => c.Statements).ThenInclude(s => s.Sources)
            .Include(c => c.Statements).ThenInclude(s => s.JointActors).ThenInclude(j => j.Actor)
            .Include(c => c.Sources).ThenInclude(s => s.Source).ThenInclude(s => s!.Outlet)
            .Include(c => c.StatusChanges).ThenInclude(s => s.Status)
            .Include(c => c.StatusChanges).ThenInclude(s => s.Sources)
            .Include(c => c.Relations)
            .AsSplitQuery()
            .FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (claim is null)
        {
            return null;
        }
        var statuses = await db.Statuses.AsNoTracking().ToDictionaryAsync(s => s.Id, cancellationToken);
        var incoming = await db.Set<ClaimRelation>().AsNoTracking().Where(r => r.ToClaimId == id).ToListAsync(cancellationToken);
        var related = claim.Relations.Select(r => r.ToClaimId).Concat(incoming.Select(r => r.FromClaimId)).Append(claim.ParentClaimId ?? 0).ToList();
        var relatedRows = await Rows(db.Claims.AsNoTracking().Where(c => related.Contains(c.Id) || c.ParentClaimId == id))
            .ToListAsync(cancellationToken);
        var subClaimIds = await db.Claims.Where(c => c.ParentClaimId == id).Select(c => c.Id).ToListAsync(cancellationToken);

        var statements = claim.Statements.OrderBy(s => s.MadeOn).ThenBy(s => s.Id).ToList();
        var corrected = claim.StatusChanges.Where(c => c.CorrectsId is not null).Select(c => c.CorrectsId!.Value).ToHashSet();
        static ActorRef Ref(Actor a) => new(a.Id, a.Name, a.Kind, a.ProvenanceLabel);
        StatusBadge Badge(int statusId) => new(statuses[statusId].Key, statuses[statusId].NameEn, statuses[statusId].Colour);

        return new ClaimDetails(claim.Id, claim.Slug, claim.Headline, claim.OriginalText, claim.Language, claim.Translation,
            claim.Translator, claim.IsMachineTranslated, claim.FirstMadeOn, claim.Summary, claim.ReviewBy, claim.IsPublic,
            claim.CurrentStatusId is { } current ? Badge(current) : null, claim.CurrentStatusSince, claim.Version,
            claim.CreatedBy, claim.CreatedAtUtc, claim.UpdatedBy, claim.UpdatedAtUtc,
            claim.Actors.Where(a => a.Role == ClaimRole.Claimant).Select(a => Ref(a.Actor!)).OrderBy(a => a.Name).ToList(),
            claim.Actors.Where(a => a.Role == ClaimRole.Subject).Select(a => Ref(a.Actor!)).OrderBy(a => a.Name).ToList(),
            claim.Topics.Select(t => t.Topic!.Name).Order().ToList(),
            relatedRows.FirstOrDefault(r => r.Id == claim.ParentClaimId),
            relatedRows.Where(r => subClaimIds.Contains(r.Id)).ToList(),
            claim.Relations.Select(r => new RelatedClaim(r.Kind.Describe(), relatedRows.First(x => x.Id == r.ToClaimId)))
                .Concat(incoming.Select(r => new RelatedClaim(r.Kind switch
                {
                    RelationKind.Contradicts => "contradicted by",
                    RelationKind.DuplicateOf => "has a duplicate",
                    _ => "followed up by",
                }, relatedRows.First(x => x.Id == r.FromClaimId)))).ToList(),
            statements.Select(s => new StatementView(s.Id, Ref(s.Actor!), s.Stance, s.MadeOn, s.Quote, s.QuoteLanguage, s.Translation,
                s.Sources.Select(x => x.SourceId).ToList(),
                // A walk-back: one of those who said it said the opposite earlier (alone or with others).
                s.Stance is Stance.Confirms or Stance.Retracts
                && statements.Any(e => e.ActorIds.Intersect(s.ActorIds).Any() && e.MadeOn <= s.MadeOn && e.Id != s.Id
                                       && (s.Stance == Stance.Confirms ? e.Stance == Stance.Denies : e.Stance is Stance.Asserts or Stance.Confirms)),
                s.JointActors.Select(j => Ref(j.Actor!)).OrderBy(a => a.Name).ToList()))
                .ToList(),
            claim.Sources.OrderBy(s => s.Source!.PublishedOn).Select(s => new LinkedSourceView(s.SourceId, s.Source!.Title, s.Source.Url,
                s.Source.Outlet?.Name, s.Source.Outlet?.ProvenanceLabel, s.Source.PublishedOn, s.Source.Language, s.Source.ArchiveUrl,
                s.Source.Excerpt, s.Source.ExcerptSha256, s.Source.ExcerptCapturedAtUtc, s.Stance, s.Quote, s.Note)).ToList(),
            claim.StatusChanges.OrderByDescending(c => c.EffectiveOn).ThenByDescending(c => c.RecordedAtUtc)
                .Select(c => new StatusChangeView(c.Id, Badge(c.StatusId), c.EffectiveOn, c.Rationale,
                    c.Sources.Select(s => s.SourceId).ToList(), c.CorrectsId, corrected.Contains(c.Id), c.RecordedBy, c.RecordedAtUtc))
                .ToList(),
            claim.ClaimReviewed,
            claim.Actors.Where(a => a.Role == ClaimRole.Claimant).Select(a => new ClaimantRef(a.Actor!.Name, a.Actor.Kind, a.Actor.WikidataId)).ToList(),
            claim.AssignedTo, claim.ReviewIntervalDays, claim.PendingSlug,
            claim.Actors.Select(a => a.Actor!).Concat(claim.Statements.SelectMany(s => s.JointActors.Select(j => j.Actor!).Prepend(s.Actor!))).DistinctBy(a => a.Id).OrderBy(a => a.Id)
                .Select(a => new ActorProfile(a.Id, a.Name, a.Description, a.WikidataId)).ToList());
    }

    public async Task<ClaimEditData?> EditDataAsync(int id, CancellationToken cancellationToken = default)
    {
        var claim = await db.Claims.AsNoTracking().Where(c => c.Id == id)
            .Select(c => new
            {
                c.Id, c.Slug, c.PendingSlug, c.Headline, c.OriginalText, c.Language, c.Translation, c.Translator, c.IsMachineTranslated, c.FirstMadeOn,
                c.Summary, c.ReviewBy, c.Version, c.UpdatedBy, c.UpdatedAtUtc, c.ClaimReviewed, c.ReviewIntervalDays, c.ParentClaimId,
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (claim is null)
        {
            return null;
        }
        var actors = await db.Set<ClaimActor>().AsNoTracking().Where(a => a.ClaimId == id)
            .Select(a => new { a.ActorId, a.Role }).ToListAsync(cancellationToken);
        var topics = await db.Set<ClaimTopic>().AsNoTracking().Where(t => t.ClaimId == id).Select(t => t.Topic!.Name).ToListAsync(cancellationToken);
        var parentSlug = claim.ParentClaimId is { } parentId
            ? await db.Claims.AsNoTracking().Where(p => p.Id == parentId).Select(p => p.Slug).FirstOrDefaultAsync(cancellationToken)
            : null;
        return new ClaimEditData(claim.Id, claim.PendingSlug ?? claim.Slug, claim.Headline, claim.OriginalText, claim.Language, claim.Translation, claim.Translator,
            claim.IsMachineTranslated, claim.FirstMadeOn, claim.Summary, claim.ReviewBy, claim.Version, claim.UpdatedBy, claim.UpdatedAtUtc,
            actors.Where(a => a.Role == ClaimRole.Claimant).Select(a => a.ActorId).ToList(),
            actors.Where(a => a.Role == ClaimRole.Subject).Select(a => a.ActorId).ToList(),
            topics.Order().ToList(), parentSlug, claim.ClaimReviewed, claim.ReviewIntervalDays);
    }

    public async Task<StatusFormData?> StatusFormAsync(int id, CancellationToken cancellationToken = default)
    {
        var claim = await db.Claims.AsNoTracking().Where(c => c.Id == id)
            .Select(c => new { c.Id, c.Headline, c.CurrentStatusId }).FirstOrDefaultAsync(cancellationToken);
        if (claim is null)
        {
            return null;
        }
        var sources = await db.ClaimSources.AsNoTracking().Where(s => s.ClaimId == id)
            .Select(s => new { s.SourceId, s.Source!.Title, s.Source.PublishedOn }).ToListAsync(cancellationToken);
        var history = await db.StatusChanges.AsNoTracking().Where(c => c.ClaimId == id)
            .OrderByDescending(c => c.EffectiveOn).ThenByDescending(c => c.RecordedAtUtc)
            .Select(c => new { c.Id, c.EffectiveOn, c.StatusId, c.CorrectsId }).ToListAsync(cancellationToken);
        var corrected = history.Where(c => c.CorrectsId is not null).Select(c => c.CorrectsId!.Value).ToHashSet();
        // Ordered here: the engines sort undated sources differently.
        return new StatusFormData(claim.Id, claim.Headline, claim.CurrentStatusId,
            sources.OrderBy(s => s.PublishedOn).ThenBy(s => s.SourceId).Select(s => new SourceChoice(s.SourceId, s.Title)).ToList(),
            history.Where(c => !corrected.Contains(c.Id)).Select(c => new CorrectableEntry(c.Id, c.EffectiveOn, c.StatusId)).ToList());
    }

    /// <summary>"My work": claims assigned to me, and my drafts (never published, not submitted).</summary>
    public async Task<(IReadOnlyList<ClaimRow> Assigned, IReadOnlyList<ClaimRow> Drafts)> MyWorkAsync(string user, CancellationToken cancellationToken = default) =>
        (await Rows(db.Claims.AsNoTracking().Where(c => c.AssignedTo == user).OrderBy(c => c.ReviewBy ?? DateOnly.MaxValue).ThenByDescending(c => c.UpdatedAtUtc)).ToListAsync(cancellationToken),
         await Rows(db.Claims.AsNoTracking().Where(c => c.CreatedBy == user && c.PublishedVersion == null && c.Review.State == Domain.Workflow.ReviewState.Draft).OrderByDescending(c => c.UpdatedAtUtc)).ToListAsync(cancellationToken));

    public async Task<DashboardView> DashboardAsync(string user, CancellationToken cancellationToken = default)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var counts = await db.Claims.GroupBy(c => c.CurrentStatusId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var statuses = await db.Statuses.AsNoTracking().OrderBy(s => s.Order).ToListAsync(cancellationToken);
        var byStatus = statuses.Select(s => ((StatusBadge?)new StatusBadge(s.Key, s.NameEn, s.Colour), counts.FirstOrDefault(c => c.Key == s.Id)?.Count ?? 0))
            .Prepend((null, counts.FirstOrDefault(c => c.Key == null)?.Count ?? 0)).ToList();
        var overdue = await Rows(db.Claims.AsNoTracking().Where(c => c.ReviewBy != null && c.ReviewBy < today).OrderBy(c => c.ReviewBy)).Take(20).ToListAsync(cancellationToken);
        var recent = await Rows(db.Claims.AsNoTracking().OrderByDescending(c => c.UpdatedAtUtc)).Take(10).ToListAsync(cancellationToken);
        var mine = await Rows(db.Claims.AsNoTracking().Where(c => c.UpdatedBy == user || c.CreatedBy == user).OrderByDescending(c => c.UpdatedAtUtc)).Take(10).ToListAsync(cancellationToken);
        return new DashboardView(byStatus, overdue, recent, mine);
    }

    private IQueryable<ClaimRow> Rows(IQueryable<Claim> claims) =>
        claims.Select(c => new ClaimRow(c.Id, c.Slug, c.Headline,
            db.Statuses.Where(s => s.Id == c.CurrentStatusId).Select(s => new StatusBadge(s.Key, s.NameEn, s.Colour)).FirstOrDefault(),
            c.CurrentStatusSince, c.IsPublic, c.Language, c.UpdatedAtUtc, c.UpdatedBy, c.ReviewBy, c.Review.State, c.PublishedVersion != null));
}

internal static class ClaimLookup
{
    /// <summary>The claim under this slug, or the one an old slug of it still points to.</summary>
    public static async Task<int?> ClaimIdBySlugAsync(this AppDbContext db, string slug, CancellationToken cancellationToken) =>
        await db.Claims.Where(c => c.Slug == slug || c.PendingSlug == slug).Select(c => (int?)c.Id).FirstOrDefaultAsync(cancellationToken)
        ?? await db.SlugRedirects.Where(r => r.OldSlug == slug).Select(r => (int?)r.ClaimId).FirstOrDefaultAsync(cancellationToken);
}
