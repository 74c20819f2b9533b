using System.Security.Cryptography;

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
