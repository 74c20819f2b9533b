namespace ClaimTracker.Domain.Claims;

public sealed class ClaimRelation
{
    private ClaimRelation()
    {
    }

    internal ClaimRelation(RelationKind kind, int toClaimId) => (Kind, ToClaimId) = (kind, toClaimId);

    public int FromClaimId { get; private set; }

    public int ToClaimId { get; private set; }

    public RelationKind Kind { get; private set; }
}
