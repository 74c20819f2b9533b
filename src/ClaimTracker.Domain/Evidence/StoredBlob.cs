using System.Security.Cryptography;
using ClaimTracker.Domain.Text;

namespace ClaimTracker.Domain.Evidence;

/// <summary>
/// Bytes kept as evidence, addressed by their SHA-256: the same page captured twice, or the same screenshot
/// uploaded to two sources, is stored once. <see cref="Content"/> is null when the blobs live in a folder.
/// </summary>
public sealed class StoredBlob
{
    private StoredBlob()
    {
    }

    public StoredBlob(string sha256, string contentType, long length, byte[]? content, DateTime storedAtUtc)
    {
        Sha256 = sha256;
        ContentType = contentType;
        Length = length;
        Content = content;
        StoredAtUtc = storedAtUtc;
    }

    public string Sha256 { get; private set; } = string.Empty;

    public string ContentType { get; private set; } = string.Empty;

    public long Length { get; private set; }

    public byte[]? Content { get; private set; }

    public DateTime StoredAtUtc { get; private set; }

    public static string HashOf(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}

/// <summary>
/// A preserved copy of a source's page: what the server answered at the final address at capture time. A capture made
/// with "Fetch details" before the source is saved has no source yet; saving the source adopts it.
/// </summary>
public sealed class SourceCapture
{
    private SourceCapture()
    {
    }

    public SourceCapture(int? sourceId, string requestedUrl, string finalUrl, int httpStatus, string contentType, string sha256,
        long length, string capturedBy, DateTime capturedAtUtc)
    {
        SourceId = sourceId;
        RequestedUrl = requestedUrl;
        FinalUrl = finalUrl;
        HttpStatus = httpStatus;
        ContentType = contentType;
        Sha256 = sha256;
        Length = length;
        CapturedBy = capturedBy;
        CapturedAtUtc = capturedAtUtc;
    }

    public int Id { get; private set; }

    public int? SourceId { get; private set; }

    public string RequestedUrl { get; private set; } = string.Empty;

    public string FinalUrl { get; private set; } = string.Empty;

    public int HttpStatus { get; private set; }

    public string ContentType { get; private set; } = string.Empty;

    public string Sha256 { get; private set; } = string.Empty;

    public long Length { get; private set; }

    public string CapturedBy { get; private set; } = string.Empty;

    public DateTime CapturedAtUtc { get; private set; }

    /// <summary>The source saved with the details this capture filled in takes it over; a capture belongs to one source.</summary>
    public bool AdoptBy(int sourceId, string user)
    {
        if (SourceId is not null || !string.Equals(CapturedBy, user, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        SourceId = sourceId;
        return true;
    }
}

/// <summary>A screenshot, image or PDF attached as evidence to a source or a statement, with a caption.</summary>
public sealed class EvidenceFile
{
    public const int CaptionMaxLength = 500;
    public const int FileNameMaxLength = 200;

    private EvidenceFile()
    {
    }

    public int Id { get; private set; }

    public int? SourceId { get; private set; }

    public int? StatementId { get; private set; }

    public string Caption { get; private set; } = string.Empty;

    public string FileName { get; private set; } = string.Empty;

    public string ContentType { get; private set; } = string.Empty;

    public string Sha256 { get; private set; } = string.Empty;

    public long Length { get; private set; }

    public string AddedBy { get; private set; } = string.Empty;

    public DateTime AddedAtUtc { get; private set; }

    public static IReadOnlyList<FieldError> Validate(string? caption)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(caption))
        {
            errors.Add(new FieldError("Caption", "Say what the file shows (a caption), e.g. “Screenshot of the deleted post, taken 3 May”."));
        }
        errors.AddIfFailed("Caption", TextRules.CheckSingleLine("Caption", caption, CaptionMaxLength));
        return errors;
    }

    public static EvidenceFile ForSource(int sourceId, string caption, string fileName, string contentType, string sha256, long length,
        string user, DateTime nowUtc) =>
        Create(sourceId, null, caption, fileName, contentType, sha256, length, user, nowUtc);

    public static EvidenceFile ForStatement(int statementId, string caption, string fileName, string contentType, string sha256, long length,
        string user, DateTime nowUtc) =>
        Create(null, statementId, caption, fileName, contentType, sha256, length, user, nowUtc);

    private static EvidenceFile Create(int? sourceId, int? statementId, string caption, string fileName, string contentType, string sha256,
        long length, string user, DateTime nowUtc)
    {
        if (Validate(caption) is [var first, ..])
        {
            throw new DomainRuleException(first.Field, first.Message);
        }
        var name = new string(Path.GetFileName(fileName ?? string.Empty).Where(c => !char.IsControl(c)).ToArray()).Trim();
        return new EvidenceFile
        {
            SourceId = sourceId,
            StatementId = statementId,
            Caption = TextRules.Normalise(caption.Trim()),
            FileName = name.Length == 0 ? "evidence" : name[..Math.Min(name.Length, FileNameMaxLength)],
            ContentType = contentType,
            Sha256 = sha256,
            Length = length,
            AddedBy = user,
            AddedAtUtc = nowUtc,
        };
    }
}

/// <summary>What the last check of a source's address found.</summary>
public enum LinkState
{
    /// <summary>Not checked yet (or the source has no address).</summary>
    Unchecked,

    /// <summary>The page answers as captured.</summary>
    Alive,

    /// <summary>The page answers, but its content differs from the newest preserved copy.</summary>
    Changed,

    /// <summary>404 or 410, or the name no longer resolves.</summary>
    Gone,
}
