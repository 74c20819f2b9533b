namespace ClaimTracker.Infrastructure.Data;

/// <summary>Forgets cached public pages after something readers see has changed.</summary>
public interface IPublicCache
{
    Task EvictAsync(CancellationToken cancellationToken = default);
}

/// <summary>For hosts without a public cache (commands, tests of the data layer).</summary>
public sealed class NoPublicCache : IPublicCache
{
    public Task EvictAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;
}

/// <summary>Service keys of the public cache.</summary>
public static class PublicCacheKeys
{
    /// <summary>This instance's own cache, without telling other instances (the unkeyed IPublicCache tells them on PostgreSQL).</summary>
    public const string Local = "local";
}
