using System.Net;
using ClaimTracker.Domain.Accounts;
using ClaimTracker.Domain.Auditing;
using ClaimTracker.IntegrationTests.Infrastructure;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using OtpNet;

namespace ClaimTracker.IntegrationTests.Accounts;

/// <summary>
/// Staff second factors through the real pages: an authenticator app (codes computed here from the key the page shows, as the
/// app would), recovery codes, the admins' rule that a role must use a second factor, an admin's reset, and what the passkey
/// forms say without JavaScript. Passkeys themselves are proven in Chromium with a virtual authenticator (browser tests).
/// </summary>
public sealed class SecondFactorTests(ManySignInsFactory factory) : IClassFixture<ManySignInsFactory>
{
    [Fact]
    public async Task AuthenticatorApp_OnceSetUp_SigningInTakesItsCode_OrARecoveryCodeOnce()
    {
        var email = $"totp-{Guid.NewGuid():N}@example.org";
        var browser = await factory.SignedInAsync(email, Roles.Editor);
        var (key, codes) = await EnrolAuthenticatorAsync(browser);
        Assert.Equal(10, codes.Count);
        var qr = await browser.GetAsync("/account/authenticator?handler=qr");
        Assert.Equal("image/png", qr.Content.Headers.ContentType?.MediaType);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], (await qr.Content.ReadAsByteArrayAsync())[..4]);
        Assert.Contains("no-store", qr.Headers.CacheControl?.ToString());
        // The enrolling session goes on working.
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/editor")).StatusCode);

        // The password alone no longer signs in: the second step asks for the app's code.
        var other = factory.CreateBrowser();
        var first = await other.SignInAsync(email, ClaimTrackerFactory.Password, returnUrl: "/editor/mywork");
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.StartsWith("/account/secondstep", first.Headers.Location!.OriginalString, StringComparison.OrdinalIgnoreCase);
        Assert.NotEqual(HttpStatusCode.OK, (await other.GetAsync("/editor")).StatusCode);
        var step = await other.GetAsync(first.Headers.Location.OriginalString, expectOk: true);
        Assert.Contains(email, step.QuerySelector("main")!.TextContent);

        var wrong = await other.SubmitAsync(step, "second-step-form", ("Code", WrongCode(key)));
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        var wrongPage = await Html.ParseAsync(wrong);
        Assert.Contains("not the one your app shows", wrongPage.QuerySelector("#second-step-form .field-error")!.TextContent);
        var right = await other.SubmitAsync(wrongPage, "second-step-form", ("Code", Format(Totp(key))));
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.Equal("/editor/mywork", right.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/editor")).StatusCode);

        // A recovery code stands in for the phone — once.
        var third = factory.CreateBrowser();
        var stepPage = await third.GetAsync((await third.SignInAsync(email, ClaimTrackerFactory.Password)).Headers.Location!.OriginalString, expectOk: true);
        Assert.Equal(HttpStatusCode.Redirect, (await third.SubmitAsync(stepPage, "recovery-form", ("RecoveryCode", codes[0]))).StatusCode);
        var fourth = factory.CreateBrowser();
        stepPage = await fourth.GetAsync((await fourth.SignInAsync(email, ClaimTrackerFactory.Password)).Headers.Location!.OriginalString, expectOk: true);
        var reused = await Html.ParseAsync(await fourth.SubmitAsync(stepPage, "recovery-form", ("RecoveryCode", codes[0])));
        Assert.Contains("not one of your unused recovery codes", reused.QuerySelector("#recovery-form .field-error")!.TextContent);

        var actions = await ActionsAsync(email);
        Assert.Contains(AuditAction.AuthenticatorEnabled, actions);
        Assert.Contains(AuditAction.RecoveryCodesGenerated, actions);
        Assert.Contains(AuditAction.SignInSecondFactorFailed, actions);
    }

    [Fact]
    public async Task SettingUp_AWrongCode_SaysSoNextToTheField_AndLeavesTheAppOff()
    {
        var email = $"vertippt-{Guid.NewGuid():N}@example.org";
        var browser = await factory.SignedInAsync(email, Roles.Editor);
        var page = await browser.GetAsync("/account/authenticator", expectOk: true);
        var key = page.GetElementById("authenticator-key")!.TextContent;

        var response = await browser.SubmitAsync(page, "authenticator-form", ("Code", WrongCode(key)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var again = await Html.ParseAsync(response);
        Assert.Contains("not the one your app shows", again.QuerySelector("#authenticator-form .field-error")!.TextContent);
        Assert.Equal(key, again.GetElementById("authenticator-key")!.TextContent);
        var signIn = await factory.CreateBrowser().SignInAsync(email, ClaimTrackerFactory.Password);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.DoesNotContain("secondstep", signIn.Headers.Location!.OriginalString, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task RequiredForARole_ItsMembersMustProveOne_BeforeAnyStaffPage()
    {
        var admin = await factory.SignedInAsync($"chefin-{Guid.NewGuid():N}@example.org", Roles.Admin);
        var editorEmail = $"pflicht-{Guid.NewGuid():N}@example.org";
        var editor = await factory.SignedInAsync(editorEmail, Roles.Editor);
        var reviewer = await factory.SignedInAsync($"frei-{Guid.NewGuid():N}@example.org", Roles.Reviewer);
        try
        {
            var settings = await admin.GetAsync("/admin/settings", expectOk: true);
            var saved = await admin.FollowAsync(await admin.SubmitListsAsync(settings, "second-factors-form", ("SecondFactorRoles", [Roles.Editor])));
            Assert.Contains("required for: Editor", saved.Status());
            Assert.True(saved.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#second-factor-editor")!.IsChecked);

            // The editor's next staff page is the security page, which says why and how to go on.
            var sent = await editor.GetAsync("/editor/mywork?filter=x");
            Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
            Assert.Equal("/account/security?returnUrl=%2Feditor%2Fmywork%3Ffilter%3Dx", sent.Headers.Location!.OriginalString, ignoreCase: true);
            var security = await editor.GetAsync(sent.Headers.Location.OriginalString, expectOk: true);
            Assert.Contains("second factor", security.GetElementById("second-factor-required")!.TextContent);
            // Forms on staff pages are refused the same way: nothing is saved.
            var token = security.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value;
            var posted = await editor.PostAsync("/editor/claims/new", new FormUrlEncodedContent(
                [new("__RequestVerificationToken", token), new("Input.Headline", "Sollte nie gespeichert werden"), new("Input.OriginalText", "Text.")]));
            Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
            Assert.StartsWith("/account/security", posted.Headers.Location!.OriginalString, StringComparison.OrdinalIgnoreCase);
            Assert.False(await factory.WithDbAsync(db => db.Claims.AnyAsync(c => c.Headline == "Sollte nie gespeichert werden")));
            // Other roles work on.
            Assert.Equal(HttpStatusCode.OK, (await reviewer.GetAsync("/editor")).StatusCode);

            // Setting up the app proves the factor in this session: back to work.
            var (_, _) = await EnrolAuthenticatorAsync(editor);
            Assert.Equal(HttpStatusCode.OK, (await editor.GetAsync("/editor/mywork")).StatusCode);

            // The last second factor of a required role cannot be removed.
            var page = await editor.GetAsync("/account/security", expectOk: true);
            var refused = await Html.ParseAsync(await editor.SubmitAsync(page, "remove-authenticator-form"));
            Assert.Contains("add a passkey before you remove", refused.QuerySelector("#remove-authenticator-form .field-error")!.TextContent);

            Assert.Contains(AuditAction.SecondFactorPolicyChanged, await factory.WithDbAsync(db => db.AuditEntries.Select(e => e.Action).ToListAsync()));
        }
        finally
        {
            var settings = await admin.GetAsync("/admin/settings", expectOk: true);
            await admin.SubmitListsAsync(settings, "second-factors-form", ("SecondFactorRoles", []));
        }
    }

    [Fact]
    public async Task AdminReset_RemovesTheColleaguesFactors_AndEndsTheirSessions()
    {
        var admin = await factory.SignedInAsync($"hilfe-{Guid.NewGuid():N}@example.org", Roles.Admin);
        var email = $"telefon-weg-{Guid.NewGuid():N}@example.org";
        var editor = await factory.SignedInAsync(email, Roles.Editor);
        await EnrolAuthenticatorAsync(editor);
        var id = await factory.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

        var page = await admin.GetAsync($"/admin/users/edit/{id}", expectOk: true);
        Assert.StartsWith("authenticator app (10 recovery codes left)", page.GetElementById("second-factors")!.TextContent);
        var after = await admin.FollowAsync(await admin.SubmitAsync(page, "reset-second-factors-form"));

        Assert.Equal("none", after.GetElementById("second-factors")!.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, (await editor.GetAsync("/editor")).StatusCode);
        var signIn = await factory.CreateBrowser().SignInAsync(email, ClaimTrackerFactory.Password);
        Assert.DoesNotContain("secondstep", signIn.Headers.Location!.OriginalString, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(AuditAction.SecondFactorsReset, await factory.WithDbAsync(db => db.AuditEntries.Where(e => e.Target == email).Select(e => e.Action).ToListAsync()));
    }

    [Fact]
    public async Task Passkeys_WithoutJavaScript_TheFormsSaySo_AndTheCeremonyOptionsNameThisSite()
    {
        var browser = await factory.SignedInAsync($"ohne-js-{Guid.NewGuid():N}@example.org", Roles.Editor);
        var page = await browser.GetAsync("/account/security", expectOk: true);
        var added = await Html.ParseAsync(await browser.SubmitAsync(page, "add-passkey-form", ("PasskeyName", "Laptop")));
        Assert.Contains("needs JavaScript", added.QuerySelector("#add-passkey-form .field-error")!.TextContent);
        Assert.Equal("Laptop", added.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#PasskeyName")!.Value);

        var options = await browser.PostAsync("/account/security?handler=PasskeyCreationOptions", new FormUrlEncodedContent(
            [new("__RequestVerificationToken", page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#add-passkey-form input[name=__RequestVerificationToken]")!.Value)]));
        Assert.Equal("application/json", options.Content.Headers.ContentType?.MediaType);
        using var json = System.Text.Json.JsonDocument.Parse(await options.Content.ReadAsStringAsync());
        Assert.Equal("localhost", json.RootElement.GetProperty("rp").GetProperty("id").GetString());
        Assert.False(string.IsNullOrEmpty(json.RootElement.GetProperty("challenge").GetString()));

        var anonymous = factory.CreateBrowser();
        var login = await anonymous.GetAsync("/account/login", expectOk: true);
        var refused = await Html.ParseAsync(await anonymous.SubmitAsync(login, "passkey-form"));
        Assert.Contains("needs JavaScript", refused.QuerySelector("#passkey-form .field-error")!.TextContent);
        Assert.Equal(string.Empty, refused.QuerySelector("#login-form .errors")?.TextContent.Trim() ?? string.Empty);
    }

    /// <summary>Sets the app up as a person would: reads the key off the page, types the code an app computes from it.</summary>
    private static async Task<(string Key, IReadOnlyList<string> RecoveryCodes)> EnrolAuthenticatorAsync(HttpClient browser)
    {
        var page = await browser.GetAsync("/account/authenticator", expectOk: true);
        var key = page.GetElementById("authenticator-key")!.TextContent;
        var response = await browser.SubmitAsync(page, "authenticator-form", ("Code", Format(Totp(key))));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var done = await Html.ParseAsync(response);
        Assert.Contains("The authenticator app is on", done.Status());
        return (key, done.QuerySelectorAll("#recovery-codes li").Select(li => li.TextContent.Trim()).ToList());
    }

    private static string Totp(string shownKey) =>
        new Totp(Base32Encoding.ToBytes(shownKey.Replace(" ", string.Empty).ToUpperInvariant())).ComputeTotp();

    /// <summary>As apps show it: "123 456".</summary>
    private static string Format(string code) => code[..3] + " " + code[3..];

    /// <summary>A code the app shows at no time near now.</summary>
    private static string WrongCode(string shownKey)
    {
        var totp = new Totp(Base32Encoding.ToBytes(shownKey.Replace(" ", string.Empty).ToUpperInvariant()));
        var near = Enumerable.Range(-3, 7).Select(step => totp.ComputeTotp(DateTime.UtcNow.AddSeconds(30 * step))).ToHashSet();
        return Enumerable.Range(0, 1_000_000).Select(n => n.ToString("D6", System.Globalization.CultureInfo.InvariantCulture)).First(c => !near.Contains(c));
    }

    private Task<List<AuditAction>> ActionsAsync(string email) =>
        factory.WithDbAsync(db => db.AuditEntries.Where(e => e.Target == email).Select(e => e.Action).ToListAsync());
}
