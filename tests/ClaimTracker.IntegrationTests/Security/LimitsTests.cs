using System.Net;
using ClaimTracker.Domain.Auditing;
using ClaimTracker.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ClaimTracker.IntegrationTests.Security;

public sealed class LimitsTests
{
    [Fact]
    public async Task SignInPosts_OverThePerAddressLimit_Get429WithAPageAndRetryAfter()
    {
        using var factory = new ConfiguredFactory(new Dictionary<string, string> { ["Security:RateLimits:PerAddressPerMinute"] = "3" });
        var browser = factory.CreateBrowser();
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await browser.SignInAsync($"user{i}@example.org", "falsches Passwort")).StatusCode);
        }

        var limited = await browser.SignInAsync("user4@example.org", "falsches Passwort");

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal("60", limited.Headers.RetryAfter?.ToString());
        Assert.Equal("Too many requests", (await Html.ParseAsync(limited)).QuerySelector("h1")!.TextContent);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/account/login")).StatusCode);
    }

    [Fact]
    public async Task SignInAttempts_OnOneAccountOverItsLimit_Get429AndAreRecorded_OtherAccountsUnaffected()
    {
        using var factory = new ConfiguredFactory(new Dictionary<string, string>
        {
            ["Security:RateLimits:PerAccountPer15Minutes"] = "2",
            ["Security:RateLimits:PerAddressPerMinute"] = "100",
        });
        await factory.CreateUserAsync("ziel@example.org");
        await factory.CreateUserAsync("andere@example.org");
        await factory.CreateBrowser().SignInAsync("ziel@example.org", "Versuch eins!");
        await factory.CreateBrowser().SignInAsync("ZIEL@example.org", "Versuch zwei!");

        var limited = await factory.CreateBrowser().SignInAsync("ziel@example.org", ClaimTrackerFactory.Password);
        var other = await factory.CreateBrowser().SignInAsync("andere@example.org", ClaimTrackerFactory.Password);

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        // Told when to try again: the account's 15-minute window, in whole seconds.
        Assert.InRange(limited.Headers.RetryAfter!.Delta!.Value, TimeSpan.FromMinutes(14), TimeSpan.FromMinutes(15));
        Assert.Equal(HttpStatusCode.Redirect, other.StatusCode);
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e =>
            e.Action == AuditAction.SignInRateLimited && e.Target == "ziel@example.org")));
    }

    [Fact]
    public async Task FormBody_OverTheLimit_Gets413PageAndChangesNothing()
    {
        using var factory = new ConfiguredFactory(new Dictionary<string, string> { ["Security:Requests:MaxBodyBytes"] = "2000" });
        await factory.CreateUserAsync("gross@example.org");
        var browser = factory.CreateBrowser();
        var page = await browser.GetAsync("/account/login", expectOk: true);

        var response = await browser.SubmitAsync(page, "login-form", ("Input.Email", "gross@example.org"),
            ("Input.Password", new string('x', 3000)));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("Too much data", (await Html.ParseAsync(response)).QuerySelector("h1")!.TextContent);
        Assert.False(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Target == "gross@example.org")));
    }

    [Fact]
    public async Task OverlongField_GetsAMessageNamingFieldAndLimit()
    {
        using var factory = new ClaimTrackerFactory();
        var response = await factory.CreateBrowser().SignInAsync(new string('a', 300) + "@example.org", "irgendein Passwort");

        Assert.Contains("Email can have at most 256 characters.", (await Html.ParseAsync(response)).Errors());
    }
}
