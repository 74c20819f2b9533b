using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;

namespace ClaimTracker.BrowserTests;

/// <summary>
/// An editor fetches a hostile page as a source; its preserved copy, opened in Chromium, is a download, and even a browser that
/// rendered it anyway would run none of its script (the sandbox); a control without the sandbox shows the script would run.
/// </summary>
public sealed partial class PreservedCopyInChromium
{
    private const string Evil = """
        <!doctype html><html><head><title>Evil page</title></head><body><p id="p">harmless</p>
        <script>document.getElementById('p').textContent = 'RAN:' + document.cookie; document.title = 'RAN';</script></body></html>
        """;

    [Fact]
    public async Task APreservedHostilePage_RunsNoScriptInTheAppsOrigin()
    {
        BrowserSession.RequireChromium();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        await using var site = builder.Build();
        site.MapGet("/evil", () => Results.Content(Evil, "text/html; charset=utf-8"));
        await site.StartAsync(TestContext.Current.CancellationToken);
        var siteRoot = site.Urls.First();
        await using var app = await AppProcess.StartAsync(new Dictionary<string, string>
        {
            ["OutgoingRequests__AllowedEndpoints__0"] = new Uri(siteRoot).Authority,
        });
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BrowserSession.LaunchAsync(playwright);
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseAddress.ToString(), AcceptDownloads = true });
        var page = await context.NewPageAsync();
        await BrowserSession.SignInAsync(page, app.DemoAdminEmail, app.DemoAdminPassword);
        await Assertions.Expect(page.Locator("#nav-editor")).ToBeVisibleAsync();

        // The editor pastes the address and fetches the details: the form fills, and a copy is kept with the new source.
        await page.GotoAsync("/editor/claims");
        var details = await page.Locator("a[href*='/editor/claims/details/']").First.GetAttributeAsync("href");
        var claimId = ClaimId().Match(details!).Groups[1].Value;
        await page.GotoAsync($"/editor/claims/source/{claimId}");
        await page.FillAsync("#Source_Url", siteRoot + "/evil");
        await page.ClickAsync("#fetch-submit");
        await Assertions.Expect(page.Locator("#fetch-note")).ToContainTextAsync("A copy of the page was kept");
        await Assertions.Expect(page.Locator("#Source_Title")).ToHaveValueAsync("Evil page");
        await page.FillAsync("#Source_PublishedOn", "2024-11-05");
        await page.ClickAsync("#new-source-submit");
        await Assertions.Expect(page.Locator(".status-message")).ToContainTextAsync("Source attached");

        await page.GotoAsync("/editor/sources?q=Evil");
        await page.Locator("a", new PageLocatorOptions { HasText = "Evil page" }).First.ClickAsync();
        await page.ClickAsync("#evidence-link");
        var copy = page.Locator("#copies a").First;
        var copyUrl = new Uri(app.BaseAddress, await copy.GetAttributeAsync("href")).ToString();

        // Opened, the copy is a download: the page it is opened from stays as it was.
        var download = await page.RunAndWaitForDownloadAsync(() => copy.ClickAsync());
        Assert.Equal(Evil, await File.ReadAllTextAsync((await download.PathAsync())!, TestContext.Current.CancellationToken));
        await Assertions.Expect(page).ToHaveTitleAsync(new Regex("Evidence"));
        await BrowserSession.ScreenshotAsync(page, "evidence-copies");

        // Even shown as a page (the download disposition taken away, as a careless browser might), the sandbox stops its script.
        var shown = await context.NewPageAsync();
        await shown.RouteAsync("**/evidence/copies/**", route => ServeAsPageAsync(route, keepSandbox: true));
        await shown.GotoAsync(copyUrl);
        await Assertions.Expect(shown.Locator("#p")).ToHaveTextAsync("harmless");
        Assert.Equal("Evil page", await shown.TitleAsync());

        // Control: without the sandbox the same bytes would run in the app's origin — the trap works.
        var unprotected = await context.NewPageAsync();
        await unprotected.RouteAsync("**/evidence/copies/**", route => ServeAsPageAsync(route, keepSandbox: false));
        await unprotected.GotoAsync(copyUrl);
        await Assertions.Expect(unprotected.Locator("#p")).ToContainTextAsync("RAN:");
    }

    private static async Task ServeAsPageAsync(IRoute route, bool keepSandbox)
    {
        var response = await route.FetchAsync();
        var headers = response.Headers
            .Where(h => h.Key != "content-disposition" && h.Key != "content-type" && (keepSandbox || h.Key != "content-security-policy"))
            .ToDictionary(h => h.Key, h => h.Value);
        headers["content-type"] = "text/html; charset=utf-8";
        Assert.StartsWith("sandbox", response.Headers["content-security-policy"]);
        await route.FulfillAsync(new RouteFulfillOptions { Response = response, Headers = headers });
    }

    [GeneratedRegex(@"/editor/claims/details/(\d+)")]
    private static partial Regex ClaimId();
}
