using ClaimTracker.Infrastructure.Data;

namespace ClaimTracker.Infrastructure.Claims;

/// <summary>
/// The one signal that what readers see of published claims changed: a claim approved, withdrawn or published again
/// (ChangeTracking), reference data readers see (ReferenceData: status names, actors' and topics' names), or either on another
/// instance (PostgresChangeSignals). What is kept of the published view listens here and forgets: the tallies
/// (<see cref="PublicTallies"/>) and the feeds' entries (<see cref="FeedEntriesMemo"/>).
/// </summary>
/// <remarks>A draft's save is not such a change: a busy desk does not make readers wait for a recount.</remarks>
public sealed class PublishedViewChanges
{
    public PublishedViewChanges(ReferenceData reference) => reference.Changed += Announce;

    public event Action? Changed;

    /// <summary>Tells every listener on this instance; called after the change is saved.</summary>
    public void Announce() => Changed?.Invoke();
}
