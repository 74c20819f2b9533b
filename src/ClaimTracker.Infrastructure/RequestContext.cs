namespace ClaimTracker.Infrastructure;

/// <summary>
/// Who is asking and from where, as far as Infrastructure needs to know it: the audit log records the client's address, the
/// change records the signed-in user. The web app answers from the current request; outside one (the command line, start-up,
/// background work) there is none.
/// </summary>
public interface IRequestContext
{
    /// <summary>False outside a request.</summary>
    bool InRequest { get; }

    /// <summary>The signed-in user's name, or null.</summary>
    string? UserName { get; }

    /// <summary>The client's address as the app sees it (after forwarded headers); "unknown" in a request without one; null outside.</summary>
    string? ClientAddress { get; }
}

/// <summary>Outside the web app: never in a request.</summary>
public sealed class NoRequestContext : IRequestContext
{
    public bool InRequest => false;

    public string? UserName => null;

    public string? ClientAddress => null;
}
