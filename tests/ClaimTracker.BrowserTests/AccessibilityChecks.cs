using System.Diagnostics;
using Microsoft.Playwright;

namespace ClaimTracker.BrowserTests;

/// <summary>
/// The reader pages in both languages: axe-core (injected into Chromium) finds no serious or critical
/// violation, and html-validate (standard conformance) finds no error in the HTML as served.
/// The npm packages are installed by ./test.sh into tests/a11y.
/// </summary>
public sealed class AccessibilityChecks
{
    private static readonly string[] Pages =
    [
        "/", "/claims", "/claims?q=Raketen", "/claims/nordkorea-liefert-russland-artillerie-und-raketen", "/statuses", "/about",
        "/claims/nordkorea-liefert-russland-artillerie-und-raketen/embed", "/claims/nordkorea-liefert-russland-artillerie-und-raketen/report",
        "/actors/nordkorea", "/topics/waffenlieferungen", "/corrections", "/statistics",
        "/claims/nordkorea-liefert-russland-artillerie-und-raketen/versions", "/claims/nordkorea-liefert-russland-artillerie-und-raketen/versions/1",
    ];

    private static readonly string[] Languages = ["en", "de"];

    [Fact]
    public async Task ReaderPages_HaveNoSeriousOrCriticalAxeViolations_InEitherLanguage() =>
        await AxeAsync(signIn: false, (_, _) => Task.FromResult(Pages));

    [Fact]
    public async Task StaffPages_HaveNoSeriousOrCriticalAxeViolations_InEitherLanguage() =>
        await AxeAsync(signIn: true, async (page, _) =>
        {
            await page.GotoAsync("/editor/claims?q=Artillerie");
            var details = await page.Locator("a[href^='/editor/claims/details/']").First.GetAttributeAsync("href");
            // Every staff page, signed in as the demo admin (all roles), with the demo arms claim for {id}.
            return ClaimTracker.Tests.Shared.StaffPages.For(int.Parse(details!.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture));
        });

    /// <summary>Opens each page in both languages (signed in as the demo admin when asked) and collects the serious and
    /// critical violations axe-core finds; the test fails listing them.</summary>
    private static async Task AxeAsync(bool signIn, Func<IPage, string, Task<string[]>> pages)
    {
        BrowserSession.RequireChromium();
        var axe = Path.Combine(Tools(), "node_modules", "axe-core", "axe.min.js");
        await using var app = await AppProcess.StartAsync();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BrowserSession.LaunchAsync(playwright);
        var failures = new List<string>();

        foreach (var language in Languages)
        {
            // axe is injected as a script; the page's own CSP (no inline script) would refuse it.
            var context = await browser.NewContextAsync(new BrowserNewContextOptions
            {
                BaseURL = app.BaseAddress.ToString(), BypassCSP = true, Locale = language,
                ExtraHTTPHeaders = new Dictionary<string, string> { ["Accept-Language"] = language },
            });
            var page = await context.NewPageAsync();
            if (signIn)
            {
                await BrowserSession.SignInAsync(page, app.DemoAdminEmail, app.DemoAdminPassword);
            }
            foreach (var path in await pages(page, language))
            {
                var response = await page.GotoAsync(path);
                Assert.True(response!.Ok, $"{path}: {response.Status}");
                await page.AddScriptTagAsync(new PageAddScriptTagOptions { Path = axe });
                var violations = await page.EvaluateAsync<string[]>("""
                    async () => (await axe.run(document, { resultTypes: ['violations'] })).violations
                        .filter(v => v.impact === 'serious' || v.impact === 'critical')
                        .map(v => `${v.id} (${v.impact}): ${v.nodes.map(n => n.target.join(' ')).slice(0, 3).join('; ')}`)
                    """);
                failures.AddRange(violations.Select(v => $"{language} {path}: {v}"));
            }
            await context.CloseAsync();
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public async Task ReaderPages_PassHtmlValidate_InEitherLanguage()
    {
        var tools = Tools();
        await using var app = await AppProcess.StartAsync();
        using var http = new HttpClient { BaseAddress = app.BaseAddress };
        var folder = Directory.CreateTempSubdirectory("claimtracker-html-");
        var files = new List<string>();
        foreach (var language in Languages)
        {
            foreach (var (path, index) in Pages.Select((p, i) => (p, i)))
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, path);
                request.Headers.AcceptLanguage.ParseAdd(language);
                var response = await http.SendAsync(request);
                Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode}");
                var file = Path.Combine(folder.FullName, $"{language}-{index:00}.html");
                await File.WriteAllTextAsync(file, await response.Content.ReadAsStringAsync());
                files.Add(file);
            }
        }

        var start = new ProcessStartInfo("node") { WorkingDirectory = tools, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { Path.Combine("node_modules", "html-validate", "bin", "html-validate.mjs"), "--config", ".htmlvalidate.json" }.Concat(files))
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.True(process.ExitCode == 0, $"html-validate found errors in {files.Count} pages:{Environment.NewLine}{output}");
    }

    private static string Tools()
    {
        var tools = Path.Combine(AppProcess.FindRepositoryRoot(), "tests", "a11y");
        if (Directory.Exists(Path.Combine(tools, "node_modules", "axe-core")) && Directory.Exists(Path.Combine(tools, "node_modules", "html-validate")))
        {
            return tools;
        }
        var message = "tests/a11y/node_modules is missing: run ./test.sh (it runs npm ci there).";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail(message);
        }
        Assert.Skip(message);
        return tools;
    }
}
