using System.Collections.Concurrent;

namespace ClaimTracker.Infrastructure.Caching;

/// <summary>
/// Remembers the results of a pure computation for recent keys: a bounded set, cleared when full, so
/// memory stays flat however many distinct keys pass. Only for values that never change for their key.
/// </summary>
public sealed class BoundedMemo<TKey, TValue>(int capacity, IEqualityComparer<TKey>? comparer = null)
    where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, TValue> values = new(comparer);

    public bool TryGet(TKey key, out TValue value) => values.TryGetValue(key, out value!);

    public TValue GetOrAdd(TKey key, Func<TKey, TValue> compute)
    {
        if (values.TryGetValue(key, out var known))
        {
            return known;
        }
        var value = compute(key);
        if (values.Count >= capacity)
        {
            values.Clear();
        }
        values[key] = value;
        return value;
    }
}
