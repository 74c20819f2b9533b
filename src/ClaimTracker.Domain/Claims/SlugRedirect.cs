namespace ClaimTracker.Domain.Claims;

/// <summary>An old permalink that keeps pointing to its claim after the slug was changed on purpose.</summary>
public sealed class SlugRedirect
{
    private SlugRedirect()
    {
    }

    public SlugRedirect(string oldSlug, int claimId) => (OldSlug, ClaimId) = (oldSlug, claimId);

    public string OldSlug { get; private set; } = string.Empty;

    public int ClaimId { get; private set; }
}
