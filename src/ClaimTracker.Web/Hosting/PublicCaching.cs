using ClaimTracker.Infrastructure.Data;
using Microsoft.AspNetCore.OutputCaching;

namespace ClaimTracker.Web.Hosting;

/// <summary>
/// Reader pages, feeds, badges and the API come from ASP.NET Core's output cache (anonymous requests
/// only; a signed-in editor always gets a fresh page), tagged "public" and evicted the moment claim
/// data, the scale or the settings change. `Performance:OutputCache=false` switches it off (to measure
/// the real render path). What it keeps is also answered ahead of the whole pipeline by the <see cref="FrontCache"/>
/// (`Performance:FrontCache=false` switches that part off).
/// </summary>
public static class PublicCaching
{
    public const string Policy = "public";
    public const string Tag = "public";

    public static IServiceCollection AddClaimTrackerPublicCache(this IServiceCollection services)
    {
        services.AddOutputCache(options =>
            options.AddPolicy(Policy, policy => policy.Expire(TimeSpan.FromMinutes(10)).Tag(Tag).SetVaryByQuery("*").SetVaryByHost(true)
                // One cached copy per reader language.
                .VaryByValue(_ => new KeyValuePair<string, string>("culture", System.Globalization.CultureInfo.CurrentUICulture.Name))));
        // The output cache's store, told to the front cache: what it stores for which request, what it evicts.
        var store = services.Last(d => d.ServiceType == typeof(IOutputCacheStore));
        services.Remove(store);
        services.AddSingleton<FrontCache>();
        services.AddSingleton<IOutputCacheStore>(sp => new FrontCache.OutputStore(
            (IOutputCacheStore)(store.ImplementationInstance ?? store.ImplementationFactory?.Invoke(sp) ?? ActivatorUtilities.CreateInstance(sp, store.ImplementationType!)),
            sp.GetRequiredService<FrontCache>()));
        // This instance's cache; the IPublicCache everything else uses also tells other instances on PostgreSQL.
        services.AddKeyedSingleton<IPublicCache, OutputCacheEviction>(PublicCacheKeys.Local);
        services.AddResponseCompression(o => o.EnableForHttps = true);
        return services;
    }

    public static bool IsEnabled(IConfiguration configuration) => configuration.GetValue("Performance:OutputCache", true);

    /// <summary>Whether kept responses are answered ahead of the pipeline (<see cref="FrontCache"/>); only with the output cache on.</summary>
    public static bool FrontCacheEnabled(IConfiguration configuration) => IsEnabled(configuration) && configuration.GetValue("Performance:FrontCache", true);

    private sealed class OutputCacheEviction(IOutputCacheStore store) : IPublicCache
    {
        public Task EvictAsync(CancellationToken cancellationToken = default) => store.EvictByTagAsync(Tag, cancellationToken).AsTask();
    }
}
