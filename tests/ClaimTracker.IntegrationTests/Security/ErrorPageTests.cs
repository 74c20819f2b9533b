using System.Net;
using ClaimTracker.Domain.Accounts;
using ClaimTracker.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ClaimTracker.IntegrationTests.Security;

public sealed class ErrorPageTests
{
    [Fact]
    public async Task UnhandledError_ShowsNoInternalsButARequestIdThatIsInTheLog()
    {
        using var factory = new ClaimTrackerFactory();
        var admin = await factory.SignedInAsync("fehler@example.org", Roles.Admin);
        await factory.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("DROP TABLE \"AuditEntries\""));

        var response = await admin.GetAsync("/admin/audit");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        foreach (var secret in new[] { "Sqlite", "Npgsql", "AuditEntries", "Exception", "   at ", ".cs:line" })
        {
            Assert.DoesNotContain(secret, body);
        }
        var requestId = (await Html.ParseAsync(response)).GetElementById("request-id")!.TextContent;
        Assert.False(string.IsNullOrWhiteSpace(requestId));
        Assert.Contains(factory.Log.Entries, e => e.Contains(requestId) && e.Contains("AuditEntries", StringComparison.OrdinalIgnoreCase));
    }
}
