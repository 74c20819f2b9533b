using ClaimTracker.Web.Pages.Editor;
using ClaimTracker.Web.Pages.Editor.Claims;

namespace ClaimTracker.Web.Hosting;

/// <summary>The desk pages' own read models: each sits beside the page that shows it (<c>Pages/…/Page.Query.cs</c>).</summary>
public static class PageQueriesSetup
{
    public static IServiceCollection AddPageQueries(this IServiceCollection services)
    {
        services.AddScoped<DashboardQuery>();
        services.AddScoped<MyWorkQuery>();
        services.AddScoped<ClaimSuggestionsQuery>();
        services.AddScoped<DeskListQuery>();
        services.AddScoped<SimilarClaimsQuery>();
        services.AddScoped<ClaimEditQuery>();
        services.AddScoped<StatusFormQuery>();
        return services;
    }
}
