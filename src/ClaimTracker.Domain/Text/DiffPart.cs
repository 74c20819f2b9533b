namespace ClaimTracker.Domain.Text;

public enum DiffKind
{
    Same,
    Removed,
    Added,
}

/// <summary>A run of words that both texts share, or that only the earlier or only the later one has.</summary>
public sealed record DiffPart(DiffKind Kind, string Text);
