using ClaimTracker.Infrastructure.Accounts;
using ClaimTracker.Infrastructure.Claims;
using ClaimTracker.Infrastructure.Seeding;
using ClaimTracker.Infrastructure.Site;
using ClaimTracker.Infrastructure.Data;

namespace ClaimTracker.Web.Hosting;

public static class DatabaseSetup
{
    /// <summary>
    /// Creates and migrates the database, makes sure the roles exist and, in Development only,
    /// creates a demo admin on an empty database and prints its password once.
    /// </summary>
    public static async Task InitialiseClaimTrackerAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitialiser>().InitialiseAsync();
        var bootstrap = scope.ServiceProvider.GetRequiredService<AdminBootstrap>();
        await bootstrap.EnsureRolesAsync();
        await scope.ServiceProvider.GetRequiredService<StatusScale>().EnsureDefaultAsync();
        await scope.ServiceProvider.GetRequiredService<SitePublishing>().EnsureDefaultAsync();
        if (await scope.ServiceProvider.GetRequiredService<ClaimTracker.Infrastructure.Workflow.ClaimWorkflow>().BackfillAsync() is > 0 and var backfilled)
        {
            app.Logger.LogInformation("Recorded {Count} claims that were public before the review workflow as their version 1.", backfilled);
        }
        if (!app.Environment.IsDevelopment())
        {
            return;
        }
        if (await scope.ServiceProvider.GetRequiredService<DemoData>().LoadAsync())
        {
            app.Logger.LogInformation("Loaded the demo claims from the seed articles.");
        }
        var demo = await bootstrap.CreateDemoAdminIfNoUsersAsync();
        if (demo is { Succeeded: true, GeneratedPassword: { } password })
        {
            Console.WriteLine($"""

                ================================================================
                 Demo admin (Development only; shown once, not stored anywhere):
                   email:    {AdminBootstrap.DemoAdminEmail}
                   password: {password}
                 Sign in at /account/login, then create real accounts.
                ================================================================

                """);
        }
        else if (demo is { Succeeded: false })
        {
            throw new InvalidOperationException("Could not create the demo admin: " + demo.Message);
        }
    }
}
