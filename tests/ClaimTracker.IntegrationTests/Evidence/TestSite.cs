using System.Text;
using ClaimTracker.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ClaimTracker.IntegrationTests.Evidence;

/// <summary>
/// A web server inside the test (Kestrel on a loopback port) serving the pages the evidence features meet on the web:
/// OpenGraph, JSON-LD and bare metadata, redirects to private addresses, a 20 MB body, a body that trickles a byte each time the test lets it,
/// and a page whose answer a test changes (alive, changed, gone).
/// </summary>
public sealed class TestSite : IAsyncDisposable
{
    private readonly WebApplication app;

    private TestSite(WebApplication app) => this.app = app;

    public int Port { get; private set; }

    public string Root => $"http://127.0.0.1:{Port}";

    /// <summary>What <c>/changing/{key}</c> answers: "a", "b" (other text) or "gone" (404).</summary>
    public Dictionary<string, string> Changing { get; } = new();

    /// <summary>Completed when /trickle has sent its first bytes.</summary>
    public TaskCompletionSource TrickleStarted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>
    /// /trickle sends one more byte each time the test releases this gate: a slow server whose pace the test sets, so that
    /// neither side keeps real time.
    /// </summary>
    public SemaphoreSlim TrickleGate { get; } = new(0);

    public static async Task<TestSite> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var site = new TestSite(app);
        app.MapGet("/og", () => Html("""
            <!doctype html><html lang="de"><head><meta charset="utf-8"><title>Fallback – Tagesblatt</title>
            <meta property="og:title" content="Nordkorea liefert Granaten an Russland">
            <meta property="og:site_name" content="Tagesblatt">
            <meta property="article:published_time" content="2024-11-05T00:30:00+01:00">
            <meta name="author" content="Anna Schmidt">
            </head><body><p>Artikeltext.</p></body></html>
            """));
        app.MapGet("/jsonld", () => Html("""
            <!doctype html><html><head><meta charset="utf-8"><title>Seite</title>
            <script type="application/ld+json">{ "broken": </script>
            <script type="application/ld+json">{"@context":"https://schema.org","@graph":[
              {"@type":"WebSite","name":"Ostsee-Rundschau"},
              {"@type":"NewsArticle","headline":"Kiew: Raketen aus Pjöngjang identifiziert","inLanguage":"uk",
               "datePublished":"2024-01-07T09:15:00Z","author":[{"@type":"Person","name":"Olena Kowal"},{"@type":"Person","name":"Jan Brandt"}],
               "publisher":{"@type":"Organization","name":"Ostsee-Rundschau"}}]}</script>
            </head><body>Text</body></html>
            """));
        app.MapGet("/bare", () => Html("""
            <html lang="en"><head><title>  UN panel   report on arms transfers </title>
            <meta name="author" content="Panel of Experts"><meta name="date" content="2024-03-07"></head><body>Report</body></html>
            """));
        app.MapGet("/latin1", () => Results.Bytes(Encoding.Latin1.GetBytes("<html lang=\"de\"><head><title>Größere Lieferungen über See</title></head><body></body></html>"),
            "text/html; charset=iso-8859-1"));
        app.MapGet("/redirect-metadata", () => Results.Redirect("http://169.254.169.254/latest/meta-data/"));
        app.MapGet("/redirect-loopback6", (HttpContext c) => Results.Redirect($"http://[::1]:{site.Port}/og"));
        app.MapGet("/redirect-og", () => Results.Redirect("/og"));
        app.MapGet("/redirect-loop/{n:int}", (int n) => Results.Redirect($"/redirect-loop/{n + 1}"));
        app.MapGet("/big", async (HttpContext context) =>
        {
            context.Response.ContentType = "text/html";
            var chunk = Encoding.ASCII.GetBytes(new string('a', 64 * 1024));
            for (var sent = 0; sent < 20 * 1024 * 1024 && !context.RequestAborted.IsCancellationRequested; sent += chunk.Length)
            {
                await context.Response.Body.WriteAsync(chunk, context.RequestAborted);
            }
        });
        app.MapGet("/trickle", async (HttpContext context) =>
        {
            context.Response.ContentType = "text/html";
            await context.Response.WriteAsync("<html>", context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
            site.TrickleStarted.TrySetResult();
            // A byte whenever the test lets one through, until the client gives up (the fetcher's clock decides when).
            while (!context.RequestAborted.IsCancellationRequested)
            {
                try
                {
                    await site.TrickleGate.WaitAsync(context.RequestAborted);
                    await context.Response.WriteAsync("x", context.RequestAborted);
                    await context.Response.Body.FlushAsync(context.RequestAborted);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        });
        app.MapGet("/script", () => Results.Text("console.log('x')", "application/javascript"));
        app.MapGet("/changing/{key}", (string key) => site.Changing.GetValueOrDefault(key, "a") switch
        {
            "gone" => Results.NotFound(),
            var state => Html($"<html lang=\"de\"><head><title>Stand {key}</title><script>var token='{Guid.NewGuid()}';</script></head><body><p>Inhalt {state}</p></body></html>"),
        });
        app.MapGet("/evil", () => Html(Evil));
        app.MapGet("/factchecks", () => Html(FactCheckPage));
        await app.StartAsync();
        site.Port = new Uri(app.Urls.First()).Port;
        return site;
    }

    /// <summary>A page that tries to read the viewer's cookies and send them home.</summary>
    public const string Evil = """
        <html><head><title>Evil</title></head><body><p id="p">harmless</p>
        <script>document.getElementById('p').textContent = 'RAN:' + document.cookie; document.title = 'RAN';</script></body></html>
        """;

    /// <summary>A fact-check site's page: two reviews in a JSON-LD @graph (one with a broken block before it) and one in microdata.</summary>
    public const string FactCheckPage = """
        <!doctype html><html lang="de"><head><title>Faktenchecks</title>
        <script type="application/ld+json">{ nicht json </script>
        <script type="application/ld+json">{"@context":"https://schema.org","@graph":[
          {"@type":"WebSite","name":"Prüfstelle"},
          {"@type":"ClaimReview","url":"https://pruefstelle.example/checks/granaten","datePublished":"2024-11-06",
           "claimReviewed":"Nordkorea hat keine Granaten an Russland geliefert","inLanguage":"de",
           "itemReviewed":{"@type":"Claim","author":{"@type":"Organization","name":"KCNA Watch Import","sameAs":"https://www.wikidata.org/wiki/Q99990001"},
             "datePublished":"2024-11-01","appearance":[{"@type":"CreativeWork","url":"https://staatsmedien.example/erklaerung"}]},
           "reviewRating":{"@type":"Rating","ratingValue":1,"bestRating":5,"worstRating":1,"alternateName":"Falsch"}},
          {"@type":"ClaimReview","url":"https://pruefstelle.example/checks/truppen","datePublished":"2024-11-08",
           "claimReviewed":"Nordkoreanische Soldaten kämpfen in Kursk","inLanguage":"de",
           "itemReviewed":{"@type":"Claim","author":{"@type":"Person","name":"Ein Sprecher"}},
           "reviewRating":{"@type":"Rating","ratingValue":"9","bestRating":"10","worstRating":"0"}}]}</script>
        </head><body>
        <div itemscope itemtype="https://schema.org/ClaimReview">
          <a itemprop="url" href="https://pruefstelle.example/checks/raketen">Zum Check</a>
          <meta itemprop="datePublished" content="2024-11-09">
          <p itemprop="claimReviewed">Russland setzt nordkoreanische Raketen ein</p>
          <div itemprop="reviewRating" itemscope itemtype="https://schema.org/Rating"><meta itemprop="alternateName" content="Corroborated"></div>
          <div itemprop="itemReviewed" itemscope itemtype="https://schema.org/Claim">
            <div itemprop="author" itemscope itemtype="https://schema.org/Organization"><span itemprop="name">Ukrainischer Geheimdienst Import</span></div>
          </div>
        </div>
        </body></html>
        """;

    private static IResult Html(string html) => Results.Content(html, "text/html; charset=utf-8");

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}

/// <summary>The app allowed to fetch from the test site (its loopback endpoint named in the settings, as nowhere in production).</summary>
public sealed class EvidenceFactory : IAsyncLifetime
{
    public TestSite Site { get; private set; } = null!;

    public ConfiguredFactory App { get; private set; } = null!;

    /// <summary>The same app as a production site configures it: no endpoint allowed beyond the address rules.</summary>
    public ClaimTrackerFactory Production { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Site = await TestSite.StartAsync();
        App = new ConfiguredFactory(new Dictionary<string, string>
        {
            ["OutgoingRequests:AllowedEndpoints:0"] = $"127.0.0.1:{Site.Port}",
            ["Security:RateLimits:PerAddressPerMinute"] = "1000",
            ["Security:RateLimits:PerAccountPer15Minutes"] = "1000",
        });
        Production = new ClaimTrackerFactory();
        // Readers may open copies here (an admin's decision; ReaderCopiesSettingTests covers both ways).
        await using var scope = App.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ClaimTracker.Infrastructure.Site.SitePublishing>().SetReadersMayOpenCopiesAsync(true, "admin@example.org");
    }

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        await Production.DisposeAsync();
        await Site.DisposeAsync();
    }
}
