namespace ClaimTracker.Domain.Claims;

public sealed class ClaimTopic
{
    private ClaimTopic()
    {
    }

    internal ClaimTopic(Topic topic) => (Topic, TopicId) = (topic, topic.Id);

    public int ClaimId { get; private set; }

    public int TopicId { get; private set; }

    public Topic? Topic { get; private set; }
}
