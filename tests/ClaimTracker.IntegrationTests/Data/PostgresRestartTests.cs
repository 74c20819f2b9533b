using System.Net;
using ClaimTracker.IntegrationTests.Infrastructure;
using Npgsql;

namespace ClaimTracker.IntegrationTests.Data;

/// <summary>
/// What a PostgreSQL restart does to a running instance: every connection its pool kept is closed by the server. The next
/// pages are served as before — the first one no longer fails on a dead connection.
/// </summary>
[Trait("Engine", "Postgres")]
public sealed class PostgresRestartTests
{
    [Fact]
    public async Task ServerClosesEveryKeptConnection_TheNextPagesAreServed()
    {
        TestEngine.RequirePostgresSuite();
        using var app = new ClaimTrackerFactory();
        var reader = app.CreateBrowser();
        // Several requests, so the pool keeps connections; a signed-in page is never answered from a cache (its session is checked
        // against the database on every request), so it meets a dead connection for sure.
        var editor = await app.SignedInAsync($"nach-neustart-{Guid.NewGuid():N}@example.org", ClaimTracker.Domain.Accounts.Roles.Editor);
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => reader.GetAsync("/claims")).Append(editor.GetAsync("/editor")));

        var builder = new NpgsqlConnectionStringBuilder(app.PostgresDatabase) { Pooling = false };
        await using (var admin = new NpgsqlConnection(builder.ConnectionString))
        {
            await admin.OpenAsync();
            await using var terminate = new NpgsqlCommand(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()", admin);
            Assert.True((long)(await terminate.ExecuteScalarAsync())! > 0, "The app kept no connection to close.");
        }

        var statuses = new List<HttpStatusCode> { (await editor.GetAsync("/editor")).StatusCode };
        foreach (var path in new[] { "/claims", "/", "/statuses" })
        {
            statuses.Add((await reader.GetAsync(path)).StatusCode);
        }
        Assert.All(statuses, status => Assert.Equal(HttpStatusCode.OK, status));
        Assert.Contains(app.Log.Entries, e => e.Contains("is read again on a fresh one", StringComparison.Ordinal));
    }
}
