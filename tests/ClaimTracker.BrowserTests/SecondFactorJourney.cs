using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OtpNet;

namespace ClaimTracker.BrowserTests;

/// <summary>
/// The demo admin secures their account in Chromium: an authenticator app (its codes computed here from the key the page shows,
/// as a phone would) and a passkey held by Chromium's virtual authenticator (WebAuthn through the DevTools protocol, user
/// verification included). Then signs in with the passkey alone, with password and app code, and — once admins must use a second
/// factor — proves the passkey in a session that began with the password.
/// </summary>
public sealed class SecondFactorJourney
{
    [Fact]
    public async Task Admin_SetsUpAppAndPasskey_SignsInWithEach_AndStepsUpWhenRequired()
    {
        BrowserSession.RequireChromium();
        await using var app = await AppProcess.StartAsync();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BrowserSession.LaunchAsync(playwright);
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.LocalhostAddress.ToString() });
        var page = await context.NewPageAsync();
        var cdp = await context.NewCDPSessionAsync(page);
        await cdp.SendAsync("WebAuthn.enable");
        await cdp.SendAsync("WebAuthn.addVirtualAuthenticator", new Dictionary<string, object>
        {
            ["options"] = new Dictionary<string, object>
            {
                ["protocol"] = "ctap2", ["transport"] = "internal", ["hasResidentKey"] = true, ["hasUserVerification"] = true,
                ["isUserVerified"] = true, ["automaticPresenceSimulation"] = true,
            },
        });

        await BrowserSession.SignInAsync(page, app.DemoAdminEmail, app.DemoAdminPassword);
        await Assertions.Expect(page.Locator("#nav-admin")).ToBeVisibleAsync();

        // The authenticator app: the key off the page, the code the app would show.
        await page.ClickAsync("#nav-account");
        await page.ClickAsync("#set-up-authenticator");
        await Assertions.Expect(page.Locator("img.qr-code")).ToBeVisibleAsync();
        // The QR code is an image of its own (the key never sits in the page's markup as a data: address): it loads.
        await page.WaitForFunctionAsync("() => { const img = document.querySelector('img.qr-code'); return img && img.complete && img.naturalWidth > 100; }");
        var key = await page.Locator("#authenticator-key").InnerTextAsync();
        await page.FillAsync("#Code", Totp(key));
        await page.ClickAsync("#authenticator-submit");
        await Assertions.Expect(page.Locator("#recovery-codes li")).ToHaveCountAsync(10);
        await BrowserSession.ScreenshotAsync(page, "2fa-01-recovery-codes");

        // A passkey, made by the browser's (virtual) authenticator.
        await page.GotoAsync("/account/security");
        await page.FillAsync("#PasskeyName", "Laptop der Chefin");
        await page.ClickAsync("#add-passkey-submit");
        await Assertions.Expect(page.Locator(".status-message")).ToContainTextAsync("Passkey “Laptop der Chefin” added");
        await Assertions.Expect(page.Locator("#passkey-list tbody tr")).ToHaveCountAsync(1);
        await BrowserSession.ScreenshotAsync(page, "2fa-02-passkey-added");

        // Signing in with the passkey alone: no email, no password, no code.
        await page.ClickAsync("#logout-form button");
        await page.GotoAsync("/account/login");
        await page.ClickAsync("#passkey-submit");
        await Assertions.Expect(page.Locator("#nav-admin")).ToBeVisibleAsync();
        Assert.Contains(app.DemoAdminEmail, await page.Locator("#nav-account").InnerTextAsync());

        // With the password, the second step asks for the app's code.
        await page.ClickAsync("#logout-form button");
        await BrowserSession.SignInAsync(page, app.DemoAdminEmail, app.DemoAdminPassword);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Sign in: second step");
        await BrowserSession.ScreenshotAsync(page, "2fa-03-second-step");
        await page.FillAsync("#Code", Totp(key));
        await page.ClickAsync("#second-step-submit");
        await Assertions.Expect(page.Locator("#nav-admin")).ToBeVisibleAsync();

        // Admins must use a second factor from now on; this admin drops the app and keeps the passkey.
        await page.GotoAsync("/admin/settings");
        await page.CheckAsync("#second-factor-admin");
        await page.ClickAsync("#second-factors-submit");
        await Assertions.Expect(page.Locator(".status-message")).ToContainTextAsync("required for: Admin");
        await page.GotoAsync("/account/security");
        await page.ClickAsync("#remove-authenticator-form button");
        await Assertions.Expect(page.Locator(".status-message")).ToContainTextAsync("authenticator app is removed");

        // A session begun with the password alone is sent to prove the passkey before the admin pages open.
        await page.ClickAsync("#logout-form button");
        await BrowserSession.SignInAsync(page, app.DemoAdminEmail, app.DemoAdminPassword);
        await page.GotoAsync("/admin/users");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/account/security\\?returnUrl=%2Fadmin%2Fusers", RegexOptions.IgnoreCase));
        await Assertions.Expect(page.Locator("#second-factor-required")).ToBeVisibleAsync();
        await BrowserSession.ScreenshotAsync(page, "2fa-04-step-up-required");
        await page.ClickAsync("#confirm-passkey-submit");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/admin/users$"));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Users");

        // Every enrolment is in the audit log.
        await page.GotoAsync("/admin/audit");
        foreach (var action in new[] { "AuthenticatorEnabled", "PasskeyAdded", "AuthenticatorRemoved", "SecondFactorPolicyChanged", "SecondFactorConfirmed" })
        {
            await Assertions.Expect(page.Locator("#audit tbody tr", new PageLocatorOptions { HasText = action }).First).ToBeVisibleAsync();
        }
    }

    private static string Totp(string shownKey) =>
        new Totp(Base32Encoding.ToBytes(shownKey.Replace(" ", string.Empty).ToUpperInvariant())).ComputeTotp();
}
