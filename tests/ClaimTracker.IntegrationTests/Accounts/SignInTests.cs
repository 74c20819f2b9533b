using System.Net;
using ClaimTracker.Domain.Accounts;
using ClaimTracker.Domain.Auditing;
using Microsoft.EntityFrameworkCore;
using ClaimTracker.IntegrationTests.Infrastructure;

namespace ClaimTracker.IntegrationTests.Accounts;

public sealed class SignInTests(ClaimTrackerFactory factory) : IClassFixture<ClaimTrackerFactory>
{
    [Fact]
    public async Task SignIn_RightPassword_RedirectsToReturnUrlWithSecureHttpOnlyCookie()
    {
        await factory.CreateUserAsync("anmeldung@example.org", Roles.Editor);
        var browser = factory.CreateBrowser();

        var response = await browser.SignInAsync("anmeldung@example.org", ClaimTrackerFactory.Password, "/editor");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/editor", response.Headers.Location!.OriginalString);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("ClaimTracker.Auth=", StringComparison.Ordinal));
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/editor")).StatusCode);
    }

    [Fact]
    public async Task SignIn_ExternalReturnUrl_GoesHomeInstead()
    {
        await factory.CreateUserAsync("umleitung@example.org");

        var response = await factory.CreateBrowser().SignInAsync("umleitung@example.org", ClaimTrackerFactory.Password,
            "https://evil.example/phish");

        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task SignIn_WrongPassword_ShowsMessageAndNoCookie()
    {
        await factory.CreateUserAsync("falsch@example.org");

        var response = await factory.CreateBrowser().SignInAsync("falsch@example.org", "nicht das Passwort");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Wrong email or password", (await Html.ParseAsync(response)).Errors());
        Assert.False(response.Headers.Contains("Set-Cookie") &&
                     response.Headers.GetValues("Set-Cookie").Any(c => c.StartsWith("ClaimTracker.Auth=", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task SignIn_FiveFailures_LocksTheAccountEvenForTheRightPassword()
    {
        await factory.CreateUserAsync("gesperrt@example.org");
        var browser = factory.CreateBrowser();
        for (var i = 0; i < PasswordPolicy.MaxFailedAttempts; i++)
        {
            await browser.SignInAsync("gesperrt@example.org", $"falsches Passwort {i}");
        }

        var response = await browser.SignInAsync("gesperrt@example.org", ClaimTrackerFactory.Password);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("locked for 15 minutes", (await Html.ParseAsync(response)).Errors());
        var lockoutEnd = await factory.WithDbAsync(db => Task.FromResult(db.Users.Single(u => u.Email == "gesperrt@example.org").LockoutEnd));
        Assert.NotNull(lockoutEnd);
        var events = await factory.WithDbAsync(db => db.AuditEntries.Where(e => e.Target == "gesperrt@example.org")
            .OrderBy(e => e.Id).Select(e => new { e.Action, e.OccurredAtUtc }).ToListAsync());
        Assert.Equal([.. Enumerable.Repeat(AuditAction.SignInFailed, PasswordPolicy.MaxFailedAttempts - 1),
            AuditAction.SignInLockedOut, AuditAction.SignInLockedOut], events.Select(e => e.Action));
        // Locked for fifteen minutes from the failure that locked it (measured against the app's own record of that moment,
        // not the test's clock).
        var lockedAt = new DateTimeOffset(DateTime.SpecifyKind(events[PasswordPolicy.MaxFailedAttempts - 1].OccurredAtUtc, DateTimeKind.Utc));
        Assert.InRange(lockoutEnd.Value - lockedAt, TimeSpan.FromMinutes(15) - TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(15) + TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task SignIn_EmptyForm_AsksForBothFields()
    {
        var browser = factory.CreateBrowser();
        var page = await browser.GetAsync("/account/login", expectOk: true);

        var response = await browser.SubmitAsync(page, "login-form", ("Input.Email", ""), ("Input.Password", ""));

        var errors = (await Html.ParseAsync(response)).Errors();
        Assert.Contains("Enter your email address.", errors);
        Assert.Contains("Enter your password.", errors);
    }

    [Fact]
    public async Task SignIn_PostWithoutAntiforgeryToken_IsRejected()
    {
        await factory.CreateUserAsync("csrf@example.org");
        var response = await factory.CreateBrowser().PostAsync("/account/login", new FormUrlEncodedContent(
            [new("Input.Email", "csrf@example.org"), new("Input.Password", ClaimTrackerFactory.Password)]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task SignOut_EndsTheSession()
    {
        var browser = await factory.SignedInAsync("abmelden@example.org", Roles.Editor);
        var home = await browser.GetAsync("/", expectOk: true);

        var response = await browser.SubmitAsync(home, "logout-form");

        Assert.Equal("/account/login", response.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/editor")).StatusCode);
    }

    [Fact]
    public async Task SignOut_ACopiedSessionCookie_StopsWorkingToo()
    {
        await factory.CreateUserAsync("kopie@example.org", Roles.Editor);
        var browser = factory.CreateBrowser();
        var signedIn = await browser.SignInAsync("kopie@example.org", ClaimTrackerFactory.Password);
        var setCookie = signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("ClaimTracker.Auth=", StringComparison.Ordinal));
        var copied = factory.CreateBrowser();
        copied.DefaultRequestHeaders.Add("Cookie", setCookie[..setCookie.IndexOf(';', StringComparison.Ordinal)]);
        Assert.Equal(HttpStatusCode.OK, (await copied.GetAsync("/editor")).StatusCode);

        var signedOut = await browser.SubmitAsync(await browser.GetAsync("/", expectOk: true), "logout-form");

        Assert.Equal(HttpStatusCode.Redirect, (await copied.GetAsync("/editor")).StatusCode);
        // The message after signing out travels in the TempData cookie: Secure like every cookie outside Development.
        var tempData = signedOut.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".AspNetCore.Mvc.CookieTempDataProvider=", StringComparison.Ordinal));
        Assert.Contains("secure", tempData, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Register_IsNotReachable()
    {
        var browser = factory.CreateBrowser();
        foreach (var path in new[] { "/Identity/Account/Register", "/account/register" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync(path)).StatusCode);
        }
    }
}
