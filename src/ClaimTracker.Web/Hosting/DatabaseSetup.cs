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
        await EnsureSchemaAndDefaultsAsync(app);
        var bootstrap = scope.ServiceProvider.GetRequiredService<AdminBootstrap>();
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

    /// <summary>
    /// Migrations, roles, the default status scale and site settings. Instances sharing a PostgreSQL database
    /// may start at the same moment and race to create the same rows or tables: the one that loses sees
    /// a unique-key or duplicate-object error and tries again (up to five times), finding the work done.
    /// </summary>
    private static async Task EnsureSchemaAndDefaultsAsync(WebApplication app)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var scope = app.Services.CreateAsyncScope();
            try
            {
                await scope.ServiceProvider.GetRequiredService<DatabaseInitialiser>().InitialiseAsync();
                await scope.ServiceProvider.GetRequiredService<AdminBootstrap>().EnsureRolesAsync();
                await scope.ServiceProvider.GetRequiredService<StatusScale>().EnsureDefaultAsync();
                await scope.ServiceProvider.GetRequiredService<SitePublishing>().EnsureDefaultAsync();
                return;
            }
            catch (Exception e) when (attempt < 5 && !scope.ServiceProvider.GetRequiredService<DatabaseSettings>().IsSqlite && LostRace.IsSetupRace(e))
            {
                app.Logger.LogWarning("Another instance is setting up the database at the same time ({Message}); trying again.", e.GetBaseException().Message);
                await Task.Delay(TimeSpan.FromMilliseconds(500 * attempt));
            }
        }
    }
}
