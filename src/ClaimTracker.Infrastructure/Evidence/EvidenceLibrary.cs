using ClaimTracker.Domain;
using ClaimTracker.Domain.Auditing;
using ClaimTracker.Domain.Evidence;
using ClaimTracker.Infrastructure.Auditing;
using ClaimTracker.Infrastructure.Claims;
using ClaimTracker.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ClaimTracker.Infrastructure.Evidence;

public sealed record CaptureRow(int Id, DateTime CapturedAtUtc, string FinalUrl, int HttpStatus, string ContentType, string Sha256,
    long Length, string CapturedBy);

public sealed record EvidenceFileRow(int Id, int? SourceId, int? StatementId, string Caption, string FileName, string ContentType,
    string Sha256, long Length, DateTime AddedAtUtc, string AddedBy);

/// <summary>A statement with its claim, for the page of its evidence files.</summary>
public sealed record StatementHeading(int Id, int ClaimId, string ClaimHeadline, string Speaker, DateOnly MadeOn, string? Quote);

/// <summary>A fetch for the source form: the page's details and the preserved copy kept of it (or why nothing was kept).</summary>
public sealed record FetchedSource(FetchResult Fetch, PageMetadata Metadata, int? CaptureId);

/// <summary>Kept bytes ready to serve, and what they belong to (for the reader check).</summary>
public sealed record EvidenceContent(byte[] Bytes, string ContentType, string FileName, int? SourceId, int? StatementId);

/// <summary>
/// Preserved copies of sources' pages and uploaded evidence files: fetched through the guarded fetcher, stored once by
/// SHA-256 in the <see cref="BlobStore"/>, every addition recorded in the audit log.
/// </summary>
public sealed class EvidenceLibrary(AppDbContext db, GuardedFetcher fetcher, BlobStore blobs, TimeProvider clock, AuditLog audit,
    IOptions<EvidenceOptions> options, IPublicCache publicCache)
{
    /// <summary>
    /// Fetches <paramref name="address"/>, reads the page's details and keeps a copy (for <paramref name="sourceId"/>, or
    /// unattached until the new source that uses it is saved). Nothing is stored when the fetch is refused.
    /// </summary>
    public async Task<FetchedSource> FetchAsync(string? address, int? sourceId, string user, CancellationToken cancellationToken = default)
    {
        var fetched = await fetcher.FetchAsync(address ?? string.Empty, cancellationToken);
        if (!fetched.Succeeded)
        {
            return new FetchedSource(fetched, PageMetadata.Empty, null);
        }
        var metadata = fetched.IsHtml ? PageMetadata.FromHtml(fetched.Body!, fetched.Charset) : PageMetadata.Empty;
        var capture = await KeepAsync(fetched, sourceId, user, cancellationToken);
        return new FetchedSource(fetched, metadata, capture.Id);
    }

    /// <summary>Stores a successful fetch as a preserved copy.</summary>
    public async Task<SourceCapture> KeepAsync(FetchResult fetched, int? sourceId, string user, CancellationToken cancellationToken = default)
    {
        var sha = await blobs.AddAsync(fetched.Body!, fetched.ContentType!, cancellationToken);
        var capture = new SourceCapture(sourceId, fetched.RequestedUrl, fetched.FinalUrl!, fetched.HttpStatus, fetched.ContentType!, sha,
            fetched.Body!.Length, user, clock.GetUtcNow().UtcDateTime);
        db.SourceCaptures.Add(capture);
        audit.Record(user, AuditAction.SourcePageCaptured, sourceId is { } id ? $"source #{id}" : "a new source",
            $"{fetched.FinalUrl} answered {fetched.HttpStatus} ({fetched.ContentType}, {fetched.Body.Length} bytes, SHA-256 {sha})");
        await db.SaveChangesAsync(cancellationToken);
        if (sourceId is not null)
        {
            await publicCache.EvictAsync(cancellationToken); // claim pages name the newest copy of each source
        }
        return capture;
    }

    /// <summary>
    /// The new source saved with fetched details keeps the copy made by the same editor's fetch (the source is found by its
    /// stored address; a copy already with a source, or made by someone else, stays where it is).
    /// </summary>
    public async Task AdoptAsync(int captureId, Domain.Claims.Source.Draft draft, string user, CancellationToken cancellationToken = default)
    {
        Domain.Claims.Source.Validate(draft, out var url);
        var sourceId = url is null ? null : await db.Sources.Where(s => s.Url == url).Select(s => (int?)s.Id).FirstOrDefaultAsync(cancellationToken);
        var capture = await db.SourceCaptures.FirstOrDefaultAsync(c => c.Id == captureId, cancellationToken);
        if (sourceId is { } id && capture is not null && capture.AdoptBy(id, user))
        {
            await db.SaveChangesAsync(cancellationToken);
            await publicCache.EvictAsync(cancellationToken);
        }
    }

    /// <summary>
    /// Copies made by "Fetch details" for a source that was never created, older than <paramref name="before"/>, are deleted,
    /// with the blobs nothing else names any more (in the database; a folder's file stays, harmless and unnamed). Returns how many.
    /// </summary>
    public async Task<int> ForgetUnadoptedAsync(DateTime before, CancellationToken cancellationToken = default)
    {
        var orphans = await db.SourceCaptures.Where(c => c.SourceId == null && c.CapturedAtUtc < before).ToListAsync(cancellationToken);
        if (orphans.Count == 0)
        {
            return 0;
        }
        db.SourceCaptures.RemoveRange(orphans);
        var hashes = orphans.Select(o => o.Sha256).Distinct().ToList();
        var orphanIds = orphans.Select(o => o.Id).ToList();
        var stillNamed = await db.SourceCaptures.Where(c => hashes.Contains(c.Sha256) && !orphanIds.Contains(c.Id)).Select(c => c.Sha256)
            .Concat(db.EvidenceFiles.Where(f => hashes.Contains(f.Sha256)).Select(f => f.Sha256)).Distinct().ToListAsync(cancellationToken);
        var unnamed = hashes.Except(stillNamed).ToList();
        db.StoredBlobs.RemoveRange(await db.StoredBlobs.Where(b => unnamed.Contains(b.Sha256)).ToListAsync(cancellationToken));
        await db.SaveChangesAsync(cancellationToken);
        return orphans.Count;
    }

    public async Task<IReadOnlyList<CaptureRow>> CapturesAsync(int sourceId, CancellationToken cancellationToken = default) =>
        await db.SourceCaptures.AsNoTracking().Where(c => c.SourceId == sourceId)
            .OrderByDescending(c => c.CapturedAtUtc).ThenByDescending(c => c.Id)
            .Select(c => new CaptureRow(c.Id, c.CapturedAtUtc, c.FinalUrl, c.HttpStatus, c.ContentType, c.Sha256, c.Length, c.CapturedBy))
            .ToListAsync(cancellationToken);

    /// <summary>The newest preserved copy of each of these sources.</summary>
    public async Task<IReadOnlyDictionary<int, CaptureRow>> NewestCapturesAsync(IReadOnlyCollection<int> sourceIds, CancellationToken cancellationToken = default)
    {
        if (sourceIds.Count == 0)
        {
            return new Dictionary<int, CaptureRow>();
        }
        var rows = await db.SourceCaptures.AsNoTracking().Where(c => c.SourceId != null && sourceIds.Contains(c.SourceId.Value))
            .Select(c => new { SourceId = c.SourceId!.Value, Row = new CaptureRow(c.Id, c.CapturedAtUtc, c.FinalUrl, c.HttpStatus, c.ContentType, c.Sha256, c.Length, c.CapturedBy) })
            .ToListAsync(cancellationToken);
        return rows.GroupBy(r => r.SourceId).ToDictionary(g => g.Key, g => g.OrderByDescending(r => r.Row.CapturedAtUtc).ThenByDescending(r => r.Row.Id).First().Row);
    }

    /// <summary>
    /// Attaches an uploaded file to a source or a statement. The bytes decide the type (<see cref="UploadInspector"/>); a refused
    /// file stores nothing and the message names the field "File".
    /// </summary>
    public async Task<WorkResult> AttachAsync(int? sourceId, int? statementId, string? caption, string? fileName, string? declaredType,
        byte[] bytes, string user, CancellationToken cancellationToken = default)
    {
        var errors = EvidenceFile.Validate(caption).ToList();
        var inspected = UploadInspector.Inspect(bytes, fileName, declaredType, options.Value.MaxUploadBytes);
        if (!inspected.Accepted)
        {
            errors.Insert(0, new FieldError("File", inspected.Refusal!));
        }
        if (errors.Count > 0)
        {
            return WorkResult.Invalid(errors);
        }
        if (sourceId is { } s && !await db.Sources.AnyAsync(x => x.Id == s, cancellationToken))
        {
            return WorkResult.NotFound("source");
        }
        if (statementId is { } st && !await db.Statements.AnyAsync(x => x.Id == st, cancellationToken))
        {
            return WorkResult.NotFound("statement");
        }
        var sha = await blobs.AddAsync(inspected.Bytes!, inspected.ContentType!, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var file = sourceId is { } forSource
            ? EvidenceFile.ForSource(forSource, caption!, fileName ?? string.Empty, inspected.ContentType!, sha, inspected.Bytes!.Length, user, now)
            : EvidenceFile.ForStatement(statementId!.Value, caption!, fileName ?? string.Empty, inspected.ContentType!, sha, inspected.Bytes!.Length, user, now);
        db.EvidenceFiles.Add(file);
        audit.Record(user, AuditAction.EvidenceFileAdded, sourceId is { } a ? $"source #{a}" : $"statement #{statementId}",
            $"“{file.FileName}” ({file.ContentType}, {file.Length} bytes, SHA-256 {sha}): {file.Caption}");
        await db.SaveChangesAsync(cancellationToken);
        return WorkResult.Done(file.Id);
    }

    public async Task<WorkResult> RemoveFileAsync(int fileId, string user, CancellationToken cancellationToken = default)
    {
        var file = await db.EvidenceFiles.FirstOrDefaultAsync(f => f.Id == fileId, cancellationToken);
        if (file is null)
        {
            return WorkResult.NotFound("file");
        }
        db.EvidenceFiles.Remove(file);
        audit.Record(user, AuditAction.EvidenceFileRemoved, file.SourceId is { } a ? $"source #{a}" : $"statement #{file.StatementId}",
            $"“{file.FileName}” (SHA-256 {file.Sha256}): {file.Caption}");
        await db.SaveChangesAsync(cancellationToken);
        return WorkResult.Done(file.SourceId ?? file.StatementId ?? 0);
    }

    public async Task<IReadOnlyList<EvidenceFileRow>> FilesAsync(int? sourceId, IReadOnlyCollection<int>? statementIds = null,
        CancellationToken cancellationToken = default)
    {
        var statements = statementIds ?? [];
        return await db.EvidenceFiles.AsNoTracking()
            .Where(f => (sourceId != null && f.SourceId == sourceId) || (f.StatementId != null && statements.Contains(f.StatementId.Value)))
            .OrderBy(f => f.AddedAtUtc).ThenBy(f => f.Id)
            .Select(f => new EvidenceFileRow(f.Id, f.SourceId, f.StatementId, f.Caption, f.FileName, f.ContentType, f.Sha256, f.Length, f.AddedAtUtc, f.AddedBy))
            .ToListAsync(cancellationToken);
    }

    public async Task<StatementHeading?> StatementAsync(int statementId, CancellationToken cancellationToken = default) =>
        await db.Statements.AsNoTracking().Where(s => s.Id == statementId)
            .Join(db.Claims, s => s.ClaimId, c => c.Id, (s, c) => new StatementHeading(s.Id, c.Id, c.Headline, s.Actor!.Name, s.MadeOn, s.Quote))
            .FirstOrDefaultAsync(cancellationToken);

    public async Task<EvidenceContent?> OpenCaptureAsync(int captureId, CancellationToken cancellationToken = default)
    {
        var capture = await db.SourceCaptures.AsNoTracking().FirstOrDefaultAsync(c => c.Id == captureId, cancellationToken);
        if (capture is null || await blobs.ReadAsync(capture.Sha256, cancellationToken) is not { } bytes)
        {
            return null;
        }
        var extension = capture.ContentType switch
        {
            "application/pdf" => ".pdf", "image/png" => ".png", "image/jpeg" => ".jpg", "image/webp" => ".webp", "image/gif" => ".gif", _ => ".html",
        };
        return new EvidenceContent(bytes, capture.ContentType, $"capture-{capture.Id}-{capture.CapturedAtUtc:yyyyMMdd-HHmm}{extension}", capture.SourceId, null);
    }

    public async Task<EvidenceContent?> OpenFileAsync(int fileId, CancellationToken cancellationToken = default)
    {
        var file = await db.EvidenceFiles.AsNoTracking().FirstOrDefaultAsync(f => f.Id == fileId, cancellationToken);
        if (file is null || await blobs.ReadAsync(file.Sha256, cancellationToken) is not { } bytes)
        {
            return null;
        }
        return new EvidenceContent(bytes, file.ContentType, file.FileName, file.SourceId, file.StatementId);
    }

    /// <summary>
    /// Whether readers may see what belongs to this source or statement: a source cited by, or a statement of, a claim readers
    /// can open.
    /// </summary>
    public async Task<bool> IsCitedPubliclyAsync(EvidenceContent content, CancellationToken cancellationToken = default)
    {
        if (content.SourceId is { } sourceId)
        {
            return await db.ClaimSources.AnyAsync(cs => cs.SourceId == sourceId && db.Claims.Any(c => c.Id == cs.ClaimId && c.IsPublic && c.PublishedVersion != null), cancellationToken);
        }
        return content.StatementId is { } statementId
               && await db.Statements.AnyAsync(s => s.Id == statementId && db.Claims.Any(c => c.Id == s.ClaimId && c.IsPublic && c.PublishedVersion != null), cancellationToken);
    }
}
