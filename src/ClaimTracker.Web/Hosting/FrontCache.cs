using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Primitives;

namespace ClaimTracker.Web.Hosting;

/// <summary>
/// The finished bytes of every response the output cache keeps for an anonymous reader, answered at the very
/// front of the pipeline (<see cref="FrontCacheMiddleware"/>) before routing, localisation, authentication and
/// compression run again. It decides nothing itself: a response is kept here only when the output cache stored
/// it, or answered it from what it stored, for the same request (so the output cache's rules — anonymous, GET,
/// status 200, no cookie set — hold), for as long as the output cache keeps it, and it goes the moment the
/// output cache's tag is evicted.
/// Entries are keyed by everything the pipeline in front of the output cache reads: scheme, host, path, query,
/// the reader's languages and culture cookie, and the encodings the reader accepts (the kept bytes are the
/// compressed ones).
/// </summary>
public sealed partial class FrontCache : IDisposable
{
    public const string MeterName = "ClaimTracker.FrontCache";

    private static readonly AsyncLocal<Capture?> Pending = new();

    /// <summary>How many evictions there had been when the request under way reached the output cache.</summary>
    private static readonly AsyncLocal<long?> EvictionsAtStart = new();

    private readonly ConcurrentDictionary<string, Entry> entries = new(StringComparer.Ordinal);
    private readonly Lock trimming = new();
    private readonly long budgetBytes;
    private readonly Meter meter;
    private readonly Counter<long> requests;
    private long sizeBytes;
    private long generation;

    public FrontCache(IConfiguration configuration, IMeterFactory meterFactory)
    {
        budgetBytes = Math.Max(1, configuration.GetValue("Performance:FrontCacheMegabytes", 64)) * 1024L * 1024L;
        meter = meterFactory.Create(MeterName);
        requests = meter.CreateCounter<long>("claimtracker.front_cache.requests", description:
            "Anonymous GET requests the front cache looked up: hit (answered from it), stored (answered by the app and kept), miss (answered by the app, not kept)");
        meter.CreateObservableGauge("claimtracker.front_cache.size", () => Interlocked.Read(ref sizeBytes), "By",
            "Bytes of responses kept in the front cache");
    }

    /// <summary>Evictions of the output cache so far; a response rendered while one happened may show data from before it.</summary>
    internal long Generation => Interlocked.Read(ref generation);

    internal bool TryGet(string key, long now, out Entry entry)
    {
        if (entries.TryGetValue(key, out entry!) && entry.ExpiresAt > now)
        {
            entry.LastUsed = now;
            return true;
        }
        return false;
    }

    internal void Count(string result) => requests.Add(1, new KeyValuePair<string, object?>("result", result));

    /// <summary>Marks the request under way in this async flow as one whose response the front cache wants a copy of.</summary>
    internal static Capture Watch(long generation) => Pending.Value = new Capture(generation);

    internal bool Store(string key, Capture capture, int statusCode, KeyValuePair<string, StringValues>[] headers,
        (string Before, string After)? policySlot, byte[] body, long now, int ageSeconds = 0)
    {
        // Kept only what the output cache kept, and only if nothing was evicted while it was rendered.
        if (capture.ValidFor is not { } validFor || capture.Generation != Generation)
        {
            return false;
        }
        var entry = new Entry(statusCode, headers, policySlot, body, capture.Tags, now - ageSeconds * 1000L, now + (long)validFor.TotalMilliseconds)
        {
            LastUsed = now,
        };
        if (entry.Size > budgetBytes / 4)
        {
            return false;
        }
        if (Interlocked.Read(ref sizeBytes) + entry.Size > budgetBytes)
        {
            Trim(now, budgetBytes - entry.Size);
        }
        Put(key, entry);
        // An eviction that ran while this entry went in must not miss it.
        if (capture.Generation != Generation)
        {
            Remove(key, entry);
            return false;
        }
        return true;
    }

    /// <summary>Adds or replaces the entry, counting its bytes once (a replaced entry's go).</summary>
    private void Put(string key, Entry entry)
    {
        while (true)
        {
            if (entries.TryAdd(key, entry))
            {
                Interlocked.Add(ref sizeBytes, entry.Size);
                return;
            }
            if (entries.TryGetValue(key, out var old) && entries.TryUpdate(key, entry, old))
            {
                Interlocked.Add(ref sizeBytes, entry.Size - old.Size);
                return;
            }
        }
    }

    private void Evict(string tag)
    {
        Interlocked.Increment(ref generation);
        foreach (var (key, entry) in entries)
        {
            if (Array.IndexOf(entry.Tags, tag) >= 0)
            {
                Remove(key, entry);
            }
        }
    }

    /// <summary>Drops expired entries, then the least recently used, until the kept bytes fit under <paramref name="target"/>.</summary>
    private void Trim(long now, long target)
    {
        lock (trimming)
        {
            foreach (var (key, entry) in entries)
            {
                if (entry.ExpiresAt <= now)
                {
                    Remove(key, entry);
                }
            }
            if (Interlocked.Read(ref sizeBytes) <= target)
            {
                return;
            }
            foreach (var (key, entry) in entries.ToArray().OrderBy(e => e.Value.LastUsed))
            {
                Remove(key, entry);
                if (Interlocked.Read(ref sizeBytes) <= target * 3 / 4)
                {
                    return;
                }
            }
        }
    }

    private void Remove(string key, Entry entry)
    {
        if (entries.TryRemove(new KeyValuePair<string, Entry>(key, entry)))
        {
            Interlocked.Add(ref sizeBytes, -entry.Size);
        }
    }

    public void Dispose() => meter.Dispose();

    internal sealed class Entry(int statusCode, KeyValuePair<string, StringValues>[] headers, (string Before, string After)? policySlot,
        byte[] body, string[] tags, long createdAt, long expiresAt)
    {
        public int StatusCode { get; } = statusCode;
        public KeyValuePair<string, StringValues>[] Headers { get; } = headers;
        /// <summary>The Content-Security-Policy around its nonce, sent with a new nonce each time.</summary>
        public (string Before, string After)? PolicySlot { get; } = policySlot;
        public byte[] Body { get; } = body;
        public string[] Tags { get; } = tags;
        public long CreatedAt { get; } = createdAt;
        public long ExpiresAt { get; } = expiresAt;
        public long LastUsed { get; set; }

        public long Size { get; } = body.Length + headers.Sum(h => h.Key.Length + h.Value.ToString().Length) * 2L + 512;
    }

    /// <summary>What the output cache did with one request's response: set when it stored it or answered it from memory.</summary>
    internal sealed class Capture(long generation)
    {
        public long Generation { get; } = generation;
        public TimeSpan? ValidFor { get; set; }
        public string[] Tags { get; set; } = [];
    }

    /// <summary>
    /// Just ahead of the output cache: notes how many evictions there had been when the request arrived. A page
    /// rendered while a save evicted the cache may show the data from before that save; the output cache must not
    /// keep it, or readers would get the old page until it expires (<see cref="OutputStore"/> refuses to store it).
    /// </summary>
    public sealed class EvictionWatch(RequestDelegate next, FrontCache cache)
    {
        public async Task InvokeAsync(HttpContext context)
        {
            EvictionsAtStart.Value = cache.Generation;
            await next(context);
        }
    }

}
