namespace ClaimTracker.Domain.Claims;

/// <summary>
/// A topic the latest approved version of a claim is filed under. Written when a version is approved, so
/// readers' topic pages, filters and feeds follow what a reviewer approved, never the working copy.
/// </summary>
public sealed class PublishedClaimTopic
{
    private PublishedClaimTopic()
    {
    }

    public PublishedClaimTopic(int claimId, int topicId, DateOnly? statusSince) =>
        (ClaimId, TopicId, StatusSince) = (claimId, topicId, statusSince);

    public int ClaimId { get; private set; }

    public int TopicId { get; private set; }

    /// <summary>
    /// The approved status's date of the claim (<see cref="Claim.PublishedStatusSince"/>), kept beside the topic so that a
    /// topic's page is a range of one index in the order readers see it, not a walk of every claim.
    /// </summary>
    public DateOnly? StatusSince { get; private set; }

    public Topic? Topic { get; private set; }

    /// <summary>The claim's approved status date changed with a new approval.</summary>
    public void Follow(DateOnly? statusSince) => StatusSince = statusSince;
}
