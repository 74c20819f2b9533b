using Microsoft.Playwright;

namespace ClaimTracker.BrowserTests;

/// <summary>
/// Hostile text — a headline of one unbroken 118-letter word, an original text mixing Arabic with a right-to-left mark and a
/// 300-character URL-like run — stays inside a 390 px phone screen on the pages that show it, and multi-line text is isolated
/// (dir="auto") so that its direction marks cannot reorder what surrounds it.
/// </summary>
public sealed class NarrowScreenChecks
{
    private static readonly string Headline = "Donaudampfschifffahrtsgesellschaftskapitän" + new string('x', 76);

    private static readonly string OriginalText =
        "قال المتحدث \u200F إن التقارير كاذبة. " + "https://example.org/" + new string('a', 280) + "\nZweite Zeile.";

    [Fact]
    public async Task HostileText_StaysInsideA390PixelScreen_AndIsIsolated()
    {
        BrowserSession.RequireChromium();
        await using var app = await AppProcess.StartAsync();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BrowserSession.LaunchAsync(playwright);
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseAddress.ToString(), ViewportSize = new ViewportSize { Width = 390, Height = 844 },
        });
        var page = await context.NewPageAsync();
        await BrowserSession.SignInAsync(page, app.DemoAdminEmail, app.DemoAdminPassword);
        await page.GotoAsync("/editor/claims/new");
        await page.FillAsync("#Input_Headline", Headline);
        await page.FillAsync("#Input_OriginalText", OriginalText);
        await page.ClickAsync("#claim-submit");
        await Assertions.Expect(page.Locator("#claim-headline")).ToHaveTextAsync(Headline);
        var details = page.Url;

        var overflowing = new List<string>();
        foreach (var path in new[] { details, "/editor/claims", "/editor", "/claims", "/claims/nordkorea-liefert-russland-artillerie-und-raketen" })
        {
            await page.GotoAsync(path);
            var width = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
            if (width > 390)
            {
                overflowing.Add($"{path}: {width} px wide");
                await BrowserSession.ScreenshotAsync(page, "narrow-overflow-" + overflowing.Count);
            }
        }
        Assert.True(overflowing.Count == 0, string.Join(Environment.NewLine, overflowing));

        await page.GotoAsync(details);
        Assert.Equal("auto", await page.Locator("#original-text").GetAttributeAsync("dir"));
        await BrowserSession.ScreenshotAsync(page, "narrow-hostile-claim");
    }

    /// <summary>
    /// The admin's menu (every group a role can have) fits one line at 1280 px in English and in German, and its groups
    /// open without JavaScript.
    /// </summary>
    [Theory]
    [InlineData("en", "Users")]
    [InlineData("de", "Benutzer")]
    public async Task StaffMenu_FitsOneLineAt1280Pixels_AndItsGroupsOpenWithoutJavaScript(string language, string usersHeading)
    {
        BrowserSession.RequireChromium();
        await using var app = await AppProcess.StartAsync();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BrowserSession.LaunchAsync(playwright);
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseAddress.ToString(), ViewportSize = new ViewportSize { Width = 1280, Height = 800 }, JavaScriptEnabled = false,
            Locale = language, ExtraHTTPHeaders = new Dictionary<string, string> { ["Accept-Language"] = language },
        });
        var page = await context.NewPageAsync();
        await BrowserSession.SignInAsync(page, app.DemoAdminEmail, app.DemoAdminPassword);
        await page.GotoAsync("/editor");

        Assert.Equal(language, await page.Locator("html").GetAttributeAsync("lang"));
        var tops = await page.EvaluateAsync<double[]>("() => [...document.querySelectorAll('.site-nav > a, .site-nav > ul > li')].map(e => e.getBoundingClientRect().top)");
        Assert.True(tops.Length >= 10, $"{tops.Length} menu items");
        Assert.True(tops.Max() - tops.Min() < 12, $"menu items start at {string.Join(", ", tops)} px: more than one line");
        await page.ClickAsync("#nav-admin");
        await page.ClickAsync("#nav-users");
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync(usersHeading);
        await BrowserSession.ScreenshotAsync(page, $"staff-menu-1280-{language}");
    }
}
