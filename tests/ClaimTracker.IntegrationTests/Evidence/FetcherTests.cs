using ClaimTracker.Domain.Accounts;
using ClaimTracker.Infrastructure.Evidence;
using ClaimTracker.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ClaimTracker.IntegrationTests.Evidence;

/// <summary>
/// "Fetch details" fills the source form from the page's own metadata and keeps a copy; the fetcher refuses every address
/// that could turn it against us, with a message, storing nothing.
/// </summary>
public sealed class FetcherTests(EvidenceFactory evidence) : IClassFixture<EvidenceFactory>
{
    private TestSite Site => evidence.Site;

    private static async Task<FetchResult> FetchAsync(ClaimTrackerFactory app, string address)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<GuardedFetcher>().FetchAsync(address);
    }

    private async Task<(HttpClient Editor, AngleSharp.Dom.IDocument Form, int ClaimId)> SourceFormAsync(ClaimTrackerFactory app)
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var claim = await app.CreateClaimAsync("Quelle holen " + tag);
        var editor = await app.SignedInAsync($"holen-{tag}@example.org", Roles.Editor);
        return (editor, await editor.GetAsync($"/editor/claims/source/{claim}", expectOk: true), claim);
    }

    [Fact]
    public async Task FetchDetails_FillsTheFormFromOpenGraph_AndTheCreatedSourceKeepsTheCopy()
    {
        await using (var scope = evidence.App.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ClaimTracker.Infrastructure.Claims.ActorDirectory>()
                .CreateAsync(new ClaimTracker.Domain.Claims.Actor.Draft("Tagesblatt", ClaimTracker.Domain.Claims.ActorKind.NewsOutlet, null, null, null, "independent"));
        }
        var (editor, form, claimId) = await SourceFormAsync(evidence.App);

        var filled = await Html.ParseAsync(await editor.SubmitWithAsync(form, "new-source-form", "fetch-submit", ("Source.Url", Site.Root + "/redirect-og")));

        Assert.Equal(Site.Root + "/og", filled.QuerySelector("#Source_Url")!.GetAttribute("value"));
        Assert.Equal("Nordkorea liefert Granaten an Russland", filled.QuerySelector("#Source_Title")!.GetAttribute("value"));
        Assert.Equal("Anna Schmidt", filled.QuerySelector("#Source_Author")!.GetAttribute("value"));
        Assert.Equal("2024-11-05", filled.QuerySelector("#Source_PublishedOn")!.GetAttribute("value"));
        Assert.Equal("de", filled.QuerySelector("#Source_Language")!.GetAttribute("value"));
        Assert.Equal("Tagesblatt", filled.QuerySelector("#Source_OutletId option[selected]")!.TextContent);
        Assert.Contains("Check them", filled.GetElementById("fetch-note")!.TextContent);

        var created = await editor.SubmitAsync(filled, "new-source-form", ("Link.Stance", "Supports"));

        Assert.Equal(System.Net.HttpStatusCode.Redirect, created.StatusCode);
        var (sourceId, copies) = await evidence.App.WithDbAsync(async db =>
        {
            var id = await db.ClaimSources.Where(c => c.ClaimId == claimId).Select(c => c.SourceId).SingleAsync();
            return (id, await db.SourceCaptures.Where(c => c.SourceId == id).ToListAsync());
        });
        var copy = Assert.Single(copies);
        Assert.Equal(Site.Root + "/og", copy.FinalUrl);
        Assert.Equal(200, copy.HttpStatus);
        Assert.Equal("text/html", copy.ContentType);
        var page = await editor.GetAsync($"/editor/sources/{sourceId}/evidence", expectOk: true);
        Assert.Contains(copy.Sha256, page.GetElementById("copies")!.TextContent);
        Assert.True(await evidence.App.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == ClaimTracker.Domain.Auditing.AuditAction.SourcePageCaptured && a.Details.Contains(copy.Sha256))));
    }

    [Fact]
    public async Task JsonLdAndBareMetadata_AreRead()
    {
        var ld = await evidence.App.Services.CreateAsyncScope().ServiceProvider.GetRequiredService<EvidenceLibrary>()
            .FetchAsync(Site.Root + "/jsonld", null, "fetch@example.org");
        Assert.Equal(new PageMetadata("Kiew: Raketen aus Pjöngjang identifiziert", "Ostsee-Rundschau", "Olena Kowal, Jan Brandt", new DateOnly(2024, 1, 7), "uk"), ld.Metadata);

        var bare = await evidence.App.Services.CreateAsyncScope().ServiceProvider.GetRequiredService<EvidenceLibrary>()
            .FetchAsync(Site.Root + "/bare", null, "fetch@example.org");
        Assert.Equal(new PageMetadata("UN panel report on arms transfers", null, "Panel of Experts", new DateOnly(2024, 3, 7), "en"), bare.Metadata);

        var latin = await evidence.App.Services.CreateAsyncScope().ServiceProvider.GetRequiredService<EvidenceLibrary>()
            .FetchAsync(Site.Root + "/latin1", null, "fetch@example.org");
        Assert.Equal("Größere Lieferungen über See", latin.Metadata.Title);
    }

    [Theory]
    [InlineData("{root}/og", "loopback")]
    [InlineData("http://localhost:{port}/og", "loopback")]
    [InlineData("http://[::ffff:127.0.0.1]:{port}/og", "loopback")]
    [InlineData("http://[::1]:{port}/og", "loopback")]
    [InlineData("http://169.254.169.254/latest/meta-data/", "link-local")]
    [InlineData("http://10.1.2.3/", "private")]
    [InlineData("http://0.0.0.0:{port}/", "unspecified")]
    [InlineData("file:///etc/passwd", "Only http and https")]
    [InlineData("ftp://example.org/file", "Only http and https")]
    [InlineData("gopher://example.org/", "Only http and https")]
    public async Task TheProductionFetcher_RefusesAddressesThatLeadInside(string address, string because)
    {
        var result = await FetchAsync(evidence.Production, address.Replace("{root}", Site.Root).Replace("{port}", Site.Port.ToString()));

        Assert.False(result.Succeeded);
        Assert.Contains(because, result.Refusal);
        Assert.Null(result.Body);
    }

    [Fact]
    public async Task ARefusedFetch_ShowsItsReasonNextToTheAddress_AndStoresNothing()
    {
        var (editor, form, _) = await SourceFormAsync(evidence.Production);
        var before = await evidence.Production.WithDbAsync(db => db.SourceCaptures.CountAsync());

        var page = await Html.ParseAsync(await editor.SubmitWithAsync(form, "new-source-form", "fetch-submit",
            ("Source.Url", Site.Root + "/og"), ("Source.Title", "getippt")));

        Assert.Contains("loopback", page.QuerySelector("#Source_Url ~ .field-error")!.TextContent);
        Assert.Equal("getippt", page.QuerySelector("#Source_Title")!.GetAttribute("value"));
        Assert.Equal(before, await evidence.Production.WithDbAsync(db => db.SourceCaptures.CountAsync()));
        Assert.Equal(0, await evidence.Production.WithDbAsync(db => db.StoredBlobs.CountAsync()));
    }

    [Theory]
    [InlineData("/redirect-metadata", "169.254.169.254")]
    [InlineData("/redirect-loopback6", "loopback")]
    [InlineData("/redirect-loop/0", "more than 5 times")]
    [InlineData("/big", "larger than 5 MB")]
    [InlineData("/script", "only web pages, PDF and images")]
    public async Task EvenFromAnAllowedServer_RedirectsInsideAndOversizedAnswersAreRefused(string path, string because)
    {
        var result = await FetchAsync(evidence.App, Site.Root + path);

        Assert.False(result.Succeeded, result.Refusal);
        Assert.Contains(because, result.Refusal);
    }

    [Fact]
    public async Task ABodyThatTrickles_IsGivenUpAfterTenSecondsOnTheFetchersClock()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var options = evidence.App.Services.GetRequiredService<IOptions<OutgoingRequestOptions>>();
        var fetcher = new GuardedFetcher(evidence.App.Services.GetRequiredService<IHttpClientFactory>(), options, clock);

        var fetching = fetcher.FetchAsync(Site.Root + "/trickle");
        await Site.TrickleStarted.Task.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        // Bytes keep coming, slowly: 9 s on the fetcher's clock with a byte now and then is not yet too long.
        Site.TrickleGate.Release();
        clock.Advance(TimeSpan.FromSeconds(9));
        Site.TrickleGate.Release();
        Assert.False(fetching.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(1));
        var result = await fetching.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        Assert.False(result.Succeeded);
        Assert.Contains("longer than 10 seconds", result.Refusal);
    }

    [Fact]
    public async Task ACopyFetchedForASourceNeverCreated_IsForgotten_WhileAdoptedCopiesStay()
    {
        await using var scope = evidence.App.Services.CreateAsyncScope();
        var library = scope.ServiceProvider.GetRequiredService<EvidenceLibrary>();
        var abandoned = await library.FetchAsync(Site.Root + "/bare", null, "verworfen@example.org");
        var (_, kept) = await evidence.App.CreateActorAndSourceAsync();
        var adopted = await library.FetchAsync(Site.Root + "/jsonld", int.Parse(kept), "behalten@example.org");
        var sha = await evidence.App.WithDbAsync(db => db.SourceCaptures.Where(c => c.Id == abandoned.CaptureId).Select(c => c.Sha256).SingleAsync());

        // A copy made a moment ago is not older than a minute ago: it stays (the editor may still create the source).
        await library.ForgetUnadoptedAsync(DateTime.UtcNow.AddMinutes(-1));
        Assert.True(await evidence.App.WithDbAsync(db => db.SourceCaptures.AnyAsync(c => c.Id == abandoned.CaptureId)));

        Assert.True(await library.ForgetUnadoptedAsync(DateTime.UtcNow.AddMinutes(1)) >= 1);

        Assert.False(await evidence.App.WithDbAsync(db => db.SourceCaptures.AnyAsync(c => c.Id == abandoned.CaptureId)));
        Assert.False(await evidence.App.WithDbAsync(db => db.StoredBlobs.AnyAsync(b => b.Sha256 == sha)));
        Assert.True(await evidence.App.WithDbAsync(db => db.SourceCaptures.AnyAsync(c => c.Id == adopted.CaptureId)));
    }
}
