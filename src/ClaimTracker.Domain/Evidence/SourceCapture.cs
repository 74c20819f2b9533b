namespace ClaimTracker.Domain.Evidence;

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
