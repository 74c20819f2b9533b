using System.Net;
using ClaimTracker.Domain.Accounts;
using ClaimTracker.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ClaimTracker.IntegrationTests.Data;

/// <summary>
/// Several instances on one PostgreSQL database share the data-protection key ring (ASP.NET Core's EF key store): a session
/// begun on one instance is accepted by another, and by an instance started later — as after an upgrade — on the same keys.
/// </summary>
[Trait("Engine", "Postgres")]
public sealed class SharedKeyRingTests
{
    [Fact]
    public async Task SessionFromOneInstance_IsAcceptedByAnother_AndAfterARestart()
    {
        TestEngine.RequirePostgresSuite();
        using var first = new ClaimTrackerFactory();
        var email = $"zwei-instanzen-{Guid.NewGuid():N}@example.org";
        var browser = await first.SignedInAsync(email, Roles.Editor);
        var session = await CookieAsync(first, email);
        var keys = await first.WithDbAsync(db => db.DataProtectionKeys.Select(k => k.Xml).ToListAsync());
        Assert.NotEmpty(keys);
        Assert.All(keys, xml => Assert.StartsWith("<key id=", xml));
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/editor")).StatusCode);

        var shared = new Dictionary<string, string> { ["Database:Provider"] = "Postgres", ["ConnectionStrings:Default"] = first.PostgresDatabase! };
        foreach (var round in new[] { "a second instance", "an instance started later" })
        {
            using var other = new ConfiguredFactory(shared);
            var client = other.CreateBrowser();
            client.DefaultRequestHeaders.Add("Cookie", session);
            var response = await client.GetAsync("/editor");
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{round}: {(int)response.StatusCode} {response.Headers.Location}");
        }
        Assert.Equal(keys.Count, await first.WithDbAsync(db => db.DataProtectionKeys.CountAsync()));
    }

    private static async Task<string> CookieAsync(ClaimTrackerFactory app, string email)
    {
        var signedIn = await app.CreateBrowser().SignInAsync(email, ClaimTrackerFactory.Password);
        var cookie = signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("ClaimTracker.Auth=", StringComparison.Ordinal));
        return cookie[..cookie.IndexOf(';', StringComparison.Ordinal)];
    }
}
