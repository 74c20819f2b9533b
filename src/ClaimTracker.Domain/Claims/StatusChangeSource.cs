namespace ClaimTracker.Domain.Claims;

public sealed class StatusChangeSource
{
    private StatusChangeSource()
    {
    }

    internal StatusChangeSource(int sourceId) => SourceId = sourceId;

    public int StatusChangeId { get; private set; }

    public int SourceId { get; private set; }
}
