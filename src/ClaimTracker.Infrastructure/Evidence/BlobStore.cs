using ClaimTracker.Domain.Evidence;
using ClaimTracker.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ClaimTracker.Infrastructure.Evidence;

/// <summary>Settings of kept evidence (section <c>Evidence</c>).</summary>
public sealed class EvidenceOptions
{
    public const string Section = "Evidence";

    /// <summary>
    /// A folder for the blobs instead of the database (one file per SHA-256, written before the row that names it). Empty:
    /// in the database, on SQLite and PostgreSQL alike.
    /// </summary>
    public string? BlobFolder { get; set; }

    /// <summary>Largest upload accepted.</summary>
    public long MaxUploadBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>How often the link check looks at each cited address again.</summary>
    public int LinkCheckEveryDays { get; set; } = 7;

    /// <summary>Pause between two requests of the link check (one host at a time).</summary>
    public int LinkCheckPauseSeconds { get; set; } = 5;

    /// <summary>Off: no background link check (tests run it by hand).</summary>
    public bool LinkCheckEnabled { get; set; } = true;
}

/// <summary>
/// Content-addressed storage of evidence bytes: stored once per SHA-256, in the database by default or in a folder.
/// <see cref="Add"/> joins the caller's unit of work (the row is saved with the capture or file that names it).
/// </summary>
public sealed class BlobStore(AppDbContext db, IOptions<EvidenceOptions> options, TimeProvider clock)
{
    private string? Folder => string.IsNullOrWhiteSpace(options.Value.BlobFolder) ? null : options.Value.BlobFolder;

    public async Task<string> AddAsync(byte[] bytes, string contentType, CancellationToken cancellationToken = default)
    {
        var sha = StoredBlob.HashOf(bytes);
        if (db.StoredBlobs.Local.Any(b => b.Sha256 == sha) || await db.StoredBlobs.AnyAsync(b => b.Sha256 == sha, cancellationToken))
        {
            return sha;
        }
        if (Folder is { } folder)
        {
            var path = PathOf(folder, sha);
            if (!File.Exists(path))
            {
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                var temporary = path + "." + Guid.NewGuid().ToString("N") + ".part";
                await File.WriteAllBytesAsync(temporary, bytes, cancellationToken);
                File.Move(temporary, path, overwrite: true);
            }
        }
        db.StoredBlobs.Add(new StoredBlob(sha, contentType, bytes.Length, Folder is null ? bytes : null, clock.GetUtcNow().UtcDateTime));
        return sha;
    }

    public async Task<byte[]?> ReadAsync(string sha256, CancellationToken cancellationToken = default)
    {
        var row = await db.StoredBlobs.AsNoTracking().Where(b => b.Sha256 == sha256)
            .Select(b => new { b.Content }).FirstOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            return null;
        }
        if (row.Content is not null)
        {
            return row.Content;
        }
        return Folder is { } folder && File.Exists(PathOf(folder, sha256)) ? await File.ReadAllBytesAsync(PathOf(folder, sha256), cancellationToken) : null;
    }

    /// <summary>For the health check: null when blobs can be stored, else why not.</summary>
    public async Task<string?> ProblemAsync(CancellationToken cancellationToken = default)
    {
        if (Folder is not { } folder)
        {
            return null; // the database check covers the table
        }
        try
        {
            Directory.CreateDirectory(folder);
            var probe = Path.Combine(folder, ".health-" + Guid.NewGuid().ToString("N"));
            await File.WriteAllTextAsync(probe, "ok", cancellationToken);
            File.Delete(probe);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"The evidence folder {folder} cannot be written: {e.Message}";
        }
    }

    private static string PathOf(string folder, string sha) => Path.Combine(folder, sha[..2], sha);

    /// <summary>Where a blob lives in the folder, or null for a name that is no SHA-256 (nothing outside the folder).</summary>
    public static string? FolderPath(string folder, string sha) =>
        sha.Length == 64 && sha.All(char.IsAsciiHexDigitLower) ? PathOf(folder, sha) : null;
}
