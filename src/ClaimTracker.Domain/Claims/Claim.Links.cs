namespace ClaimTracker.Domain.Claims;

/// <summary>Whom a claim concerns and where it belongs: claimants and subjects, topics, its parent claim, related claims.</summary>
public sealed partial class Claim
{
    public void SetParticipants(IEnumerable<int> claimantIds, IEnumerable<int> subjectIds, string user, DateTime nowUtc)
    {
        var wanted = claimantIds.Distinct().Select(id => (id, ClaimRole.Claimant))
            .Concat(subjectIds.Distinct().Select(id => (id, ClaimRole.Subject)))
            .ToHashSet();
        var removed = actors.RemoveAll(a => !wanted.Contains((a.ActorId, a.Role)));
        var added = wanted.Where(w => !actors.Any(a => a.ActorId == w.id && a.Role == w.Item2)).ToList();
        foreach (var (id, role) in added)
        {
            actors.Add(new ClaimActor(id, role));
        }
        if (removed + added.Count > 0)
        {
            Touch(user, nowUtc);
        }
    }

    public void SetTopics(IEnumerable<Topic> newTopics, string user, DateTime nowUtc)
    {
        var list = newTopics.ToList();
        var keep = list.Where(t => t.Id != 0).Select(t => t.Id).ToHashSet();
        var removed = topics.RemoveAll(t => t.TopicId != 0 && !keep.Contains(t.TopicId));
        var added = list.Where(t => t.Id == 0 || topics.All(ct => ct.TopicId != t.Id)).ToList();
        foreach (var topic in added)
        {
            topics.Add(new ClaimTopic(topic));
        }
        if (removed + added.Count > 0)
        {
            Touch(user, nowUtc);
        }
    }

    /// <param name="ancestorsOfParent">The parent's own parent chain, to refuse cycles.</param>
    public void SetParent(int? parentId, IReadOnlyCollection<int> ancestorsOfParent, string user, DateTime nowUtc)
    {
        if (parentId is { } id && (id == Id || ancestorsOfParent.Contains(Id)))
        {
            throw new DomainRuleException(nameof(ParentClaimId), "A claim cannot be its own parent or a sub-claim of its own sub-claim.");
        }
        ParentClaimId = parentId;
        Touch(user, nowUtc);
    }

    public void AddRelation(RelationKind kind, int otherClaimId, string user, DateTime nowUtc)
    {
        if (otherClaimId == Id)
        {
            throw new DomainRuleException("OtherClaimId", "A claim cannot be related to itself.");
        }
        if (relations.Any(r => r.ToClaimId == otherClaimId && r.Kind == kind))
        {
            throw new DomainRuleException("OtherClaimId", "This relation is already recorded.");
        }
        relations.Add(new ClaimRelation(kind, otherClaimId));
        Touch(user, nowUtc);
    }
}
