using System.Collections.Concurrent;
using System.Text;
using ClaimTracker.Infrastructure.Security;
using ClaimTracker.Tests.Shared;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;

namespace ClaimTracker.BrowserTests;

/// <summary>
/// The sanitiser's output for the whole hostile corpus, rendered by a real browser in a page with no
/// CSP to help: any call of alert, print or the probe, and any request or navigation, is recorded.
/// A control run with the raw corpus proves the trap catches what it is meant to catch.
/// </summary>
public sealed class XssCorpusInChromium
{
    private const string PageUrl = "http://xss.test/";

    [Fact]
    public async Task SanitisedCorpus_ExecutesNothingAndRequestsNothing()
    {
        BrowserSession.RequireChromium();
        var sanitiser = new HtmlSanitiser(Options.Create(new RichTextOptions()));
        var outputs = XssCorpus.Vectors.Select(v => sanitiser.Sanitise(v).Html!.Html).ToList();

        var (calls, requests) = await RenderAsync(outputs, "xss-sanitised");

        var summary = $"XSS vectors rendered: {outputs.Count}; script executions: {calls.Count}; requests or navigations: {requests.Count}";
        TestContext.Current.SendDiagnosticMessage(summary);
        await File.WriteAllTextAsync(Path.Combine(BrowserSession.ScreenshotDirectory, "xss-summary.txt"), summary + Environment.NewLine);
        Assert.True(calls.Count == 0, "Executed: " + string.Join(" | ", calls));
        Assert.True(requests.Count == 0, "Requested: " + string.Join(" | ", requests));
    }

    [Fact]
    public async Task RawCorpus_IsCaughtByTheTrap()
    {
        BrowserSession.RequireChromium();

        var (calls, requests) = await RenderAsync(XssCorpus.Vectors, "xss-raw-control");

        Assert.True(calls.Count > 10, $"The trap saw only {calls.Count} executions of the raw corpus.");
        Assert.Contains(requests, r => r.Contains(XssCorpus.ProbeHost, StringComparison.Ordinal));
    }

    private static async Task<(IReadOnlyList<string> Calls, IReadOnlyList<string> Requests)> RenderAsync(
        IReadOnlyList<string> fragments, string screenshot)
    {
        var html = new StringBuilder("<!DOCTYPE html><html lang=\"de\"><head><meta charset=\"utf-8\"><title>XSS</title></head><body>");
        for (var i = 0; i < fragments.Count; i++)
        {
            html.Append("<section data-vector=\"").Append(i).Append("\">").Append(fragments[i]).Append("</section>\n");
        }
        html.Append("</body></html>");

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BrowserSession.LaunchAsync(playwright);
        var page = await browser.NewPageAsync();
        var requests = new ConcurrentQueue<string>();
        await page.AddInitScriptAsync("""
            window.__calls = [];
            const record = (name) => (...args) => { window.__calls.push(name + ':' + args.join(',')); };
            window.__probe = record('probe');
            window.alert = record('alert');
            window.confirm = record('confirm');
            window.prompt = record('prompt');
            window.print = record('print');
            window.open = record('open');
            """);
        await page.RouteAsync("**/*", async route =>
        {
            if (route.Request.Url == PageUrl)
            {
                await route.FulfillAsync(new RouteFulfillOptions { Body = html.ToString(), ContentType = "text/html; charset=utf-8" });
                return;
            }
            requests.Enqueue(route.Request.Url);
            await route.AbortAsync();
        });
        page.FrameNavigated += (_, frame) =>
        {
            if (frame.Url != PageUrl && frame.Url != "about:blank" && frame.Url != "about:srcdoc")
            {
                requests.Enqueue("navigation: " + frame.Url);
            }
        };

        await page.GotoAsync(PageUrl, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
        // Fire what a reader's mouse and keyboard would fire (no clicks: a benign link would navigate).
        await page.EvaluateAsync("""
            () => {
              for (const el of document.querySelectorAll('body *')) {
                for (const type of ['mouseover', 'mouseenter', 'pointerenter', 'focus', 'focusin', 'blur', 'input', 'scroll', 'toggle', 'animationstart', 'auxclick']) {
                  try { el.dispatchEvent(new Event(type, { bubbles: true })); } catch (e) { }
                }
                try { el.focus(); } catch (e) { }
              }
            }
            """);
        await page.WaitForTimeoutAsync(1500);

        var calls = page.Url == PageUrl
            ? await page.EvaluateAsync<string[]>("() => window.__calls")
            : ["page left to " + page.Url];
        await BrowserSession.ScreenshotAsync(page, screenshot);
        return (calls, requests.ToList());
    }
}
