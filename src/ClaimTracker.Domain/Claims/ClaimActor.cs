namespace ClaimTracker.Domain.Claims;

public sealed class ClaimActor
{
    private ClaimActor()
    {
    }

    internal ClaimActor(int actorId, ClaimRole role) => (ActorId, Role) = (actorId, role);

    public int ClaimId { get; private set; }

    public int ActorId { get; private set; }

    public Actor? Actor { get; private set; }

    public ClaimRole Role { get; private set; }
}
