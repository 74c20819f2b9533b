using System.Diagnostics.Metrics;
using System.IO.Compression;
using System.Net;
using System.Text.RegularExpressions;
using ClaimTracker.Domain.Accounts;
using ClaimTracker.Infrastructure.Claims;
using ClaimTracker.IntegrationTests.Infrastructure;
using ClaimTracker.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ClaimTracker.IntegrationTests.Public;

/// <summary>
/// What the output cache keeps for anonymous readers is answered ahead of the whole pipeline
/// (<see cref="FrontCache"/>). A reader must get exactly what the app would have sent — the same bytes and headers,
/// in their language and encoding, a change the moment it is approved — and a signed-in editor, a rate-limited
/// endpoint or a page the output cache does not keep must never be answered from it.
/// </summary>
[Trait("Needs", "SpeedCaches")]
public sealed partial class FrontCacheTests
{
    [Fact]
    public async Task ClaimPage_SecondView_IsAnsweredFromTheFrontCache_WithTheSameBytesAndHeaders()
    {
        using var factory = new ConfiguredFactory(new Dictionary<string, string>());
        var slug = await factory.PublishAsync(await factory.CreateClaimAsync("Nordkorea liefert Artillerie und Raketen an Russland",
            "„Nordkorea liefert Artilleriegeschosse und Raketen an Russland“, sagte der Sprecher."));
        var reader = factory.CreateBrowser();
        using var counted = new FrontCount(factory);

        var first = await reader.GetAsync($"/claims/{slug}");
        var second = await reader.GetAsync($"/claims/{slug}");

        Assert.Equal(["stored", "hit"], counted.Results);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(await first.Content.ReadAsByteArrayAsync(), await second.Content.ReadAsByteArrayAsync());
        Assert.Equal(first.Content.Headers.ContentType, second.Content.Headers.ContentType);
        foreach (var header in new[] { "X-Content-Type-Options", "X-Frame-Options", "Referrer-Policy", "Permissions-Policy", "Strict-Transport-Security" })
        {
            Assert.Equal(first.Headers.GetValues(header), second.Headers.GetValues(header));
        }
        // The same policy, with a nonce of its own (every response gets a new one).
        var policies = new[] { first, second }.Select(r => r.Headers.GetValues("Content-Security-Policy").Single()).ToArray();
        Assert.NotEqual(policies[0], policies[1]);
        Assert.Equal(Regex.Replace(policies[0], "'nonce-[^']+'", "'nonce-'"), Regex.Replace(policies[1], "'nonce-[^']+'", "'nonce-'"));
        Assert.Matches("'nonce-[A-Za-z0-9+/]{22}=='", policies[1]);
        Assert.True(second.Headers.Contains("Age"));
        var page = await Html.ParseAsync(second);
        Assert.Equal("Nordkorea liefert Artillerie und Raketen an Russland", page.GetElementById("claim-headline")!.TextContent);
    }

    [Fact]
    public async Task ApprovedChange_IsShownOnTheVeryNextRequest()
    {
        using var factory = new ConfiguredFactory(new Dictionary<string, string>());
        var id = await factory.CreateClaimAsync("Russland nahm die Ölexporte nach Nordkorea wieder auf");
        var slug = await factory.PublishAsync(id);
        var reader = factory.CreateBrowser();
        await reader.GetAsync($"/claims/{slug}");
        using var counted = new FrontCount(factory);
        Assert.Equal("Russland nahm die Ölexporte nach Nordkorea wieder auf", await HeadlineAsync(reader, slug));
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var version = (await scope.ServiceProvider.GetRequiredService<ClaimDetailsQuery>().GetAsync(id))!.Version;
            Assert.True((await scope.ServiceProvider.GetRequiredService<EditClaim>().EditAsync(id, version, new ClaimInput(
                "Russland liefert wieder Öl über das Limit hinaus", "Ein Satz, wie er gesagt wurde.", "de",
                null, null, false, null, null, null, [], [], null, null), "builder@example.org")).Succeeded);
        }
        await factory.PublishAsync(id);

        Assert.Equal("Russland liefert wieder Öl über das Limit hinaus", await HeadlineAsync(reader, slug));
        Assert.Equal("Russland liefert wieder Öl über das Limit hinaus", await HeadlineAsync(reader, slug));
        Assert.Equal(["hit", "stored", "hit"], counted.Results);
    }

    [Fact]
    public async Task ResponseRenderedWhileTheCacheWasEvicted_IsNotKept()
    {
        using var factory = new ConfiguredFactory(new Dictionary<string, string>());
        var cache = factory.Services.GetRequiredService<FrontCache>();
        var store = factory.Services.GetRequiredService<IOutputCacheStore>();

        // A request starts rendering; a save evicts the cache; the output cache then stores the (old) page.
        var capture = FrontCache.Watch(cache.Generation);
        await store.EvictByTagAsync(PublicCaching.Tag, default);
        await store.SetAsync("page", "alt"u8.ToArray(), [PublicCaching.Tag], TimeSpan.FromMinutes(1), default);
        var kept = cache.Store("key", capture, 200, [], null, "alt"u8.ToArray(), Environment.TickCount64);

        Assert.False(kept);
        Assert.False(cache.TryGet("key", Environment.TickCount64, out _));
    }

    [Fact]
    public async Task PageRenderedWhileASaveEvictedTheCache_IsKeptByNeitherCache()
    {
        using var factory = new ConfiguredFactory(new Dictionary<string, string>());
        var slug = await factory.PublishAsync(await factory.CreateClaimAsync("Nordkorea schickt Soldaten nach Kursk"));
        var evict = new EvictWhileRendering();
        using var app = factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
            services.Configure<MvcOptions>(options => options.Filters.Add(evict))));
        var reader = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false, BaseAddress = new Uri("https://localhost") });

        // The page reads its claim, then a save evicts the cached pages before the page is sent.
        evict.Armed = true;
        var overlapped = await reader.GetAsync($"/claims/{slug}");
        var next = await reader.GetAsync($"/claims/{slug}");
        var after = await reader.GetAsync($"/claims/{slug}");

        Assert.Equal(HttpStatusCode.OK, overlapped.StatusCode);
        Assert.False(next.Headers.Contains("Age"), "The page rendered across the eviction must not be answered from a cache.");
        Assert.True(after.Headers.Contains("Age"), "A page rendered with no eviction in between is kept as usual.");
    }

    [Fact]
    public void OverItsSize_TheLeastRecentlyReadResponsesMakeRoom_AndNoneOutlivesTheOutputCachesTime()
    {
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var settings = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Performance:FrontCacheMegabytes"] = "1" }).Build();
        using var cache = new FrontCache(settings, services.GetRequiredService<IMeterFactory>());
        var body = new byte[200 * 1024];
        var now = Environment.TickCount64;
        for (var page = 0; page < 5; page++)
        {
            Assert.True(cache.Store($"page{page}", KeptFor(cache, TimeSpan.FromMinutes(1)), 200, [], null, body, now + page));
        }
        Assert.True(cache.TryGet("page0", now + 10, out _));

        // Six of them do not fit in 1 MB: the least recently read go (page 0 was read last but one).
        Assert.True(cache.Store("page5", KeptFor(cache, TimeSpan.FromMinutes(1)), 200, [], null, body, now + 11));

        Assert.False(cache.TryGet("page1", now + 12, out _));
        Assert.False(cache.TryGet("page2", now + 12, out _));
        foreach (var kept in new[] { "page0", "page3", "page4", "page5" })
        {
            Assert.True(cache.TryGet(kept, now + 12, out _), kept);
        }
        Assert.False(cache.TryGet("page5", now + 11 + 60_000, out _));
    }

    private static FrontCache.Capture KeptFor(FrontCache cache, TimeSpan validFor)
    {
        var capture = FrontCache.Watch(cache.Generation);
        capture.ValidFor = validFor;
        return capture;
    }

    [Fact]
    public async Task SignedInEditor_IsNeverAnsweredFromTheFrontCache()
    {
        using var factory = new ConfiguredFactory(new Dictionary<string, string>());
        var slug = await factory.PublishAsync(await factory.CreateClaimAsync("Persönliche Seite für die Redaktion"));
        var anonymous = factory.CreateBrowser();
        await anonymous.GetAsync($"/claims/{slug}");
        await anonymous.GetAsync($"/claims/{slug}");
        var editor = await factory.SignedInAsync("front-cache@example.org", Roles.Editor);
        using var counted = new FrontCount(factory);

        var page = await editor.GetAsync($"/claims/{slug}");

        Assert.Empty(counted.Results);
        Assert.False(page.Headers.Contains("Age"));
        Assert.NotNull((await Html.ParseAsync(page)).GetElementById("logout-form"));
    }

    [Fact]
    public async Task Languages_AreKeptApart_ByHeaderAndByCookie()
    {
        using var factory = new ConfiguredFactory(new Dictionary<string, string>());
        var slug = await factory.PublishAsync(await factory.CreateClaimAsync("Nordkorea bestreitet die Lieferungen"));
        var client = WithoutCookies(factory);
        using var counted = new FrontCount(factory);

        for (var round = 0; round < 2; round++)
        {
            Assert.Equal("de", await LanguageAsync(client, slug, ("Accept-Language", "de-DE,de;q=0.9")));
            Assert.Equal("en", await LanguageAsync(client, slug, ("Accept-Language", "en-GB,en;q=0.9")));
            Assert.Equal("de", await LanguageAsync(client, slug, ("Accept-Language", "en-GB"), ("Cookie", ".AspNetCore.Culture=c%3Dde%7Cuic%3Dde")));
        }

        Assert.Equal(["stored", "stored", "stored", "hit", "hit", "hit"], counted.Results);
    }

    [Fact]
    public async Task CompressedAndPlainAnswers_AreKeptApart()
    {
        using var factory = new ConfiguredFactory(new Dictionary<string, string>());
        var slug = await factory.PublishAsync(await factory.CreateClaimAsync("Raketen über den Hafen Rajin"));
        var client = WithoutCookies(factory);
        using var counted = new FrontCount(factory);

        for (var round = 0; round < 2; round++)
        {
            using var gzip = new HttpRequestMessage(HttpMethod.Get, $"/claims/{slug}");
            gzip.Headers.Add("Accept-Encoding", "gzip");
            var compressed = await client.SendAsync(gzip);
            Assert.Equal(["gzip"], compressed.Content.Headers.ContentEncoding);
            await using var unzipped = new GZipStream(await compressed.Content.ReadAsStreamAsync(), CompressionMode.Decompress);
            Assert.Contains("den Hafen Rajin</h1>", await new StreamReader(unzipped).ReadToEndAsync());

            var plain = await client.GetAsync($"/claims/{slug}");
            Assert.Empty(plain.Content.Headers.ContentEncoding);
            Assert.Contains("den Hafen Rajin</h1>", await plain.Content.ReadAsStringAsync());
        }

        Assert.Equal(["stored", "stored", "hit", "hit"], counted.Results);
    }

    [Fact]
    public async Task PagesTheOutputCacheDoesNotKeep_AreNeverAnsweredFromIt()
    {
        using var factory = new ConfiguredFactory(new Dictionary<string, string>());
        var client = WithoutCookies(factory);
        using var counted = new FrontCount(factory);

        for (var round = 0; round < 2; round++)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/claims/gibt-es-nicht")).StatusCode);
            // The sign-in form sets an antiforgery cookie: never kept, a fresh token every time.
            var login = await client.GetAsync("/account/login");
            Assert.Equal(HttpStatusCode.OK, login.StatusCode);
            Assert.True(login.Headers.Contains("Set-Cookie"));
        }

        Assert.Equal(["miss", "miss", "miss", "miss"], counted.Results);
    }

    [Fact]
    public async Task RateLimitedApi_IsNeverAnsweredFromIt_SoEveryRequestIsCounted()
    {
        using var factory = new ConfiguredFactory(new Dictionary<string, string> { ["Security:RateLimits:PublicPerAddressPerMinute"] = "3" });
        var slug = await factory.PublishAsync(await factory.CreateClaimAsync("Die Eisenbahn bringt die Granaten an die Front"));
        var client = WithoutCookies(factory);
        using var counted = new FrontCount(factory);

        var answers = new List<HttpStatusCode>();
        for (var request = 0; request < 4; request++)
        {
            answers.Add((await client.GetAsync($"/api/claims/{slug}")).StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], answers);
        Assert.Equal(["miss", "miss", "miss", "miss"], counted.Results);
    }

    [Fact]
    public async Task RequestsWithOtherCookiesOrRevalidation_GoThroughThePipeline()
    {
        using var factory = new ConfiguredFactory(new Dictionary<string, string>());
        var slug = await factory.PublishAsync(await factory.CreateClaimAsync("Die Lieferungen laufen über die Eisenbahn"));
        var client = WithoutCookies(factory);
        await client.GetAsync($"/claims/{slug}");
        using var counted = new FrontCount(factory);

        using var withCookie = new HttpRequestMessage(HttpMethod.Get, $"/claims/{slug}");
        withCookie.Headers.Add("Cookie", ".AspNetCore.Identity.Application=erfunden");
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(withCookie)).StatusCode);
        using var revalidate = new HttpRequestMessage(HttpMethod.Get, $"/claims/{slug}");
        revalidate.Headers.Add("If-None-Match", "\"eine-andere-fassung\"");
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(revalidate)).StatusCode);
        using var head = new HttpRequestMessage(HttpMethod.Head, $"/claims/{slug}");
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(head)).StatusCode);

        Assert.Empty(counted.Results);
    }

    [Fact]
    public async Task FrontCache_CanBeSwitchedOff_LeavingTheOutputCache()
    {
        using var factory = new ConfiguredFactory(new Dictionary<string, string> { ["Performance:FrontCache"] = "false" });
        var slug = await factory.PublishAsync(await factory.CreateClaimAsync("Ohne vorderen Zwischenspeicher"));
        var reader = factory.CreateBrowser();
        using var counted = new FrontCount(factory);

        await reader.GetAsync($"/claims/{slug}");
        var second = await reader.GetAsync($"/claims/{slug}");

        Assert.True(second.Headers.Contains("Age"), "The output cache still answers.");
        Assert.Empty(counted.Results);
    }

}
