using ClaimTracker.Domain.Text;

namespace ClaimTracker.Domain.Claims;

/// <summary>
/// Another name an actor goes by, in any language ("North Korea", "DPRK", "Pjöngjang" for Nordkorea): editors may type it where
/// the actor is asked for. Its <see cref="Key"/> (<see cref="LookAlike"/>) is unique across the directory's names and aliases.
/// </summary>
public sealed class ActorAlias
{
    private ActorAlias()
    {
    }

    internal ActorAlias(string name) => (Name, Key) = (name, LookAlike.Key(name));

    public int Id { get; private set; }

    public int ActorId { get; private set; }

    public string Name { get; private set; } = string.Empty;

    /// <summary>The name as it reads: case, accents, invisible characters and look-alike letters aside.</summary>
    public string Key { get; private set; } = string.Empty;
}
