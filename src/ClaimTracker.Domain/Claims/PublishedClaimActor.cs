namespace ClaimTracker.Domain.Claims;

/// <summary>
/// An actor the latest approved version of a claim names (claimant, subject or speaker of a statement).
/// Written when a version is approved, for readers' actor pages and filters.
/// </summary>
public sealed class PublishedClaimActor
{
    private PublishedClaimActor()
    {
    }

    public PublishedClaimActor(int claimId, int actorId, DateOnly? statusSince) =>
        (ClaimId, ActorId, StatusSince) = (claimId, actorId, statusSince);

    public int ClaimId { get; private set; }

    public int ActorId { get; private set; }

    /// <summary>The approved status's date of the claim, kept beside the actor for the actor's page (see <see cref="PublishedClaimTopic.StatusSince"/>).</summary>
    public DateOnly? StatusSince { get; private set; }

    public Actor? Actor { get; private set; }

    /// <summary>The claim's approved status date changed with a new approval.</summary>
    public void Follow(DateOnly? statusSince) => StatusSince = statusSince;
}
