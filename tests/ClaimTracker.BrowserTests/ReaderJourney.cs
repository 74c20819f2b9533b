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

    /// <summary>
    /// The claim page opens with the verdict box; its actors and topic lead to their pages, whose tally chart and table
    /// agree, and the statistics page counts every published claim.
    /// </summary>
    [Fact]
    public async Task Reader_GoesFromTheVerdictBox_ToTheActorsTally()
    {
        BrowserSession.RequireChromium();
        await using var app = await AppProcess.StartAsync();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BrowserSession.LaunchAsync(playwright);
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseAddress.ToString() });
        var page = await context.NewPageAsync();

        await page.GotoAsync("/claims/nordkorea-liefert-russland-artillerie-und-raketen");
        var box = page.Locator("#verdict");
        await Assertions.Expect(box.Locator(".verdict-label .status-badge")).ToHaveTextAsync("Corroborated");
        await Assertions.Expect(box.Locator("#conclusion-heading")).ToHaveTextAsync("Our conclusion");
        await Assertions.Expect(page.Locator("#byline")).ToContainTextAsync("ClaimTracker");
        // The box sits above the timeline on screen, not only in the markup.
        var boxBottom = (await box.BoundingBoxAsync())!;
        var timelineTop = (await page.Locator("#timeline-heading").BoundingBoxAsync())!;
        Assert.True(boxBottom.Y + boxBottom.Height <= timelineTop.Y, "The verdict box is shown before the timeline.");
        await BrowserSession.ScreenshotAsync(page, "25-verdict-box");

        await page.Locator("#subjects a", new PageLocatorOptions { HasTextString = "Nordkorea" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/actors/nordkorea$"));
        await Assertions.Expect(page.Locator("#wikidata-link")).ToBeVisibleAsync();
        var counted = 0;
        foreach (var count in await page.Locator("#actor-tally-by-status .count").AllTextContentsAsync())
        {
            counted += int.Parse(count, System.Globalization.CultureInfo.InvariantCulture);
        }
        await Assertions.Expect(page.Locator("#actor-tally-heading")).ToContainTextAsync($"({counted})");
        await page.ClickAsync("#actor-tally summary");
        await Assertions.Expect(page.Locator("#actor-tally-table")).ToBeVisibleAsync();
        var bars = await page.Locator("#actor-tally-chart rect").EvaluateAllAsync<int[]>("rects => rects.map(r => Number(r.dataset.count))");
        var cells = (await page.Locator("#actor-tally-table tbody td").AllTextContentsAsync()).Select(int.Parse).ToArray();
        Assert.Equal(bars, cells);
        Assert.Equal(counted, cells.Sum());
        await BrowserSession.ScreenshotAsync(page, "26-actor-tally");

        await page.GotoAsync("/statistics");
        await Assertions.Expect(page.Locator("#site-tally-heading")).ToContainTextAsync("(12)");
        await Assertions.Expect(page.Locator("#by-actor tbody tr").First).ToBeVisibleAsync();
        await BrowserSession.ScreenshotAsync(page, "27-statistics");
    }
}
