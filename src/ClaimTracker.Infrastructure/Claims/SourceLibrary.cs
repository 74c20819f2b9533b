using ClaimTracker.Domain.Claims;
using ClaimTracker.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace ClaimTracker.Infrastructure.Claims;

public sealed record SourceRow(int Id, string Title, string? Url, string? Outlet, string? OutletProvenance,
    DateOnly? PublishedOn, string Language, string? ArchiveUrl, string? Excerpt, string? ExcerptSha256,
    DateTime? ExcerptCapturedAtUtc, int CitedBy);

public sealed record SourceEditView(Source.Draft Draft, Guid Version, string? ExcerptSha256, DateTime? ExcerptCapturedAtUtc,
    IReadOnlyList<(int Id, string Headline)> CitedBy);

/// <summary>A library source that may be the same article as one being entered, and why it looks so.</summary>
public sealed record DuplicateCandidate(int Id, string Title, string? Outlet, DateOnly? PublishedOn, string Why, bool SameAddress = false);

/// <summary>Sources are shared by claims; one address is stored once.</summary>
public sealed class SourceLibrary(AppDbContext db, TimeProvider clock, Auditing.AuditLog audit)
{
    /// <summary>
    /// Library sources that are likely the same article as <paramref name="draft"/>: the same address once normalised, or the
    /// same date (and the same outlet where both name one) with most of the shorter title's words in the other title (case,
    /// accents and punctuation aside) — a re-entered article under another title, or without its address.
    /// </summary>
    public async Task<IReadOnlyList<DuplicateCandidate>> LikelyDuplicatesAsync(Source.Draft draft, int? exceptId = null,
        CancellationToken cancellationToken = default)
    {
        var found = new List<DuplicateCandidate>();
        Source.Validate(draft, out var url);
        if (url is not null)
        {
            found.AddRange(await db.Sources.AsNoTracking().Where(s => s.Url == url && s.Id != exceptId)
                .Select(s => new DuplicateCandidate(s.Id, s.Title, s.Outlet != null ? s.Outlet.Name : null, s.PublishedOn, "the same address", true))
                .ToListAsync(cancellationToken));
        }
        if (draft.PublishedOn is { } date && Domain.Text.LookAlike.Words(draft.Title) is { Count: >= 2 } words)
        {
            var sameDay = await db.Sources.AsNoTracking()
                .Where(s => s.PublishedOn == date && s.Id != exceptId && (draft.OutletId == null || s.OutletId == null || s.OutletId == draft.OutletId))
                .OrderBy(s => s.Id).Take(100)
                .Select(s => new { s.Id, s.Title, Outlet = s.Outlet != null ? s.Outlet.Name : null, s.OutletId, s.PublishedOn })
                .ToListAsync(cancellationToken);
            foreach (var candidate in sameDay.Where(c => found.All(f => f.Id != c.Id)))
            {
                if (Domain.Text.LookAlike.Words(candidate.Title).Count >= 2 && Domain.Text.LookAlike.Overlap(draft.Title, candidate.Title) >= 0.6)
                {
                    found.Add(new DuplicateCandidate(candidate.Id, candidate.Title, candidate.Outlet, candidate.PublishedOn,
                        candidate.OutletId is not null && candidate.OutletId == draft.OutletId ? "the same outlet and date, a similar title" : "the same date, a similar title"));
                }
            }
        }
        return found;
    }

    /// <summary>
    /// Two records of one article become one: every citation, statement and status entry of <paramref name="duplicateId"/> moves
    /// to <paramref name="keepId"/> (each claim concerned gets a pending revision: readers see the change after review), then the
    /// duplicate is deleted; the audit log names both, and the activity trail keeps the deleted record's fields.
    /// </summary>
    public Task<WorkResult> MergeAsync(int duplicateId, int keepId, string user, CancellationToken cancellationToken = default) =>
        LostRace.RetryAsync(db, async () =>
        {
            if (duplicateId == keepId)
            {
                return WorkResult.Invalid("mergeInto", "Choose another source: a source cannot be merged into itself.");
            }
            var duplicate = await db.Sources.FirstOrDefaultAsync(s => s.Id == duplicateId, cancellationToken);
            var keep = await db.Sources.AsNoTracking().FirstOrDefaultAsync(s => s.Id == keepId, cancellationToken);
            if (duplicate is null)
            {
                return WorkResult.NotFound("source");
            }
            if (keep is null)
            {
                return WorkResult.Invalid("mergeInto", $"The library has no source #{keepId}.");
            }
            var now = clock.GetUtcNow().UtcDateTime;
            var claims = await db.Claims.Where(c => c.Sources.Any(s => s.SourceId == duplicateId)
                    || c.Statements.Any(st => st.Sources.Any(s => s.SourceId == duplicateId))
                    || c.StatusChanges.Any(sc => sc.Sources.Any(s => s.SourceId == duplicateId)))
                .Include(c => c.Sources).Include(c => c.Statements).ThenInclude(s => s.Sources)
                .Include(c => c.StatusChanges).ThenInclude(s => s.Sources).AsSplitQuery()
                .ToListAsync(cancellationToken);
            foreach (var claim in claims)
            {
                claim.ReplaceSource(duplicateId, keepId, user, now);
            }
            db.Sources.Remove(duplicate);
            audit.Record(user, Domain.Auditing.AuditAction.SourcesMerged, $"source #{keepId}",
                $"merged #{duplicateId} “{duplicate.Title}” ({duplicate.Url ?? "no address"}) into #{keepId} “{keep.Title}”; {claims.Count} claim(s) moved");
            await db.SaveChangesAsync(cancellationToken);
            return WorkResult.Done(keepId);
        }, () => ClaimChange.GaveUp);

    public async Task<IReadOnlyList<SourceRow>> SearchAsync(string? query, int limit = 200, CancellationToken cancellationToken = default)
    {
        var sources = db.Sources.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query))
        {
            // What the editor typed, literally and case aside, in the title, the address or the outlet's name.
            var pattern = LikePatterns.Containing(query.Trim());
            sources = sources.Where(s => EF.Functions.Like(s.Title.ToLower(), pattern, LikePatterns.Escape)
                                         || (s.Url != null && EF.Functions.Like(s.Url.ToLower(), pattern, LikePatterns.Escape))
                                         || (s.Outlet != null && EF.Functions.Like(s.Outlet.Name.ToLower(), pattern, LikePatterns.Escape)));
        }
        return await sources.OrderByDescending(s => s.PublishedOn).ThenBy(s => s.Title).Take(limit)
            .Select(s => new SourceRow(s.Id, s.Title, s.Url, s.Outlet != null ? s.Outlet.Name : null,
                s.Outlet != null ? s.Outlet.ProvenanceLabel : null, s.PublishedOn, s.Language, s.ArchiveUrl, s.Excerpt,
                s.ExcerptSha256, s.ExcerptCapturedAtUtc, db.ClaimSources.Count(cs => cs.SourceId == s.Id)))
            .ToListAsync(cancellationToken);
    }

    public async Task<SourceEditView?> FindAsync(int id, CancellationToken cancellationToken = default)
    {
        var source = await db.Sources.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (source is null)
        {
            return null;
        }
        var citing = await db.ClaimSources.Where(cs => cs.SourceId == id)
            .Join(db.Claims, cs => cs.ClaimId, c => c.Id, (cs, c) => new { c.Id, c.Headline }).OrderBy(c => c.Headline)
            .ToListAsync(cancellationToken);
        return new SourceEditView(new Source.Draft(source.Url, source.Title, source.OutletId, source.Author, source.PublishedOn,
                source.Language, source.ArchiveUrl, source.Excerpt), source.Version, source.ExcerptSha256, source.ExcerptCapturedAtUtc,
            citing.Select(c => (c.Id, c.Headline)).ToList());
    }

    /// <summary>
    /// Saves the edit unless someone saved this source since <paramref name="version"/> was read; every claim
    /// citing it gets a pending revision (its readers see the change after review).
    /// </summary>
    public Task<WorkResult> EditAsync(int id, Guid version, Source.Draft draft, string user, CancellationToken cancellationToken = default) =>
        // The claims it marks pending may be saved by others at the same moment: then it is tried again on what they left.
        LostRace.RetryAsync(db, async () =>
        {
            var source = await db.Sources.FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
            if (source is null)
            {
                return WorkResult.NotFound("source");
            }
            if (source.Version != version)
            {
                return WorkResult.Invalid(string.Empty, "Someone else changed this source meanwhile. The form shows the current values; make your change again.") with { IsConflict = true };
            }
            if (Source.Validate(draft, out var url) is { Count: > 0 } errors)
            {
                return WorkResult.Invalid(errors);
            }
            if (url is not null && await db.Sources.Where(s => s.Url == url && s.Id != id).Select(s => new { s.Id, s.Title }).FirstOrDefaultAsync(cancellationToken) is { } other)
            {
                return WorkResult.Invalid(nameof(Source.Draft.Url), $"This address belongs to another source, “{other.Title}” (#{other.Id}).");
            }
            var now = clock.GetUtcNow().UtcDateTime;
            source.Edit(draft, now);
            foreach (var claim in await db.Claims.Where(c => c.Sources.Any(s => s.SourceId == id)).ToListAsync(cancellationToken))
            {
                claim.SharedPartChanged(user, now);
            }
            await db.SaveChangesAsync(cancellationToken);
            return WorkResult.Done(id);
        }, () => ClaimChange.GaveUp);

    /// <summary>
    /// A new source for the library, not saved yet (the caller saves it, alone or with what it is attached to); or why it cannot
    /// be made, naming the existing source with the same address.
    /// </summary>
    public async Task<(Source? Source, WorkResult? Refused)> PrepareAsync(Source.Draft draft, string user, CancellationToken cancellationToken = default)
    {
        if (Source.Validate(draft, out var url) is { Count: > 0 } errors)
        {
            return (null, WorkResult.Invalid(errors));
        }
        if (url is not null && await db.Sources.Where(s => s.Url == url).Select(s => new { s.Id, s.Title }).FirstOrDefaultAsync(cancellationToken) is { } existing)
        {
            return (null, WorkResult.Invalid(nameof(Source.Draft.Url),
                $"This address is already in the source library as “{existing.Title}” (source #{existing.Id}). Attach that source instead.") with { Id = existing.Id });
        }
        if (draft.OutletId is { } outlet && !await db.Actors.AnyAsync(a => a.Id == outlet, cancellationToken))
        {
            return (null, WorkResult.Invalid(nameof(Source.Draft.OutletId), "Choose an outlet from the actor directory."));
        }
        var source = Source.Create(draft, user, clock.GetUtcNow().UtcDateTime);
        db.Sources.Add(source);
        return (source, null);
    }

    /// <summary>Creates the source, or names the existing one with the same address.</summary>
    public async Task<WorkResult> CreateAsync(Source.Draft draft, string user, CancellationToken cancellationToken = default)
    {
        var (source, refused) = await PrepareAsync(draft, user, cancellationToken);
        if (source is null)
        {
            return refused!;
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (source.Url is { } url)
        {
            db.Entry(source).State = EntityState.Detached;
            if (!await db.Sources.AsNoTracking().AnyAsync(s => s.Url == url, cancellationToken))
            {
                throw;
            }
            // Another editor stored the same address a moment ago; the unique index kept it single.
            return WorkResult.Invalid(nameof(Source.Draft.Url), "This address was just added to the source library by someone else. Attach that source instead.");
        }
        return WorkResult.Done(source.Id);
    }
}
