using ClaimTracker.Infrastructure.Evidence;

namespace ClaimTracker.Web.Hosting;

/// <summary>The guarded outgoing client, preserved copies, evidence files and the link check.</summary>
public static class EvidenceSetup
{
    public static IServiceCollection AddClaimTrackerEvidence(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<OutgoingRequestOptions>().Bind(configuration.GetSection(OutgoingRequestOptions.Section));
        services.AddOptions<EvidenceOptions>().Bind(configuration.GetSection(EvidenceOptions.Section));
        services.AddGuardedHttpClient();
        services.AddScoped<BlobStore>();
        services.AddScoped<EvidenceLibrary>();
        services.AddScoped<PublicEvidence>();
        services.AddScoped<LinkCheck>();
        services.AddHostedService<LinkCheckService>();
        return services;
    }
}
