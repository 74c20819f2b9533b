using System.Collections.Concurrent;

namespace ClaimTracker.Infrastructure.Claims;

/// <summary>
/// The entries of the feeds read lately, kept until what readers see changes. An entry changes only when a claim is approved,
/// withdrawn or published again, or when reference data changes (a status's name): it forgets on
/// <see cref="PublishedViewChanges"/>, as the tallies do (on every instance). Feed readers poll; each poll reads three tables of
/// wide rows otherwise (at 100,000 claims the site feed's queries were half its time).
/// </summary>
/// <remarks>Entries read while a change happened are used once, never kept. Bounded: full, it starts again.</remarks>
public sealed class FeedEntriesMemo
{
    public const int Capacity = 2048;

    private readonly ConcurrentDictionary<FeedKey, IReadOnlyList<FeedEntry>> kept = new();
    private readonly Lock gate = new();
    private long generation;

    public FeedEntriesMemo(PublishedViewChanges changes) => changes.Changed += Forget;

    /// <summary>Which feed: all, one claim's, one topic's or one actor's, and how many entries.</summary>
    public readonly record struct FeedKey(int? ClaimId, string? TopicSlug, string? ActorSlug, int Limit);

    /// <summary>The changes seen so far; read before the entries are, handed back to <see cref="Keep"/>.</summary>
    public long Generation => Interlocked.Read(ref generation);

    public bool TryGet(FeedKey key, out IReadOnlyList<FeedEntry> entries) => kept.TryGetValue(key, out entries!);

    /// <summary>Keeps entries read at <paramref name="readAt"/>, unless something readers see changed since.</summary>
    public void Keep(FeedKey key, IReadOnlyList<FeedEntry> entries, long readAt)
    {
        lock (gate)
        {
            if (generation != readAt)
            {
                return;
            }
            if (kept.Count >= Capacity)
            {
                kept.Clear();
            }
            kept[key] = entries;
        }
    }

    public void Forget()
    {
        lock (gate)
        {
            generation++;
            kept.Clear();
        }
    }
}
