namespace ClaimTracker.Domain.Claims;

/// <summary>One of those who said a statement together with its first-named actor.</summary>
public sealed class StatementActor
{
    private StatementActor()
    {
    }

    internal StatementActor(int actorId) => ActorId = actorId;

    public int StatementId { get; private set; }

    public int ActorId { get; private set; }

    public Actor? Actor { get; private set; }
}
