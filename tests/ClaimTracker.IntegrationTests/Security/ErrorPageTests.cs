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

/// <summary>Production over plain http: form pages cannot carry their Secure antiforgery cookie; the page says so instead of a 500.</summary>
public sealed class PlainHttpTests(ClaimTrackerFactory factory) : IClassFixture<ClaimTrackerFactory>
{
    [Fact]
    public async Task FormPage_OverPlainHttp_SaysItNeedsHttps_AndWhere()
    {
        var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false, BaseAddress = new Uri("http://localhost"),
        });

        var response = await client.GetAsync("/account/login");

        Assert.Equal(System.Net.HttpStatusCode.Forbidden, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Equal("This page needs HTTPS", page.QuerySelector("h1")!.TextContent);
        Assert.Contains("Open https://localhost/account/login instead", page.QuerySelector("main")!.TextContent);
        Assert.DoesNotContain(factory.Log.Entries, e => e.StartsWith("Error", StringComparison.Ordinal));
        // Reader pages have no forms and are served as before.
        Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync("/claims")).StatusCode);
    }
}
