using System.Buffers;
using System.Collections.Concurrent;
using System.IO.Pipelines;
using Microsoft.AspNetCore.OutputCaching;

namespace ClaimTracker.Web.Hosting;

public sealed partial class FrontCache
{
    /// <summary>
    /// The output cache's store, with the front cache told what it stores and what it answers from (for the
    /// request under way) and what it evicts. Everything is passed on to the store the output cache registered.
    /// </summary>
    internal sealed class OutputStore(IOutputCacheStore inner, FrontCache front) : IOutputCacheBufferStore, IDisposable
    {
        /// <summary>The tags and expiry of what the output cache holds, by its key: a response it answers from memory may be kept as long.</summary>
        private readonly ConcurrentDictionary<string, (string[] Tags, long ExpiresAt)> held = new(StringComparer.Ordinal);

        public async ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken)
        {
            front.Evict(tag);
            foreach (var (key, value) in held)
            {
                if (Array.IndexOf(value.Tags, tag) >= 0)
                {
                    held.TryRemove(new KeyValuePair<string, (string[], long)>(key, value));
                }
            }
            await inner.EvictByTagAsync(tag, cancellationToken);
        }

        public async ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken)
        {
            var bytes = await inner.GetAsync(key, cancellationToken);
            if (bytes is not null)
            {
                Answered(key);
            }
            return bytes;
        }

        public ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken)
        {
            if (EvictedSinceTheRequestArrived())
            {
                return ValueTask.CompletedTask;
            }
            Stored(key, tags ?? [], validFor);
            return inner.SetAsync(key, value, tags, validFor, cancellationToken);
        }

        public async ValueTask<bool> TryGetAsync(string key, PipeWriter destination, CancellationToken cancellationToken)
        {
            bool found;
            if (inner is IOutputCacheBufferStore buffered)
            {
                found = await buffered.TryGetAsync(key, destination, cancellationToken);
            }
            else if (await inner.GetAsync(key, cancellationToken) is { } bytes)
            {
                await destination.WriteAsync(bytes, cancellationToken);
                found = true;
            }
            else
            {
                found = false;
            }
            if (found)
            {
                Answered(key);
            }
            return found;
        }

        public ValueTask SetAsync(string key, ReadOnlySequence<byte> value, ReadOnlyMemory<string> tags, TimeSpan validFor, CancellationToken cancellationToken)
        {
            if (EvictedSinceTheRequestArrived())
            {
                return ValueTask.CompletedTask;
            }
            Stored(key, tags.ToArray(), validFor);
            return inner is IOutputCacheBufferStore buffered
                ? buffered.SetAsync(key, value, tags, validFor, cancellationToken)
                : inner.SetAsync(key, value.ToArray(), tags.ToArray(), validFor, cancellationToken);
        }

        private bool EvictedSinceTheRequestArrived() => EvictionsAtStart.Value is { } atStart && atStart != front.Generation;

        private void Stored(string key, string[] tags, TimeSpan validFor)
        {
            var now = Environment.TickCount64;
            if (held.Count >= 10_000)
            {
                foreach (var (old, value) in held)
                {
                    if (value.ExpiresAt <= now)
                    {
                        held.TryRemove(new KeyValuePair<string, (string[], long)>(old, value));
                    }
                }
            }
            held[key] = (tags, now + (long)validFor.TotalMilliseconds);
            if (Pending.Value is { } capture)
            {
                capture.Tags = tags;
                capture.ValidFor = validFor;
            }
        }

        private void Answered(string key)
        {
            var now = Environment.TickCount64;
            if (Pending.Value is { } capture && held.TryGetValue(key, out var value) && value.ExpiresAt > now)
            {
                capture.Tags = value.Tags;
                capture.ValidFor = TimeSpan.FromMilliseconds(value.ExpiresAt - now);
            }
        }

        public void Dispose() => (inner as IDisposable)?.Dispose();
    }
}
