namespace ClaimTracker.Domain.Claims;

public sealed class StatementSource
{
    private StatementSource()
    {
    }

    internal StatementSource(int sourceId) => SourceId = sourceId;

    public int StatementId { get; private set; }

    public int SourceId { get; private set; }
}
