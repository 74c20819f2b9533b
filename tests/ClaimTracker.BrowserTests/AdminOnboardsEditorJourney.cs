using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace ClaimTracker.BrowserTests;

/// <summary>
/// A newcomer's first minutes: the demo admin signs in, creates an editor, hands over the
/// set-password link; the editor sets a password, signs in and finds their workspace.
/// </summary>
public sealed class AdminOnboardsEditorJourney
{
    private const string EditorEmail = "redakteurin@example.org";
    private const string EditorPassword = "Grüße aus der Redaktion";

    [Fact]
    public async Task Admin_CreatesEditor_EditorSetsPasswordAndSignsIn()
    {
        BrowserSession.RequireChromium();
        await using var app = await AppProcess.StartAsync();
        Assert.False(string.IsNullOrEmpty(app.DemoAdminPassword), "No demo admin password on the console:\n" + app.Log);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BrowserSession.LaunchAsync(playwright);

        // The admin signs in with the credentials printed on the console.
        var adminContext = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseAddress.ToString() });
        var admin = await adminContext.NewPageAsync();
        await BrowserSession.SignInAsync(admin, app.DemoAdminEmail, app.DemoAdminPassword);
        await Assertions.Expect(admin.Locator("#nav-admin")).ToBeVisibleAsync();
        await BrowserSession.ScreenshotAsync(admin, "01-admin-signed-in");

        // … creates an editor …
        await admin.ClickAsync("#nav-admin");
        await admin.ClickAsync("#nav-users");
        await admin.ClickAsync("#create-user");
        await admin.FillAsync("#Input_Email", EditorEmail);
        await admin.CheckAsync("#role-editor");
        await admin.ClickAsync("#create-user-submit");
        await Assertions.Expect(admin.Locator(".status-message")).ToHaveTextAsync($"Created {EditorEmail}.");
        var link = await admin.InputValueAsync("#set-password-link");
        Assert.StartsWith(app.BaseAddress + "account/setpassword?user=", link);
        // One click copies it (the button appears only where the browser can copy).
        await adminContext.GrantPermissionsAsync(["clipboard-read", "clipboard-write"]);
        await admin.ClickAsync("#copy-set-password-link");
        await Assertions.Expect(admin.Locator("#copy-set-password-link")).ToHaveTextAsync("Copied");
        Assert.Equal(link, await admin.EvaluateAsync<string>("() => navigator.clipboard.readText()"));
        await BrowserSession.ScreenshotAsync(admin, "02-editor-created-with-link");

        // … and the editor, in a browser of their own, uses the link.
        var editorContext = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseAddress.ToString() });
        var editor = await editorContext.NewPageAsync();
        await editor.GotoAsync(link);
        await editor.FillAsync("#Input_Password", EditorPassword);
        await editor.FillAsync("#Input_ConfirmPassword", EditorPassword);
        await editor.ClickAsync("#set-password-submit");
        await Assertions.Expect(editor.Locator(".status-message")).ToContainTextAsync("Your password is set");
        await BrowserSession.ScreenshotAsync(editor, "03-editor-password-set");

        // The sign-in form comes with the address filled in.
        await Assertions.Expect(editor.Locator("#Input_Email")).ToHaveValueAsync(EditorEmail);
        await editor.FillAsync("#Input_Password", EditorPassword);
        await editor.ClickAsync("#login-submit");
        await Assertions.Expect(editor.Locator("#nav-editor")).ToBeVisibleAsync();
        await Assertions.Expect(editor.Locator("#nav-users")).ToHaveCountAsync(0);
        await Assertions.Expect(editor.Locator("#nav-admin")).ToHaveCountAsync(0);
        await editor.ClickAsync("#nav-editor");
        await Assertions.Expect(editor.Locator("#my-roles")).ToHaveTextAsync("Editor");
        await BrowserSession.ScreenshotAsync(editor, "04-editor-workspace");

        // The editor has no business on the admin pages.
        var forbidden = await editor.GotoAsync("/admin/users");
        Assert.Equal(403, forbidden!.Status);
        await Assertions.Expect(editor.Locator("h1")).ToHaveTextAsync("Access denied");
        await BrowserSession.ScreenshotAsync(editor, "05-editor-denied-admin-page");

        // The audit log shows what the admin did.
        await admin.GotoAsync("/admin/audit");
        // … and, as security events, the editor's sign-in with the address it came from.
        var signIn = admin.Locator("#audit tbody tr", new PageLocatorOptions { HasText = "SignInSucceeded" }).First;
        await Assertions.Expect(signIn).ToContainTextAsync(new Regex($"{Regex.Escape(EditorEmail)}.*127\\.0\\.0\\.1", RegexOptions.Singleline));
        await BrowserSession.ScreenshotAsync(admin, "06-audit-log");
        var created = admin.Locator("#audit tbody tr", new PageLocatorOptions { HasText = "UserCreated" });
        await Assertions.Expect(created).ToContainTextAsync(new Regex($"{Regex.Escape(app.DemoAdminEmail)}.*UserCreated.*{Regex.Escape(EditorEmail)}", RegexOptions.Singleline));
    }
}
