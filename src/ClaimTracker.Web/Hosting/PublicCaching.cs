using ClaimTracker.Infrastructure.Data;
using Microsoft.AspNetCore.OutputCaching;

namespace ClaimTracker.Web.Hosting;

/// <summary>
/// Reader pages, feeds, badges and the API come from ASP.NET Core's output cache (anonymous requests
/// only; a signed-in editor always gets a fresh page), tagged "public" and evicted the moment claim
/// data, the scale or the settings change. `Performance:OutputCache=false` switches it off (to measure
/// the real render path).
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
        // This instance's cache; the IPublicCache everything else uses also tells other instances on PostgreSQL.
        services.AddKeyedSingleton<IPublicCache, OutputCacheEviction>(PublicCacheKeys.Local);
        services.AddResponseCompression(o => o.EnableForHttps = true);
        return services;
    }

    public static bool IsEnabled(IConfiguration configuration) => configuration.GetValue("Performance:OutputCache", true);

    private sealed class OutputCacheEviction(IOutputCacheStore store) : IPublicCache
    {
        public Task EvictAsync(CancellationToken cancellationToken = default) => store.EvictByTagAsync(Tag, cancellationToken).AsTask();
    }
}
