namespace ClaimTracker.Web.Pages.Editor;

/// <summary>The upload form of a source's or a statement's evidence files (<c>_EvidenceFiles</c>).</summary>
public sealed class EvidenceUploadInput
{
    public IFormFile? File { get; set; }

    public string? Caption { get; set; }

    /// <summary>The uploaded bytes (the request's size limit has already bounded them).</summary>
    public static async Task<byte[]> ReadAsync(IFormFile file, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, cancellationToken);
        return buffer.ToArray();
    }
}
