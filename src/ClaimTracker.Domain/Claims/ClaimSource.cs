namespace ClaimTracker.Domain.Claims;

/// <summary>A source attached to a claim, with what it does for the claim.</summary>
public sealed class ClaimSource
{
    private ClaimSource()
    {
    }

    internal ClaimSource(int sourceId, SourceStance stance, string? quote, string? note) =>
        (SourceId, Stance, Quote, Note) = (sourceId, stance, quote, note);

    internal ClaimSource(Source source, SourceStance stance, string? quote, string? note) =>
        (Source, Stance, Quote, Note) = (source, stance, quote, note);

    internal void Change(SourceStance stance, string? quote, string? note) => (Stance, Quote, Note) = (stance, quote, note);

    public int ClaimId { get; private set; }

    public int SourceId { get; private set; }

    public Source? Source { get; private set; }

    public SourceStance Stance { get; private set; }

    public string? Quote { get; private set; }

    public string? Note { get; private set; }
}
