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
