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

    public PublishedClaimTopic(int claimId, int topicId) => (ClaimId, TopicId) = (claimId, topicId);

    public int ClaimId { get; private set; }

    public int TopicId { get; private set; }

    public Topic? Topic { get; private set; }
}

/// <summary>
/// An actor the latest approved version of a claim names (claimant, subject or speaker of a statement).
/// Written when a version is approved, for readers' actor pages and filters.
/// </summary>
public sealed class PublishedClaimActor
{
    private PublishedClaimActor()
    {
    }

    public PublishedClaimActor(int claimId, int actorId) => (ClaimId, ActorId) = (claimId, actorId);

    public int ClaimId { get; private set; }

    public int ActorId { get; private set; }

    public Actor? Actor { get; private set; }
}
