using ClaimTracker.Domain.Claims;
using ClaimTracker.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace ClaimTracker.Infrastructure.Claims;

public sealed record SourceRow(int Id, string Title, string? Url, string? Outlet, string? OutletProvenance,
    DateOnly? PublishedOn, string Language, string? ArchiveUrl, string? Excerpt, string? ExcerptSha256,
    DateTime? ExcerptCapturedAtUtc, int CitedBy);

public sealed record SourceEditView(Source.Draft Draft, Guid Version, string? ExcerptSha256, DateTime? ExcerptCapturedAtUtc,
    IReadOnlyList<(int Id, string Headline)> CitedBy);

/// <summary>Sources are shared by claims; one address is stored once.</summary>
public sealed class SourceLibrary(AppDbContext db, TimeProvider clock)
{
    public async Task<IReadOnlyList<SourceRow>> SearchAsync(string? query, int limit = 200, CancellationToken cancellationToken = default)
    {
        var sources = db.Sources.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query))
        {
            var q = query.Trim();
            sources = sources.Where(s => EF.Functions.Like(s.Title, $"%{q}%") || (s.Url != null && EF.Functions.Like(s.Url, $"%{q}%"))
                                         || (s.Outlet != null && EF.Functions.Like(s.Outlet.Name, $"%{q}%")));
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
        }, () => ClaimEditor.GaveUp);

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
