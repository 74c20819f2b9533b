using Microsoft.Playwright;

namespace ClaimTracker.BrowserTests;

/// <summary>Debian's Chromium, headless, driven by Playwright. Playwright never downloads a browser here.</summary>
public static class BrowserSession
{
    public const string ChromiumPath = "/usr/bin/chromium";

    public static readonly string[] ChromiumFlags =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run",
    ];

    /// <summary>Outside CI a machine without Chromium skips with the reason; in CI that is a failure.</summary>
    public static void RequireChromium()
    {
        if (File.Exists(ChromiumPath))
        {
            return;
        }
        var message = $"{ChromiumPath} is missing: install the Debian package chromium (./test.sh does).";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail(message);
        }
        Assert.Skip(message);
    }

    public static Task<IBrowser> LaunchAsync(IPlaywright playwright) =>
        playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumFlags,
        });

    public static string ScreenshotDirectory { get; } =
        Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName;

    public static async Task ScreenshotAsync(IPage page, string name)
    {
        var path = Path.Combine(ScreenshotDirectory, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        TestContext.Current.SendDiagnosticMessage($"Screenshot: {path}");
    }

    /// <summary>Signs in through the sign-in form, as a person types it.</summary>
    public static async Task SignInAsync(IPage page, string email, string password)
    {
        await page.GotoAsync("/account/login");
        await page.FillAsync("#Input_Email", email);
        await page.FillAsync("#Input_Password", password);
        await page.ClickAsync("#login-submit");
    }

    /// <summary>The admin creates an account; its owner, in a browser of their own, sets a password through the one-time link
    /// (the sign-in form then carries the address) and signs in.</summary>
    public static async Task<IPage> OnboardAsync(IBrowser browser, AppProcess app, IPage admin, string email, string roleCheckbox, string password)
    {
        await admin.GotoAsync("/admin/users/create");
        await admin.FillAsync("#Input_Email", email);
        await admin.CheckAsync(roleCheckbox);
        await admin.ClickAsync("#create-user-submit");
        var link = await admin.InputValueAsync("#set-password-link");
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseAddress.ToString() });
        var page = await context.NewPageAsync();
        await page.GotoAsync(link);
        await page.FillAsync("#Input_Password", password);
        await page.FillAsync("#Input_ConfirmPassword", password);
        await page.ClickAsync("#set-password-submit");
        await Assertions.Expect(page.Locator("#Input_Email")).ToHaveValueAsync(email);
        await page.FillAsync("#Input_Password", password);
        await page.ClickAsync("#login-submit");
        await Assertions.Expect(page.Locator("#nav-editor")).ToBeVisibleAsync();
        return page;
    }
}
