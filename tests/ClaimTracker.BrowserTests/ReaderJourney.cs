using Microsoft.Playwright;

namespace ClaimTracker.BrowserTests;

/// <summary>A reader without JavaScript finds a claim by searching and reads where it stands.</summary>
public sealed class ReaderJourney
{
    [Fact]
    public async Task Reader_WithoutJavaScript_SearchesAndReadsTheTimeline()
    {
        BrowserSession.RequireChromium();
        await using var app = await AppProcess.StartAsync();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BrowserSession.LaunchAsync(playwright);
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseAddress.ToString(), JavaScriptEnabled = false });
        var page = await context.NewPageAsync();

        await page.GotoAsync("/");
        await Assertions.Expect(page.Locator("#counts-heading")).ToContainTextAsync("12 published claims");
        await BrowserSession.ScreenshotAsync(page, "20-reader-home");
        await page.FillAsync("#q", "Raketen Russland");
        await page.PressAsync("#q", "Enter");
        await Assertions.Expect(page.Locator(".public-claims")).ToContainTextAsync("Nordkorea liefert Russland Artillerie und Raketen");
        await BrowserSession.ScreenshotAsync(page, "21-reader-search");

        await page.ClickAsync("text=Nordkorea liefert Russland Artillerie und Raketen");
        await Assertions.Expect(page.Locator(".verdict .status-badge")).ToHaveTextAsync("Corroborated");
        await Assertions.Expect(page.Locator("#timeline > li")).ToHaveCountAsync(4);
        await Assertions.Expect(page.Locator("li.statement[data-stance=Denies]")).ToHaveCountAsync(3);
        await BrowserSession.ScreenshotAsync(page, "22-reader-claim-page-en");

        // The same page in German, chosen with the language switch (remembered for the next pages).
        await page.ClickAsync("#language-switch a[hreflang=de]");
        await Assertions.Expect(page.Locator(".verdict .status-badge")).ToHaveTextAsync("Erhärtet");
        await Assertions.Expect(page.Locator("#timeline-heading")).ToHaveTextAsync("Wie sich der Status verändert hat");
        await BrowserSession.ScreenshotAsync(page, "24-reader-claim-page-de");

        var embed = await page.GotoAsync("/claims/nordkorea-liefert-russland-artillerie-und-raketen/embed");
        Assert.Equal(200, embed!.Status);
        await BrowserSession.ScreenshotAsync(page, "23-embed-card");
    }
}
