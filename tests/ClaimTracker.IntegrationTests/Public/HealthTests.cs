using System.Net;
using System.Text.Json;
using ClaimTracker.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ClaimTracker.IntegrationTests.Public;

/// <summary>/healthz/live and /healthz/ready for load balancers: no sign-in, never cached, ready only when the database is.</summary>
public sealed class HealthTests
{
    [Fact]
    public async Task Live_And_Ready_Answer200_OnAMigratedDatabase()
    {
        using var factory = new ClaimTrackerFactory();
        var client = factory.CreateBrowser();
        var live = await client.GetAsync("/healthz/live");
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal("no-store", live.Headers.CacheControl?.ToString());
        var ready = await client.GetAsync("/healthz/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        using var json = JsonDocument.Parse(await ready.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", json.RootElement.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
    }

    /// <summary>On PostgreSQL the first start also creates the database: an operator reads no error on the way.</summary>
    [Fact]
    public async Task FirstStart_OnANewDatabase_LogsNoErrors()
    {
        using var factory = new ClaimTrackerFactory();

        Assert.Equal(HttpStatusCode.OK, (await factory.CreateBrowser().GetAsync("/healthz/ready")).StatusCode);

        Assert.DoesNotContain(factory.Log.Entries, e => e.StartsWith("Error ", StringComparison.Ordinal) || e.StartsWith("Critical ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Ready_Answers503_WhenAMigrationIsNotApplied_WhileLiveStays200()
    {
        using var factory = new ClaimTrackerFactory();
        var client = factory.CreateBrowser();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz/ready")).StatusCode);
        var latest = await factory.WithDbAsync(db => db.Database.SqlQueryRaw<string>(
            "SELECT \"MigrationId\" AS \"Value\" FROM \"__EFMigrationsHistory\" ORDER BY \"MigrationId\" DESC LIMIT 1").SingleAsync());
        await factory.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("DELETE FROM \"__EFMigrationsHistory\" WHERE \"MigrationId\" = {0}", latest));

        var ready = await client.GetAsync("/healthz/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Contains(latest, await ready.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz/live")).StatusCode);
    }
}
