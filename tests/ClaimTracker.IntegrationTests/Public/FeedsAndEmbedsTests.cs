using System.Net;
using System.Xml.Linq;
using ClaimTracker.Infrastructure.Seeding;
using ClaimTracker.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ClaimTracker.IntegrationTests.Public;

public sealed class FeedsAndEmbedsTests(DevelopmentFactory factory) : IClassFixture<DevelopmentFactory>
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    [Theory]
    [InlineData("/feeds/claims.atom")]
    [InlineData("/claims/" + DemoData.ArmsSlug + "/feed.atom")]
    [InlineData("/topics/waffenlieferungen/feed.atom")]
    public async Task Feed_IsValidAtomWithStableEntryIds(string path)
    {
        var response = await factory.CreateBrowser().GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType!.MediaType);
        // UTF-8 as declared, without a byte order mark, its length announced (the body is written from pooled buffers).
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(bytes.Length, response.Content.Headers.ContentLength);
        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>", System.Text.Encoding.UTF8.GetString(bytes));
        var feed = XDocument.Parse(System.Text.Encoding.UTF8.GetString(bytes)).Root!;
        Assert.Equal(Atom + "feed", feed.Name);
        foreach (var required in new[] { "id", "title", "updated" })
        {
            Assert.False(string.IsNullOrWhiteSpace(feed.Element(Atom + required)?.Value), required);
        }
        Assert.NotNull(feed.Element(Atom + "author")?.Element(Atom + "name"));
        Assert.Contains(feed.Elements(Atom + "link"), l => (string?)l.Attribute("rel") == "self");
        var entries = feed.Elements(Atom + "entry").ToList();
        Assert.NotEmpty(entries);
        Assert.All(entries, e =>
        {
            Assert.StartsWith("urn:claimtracker:status-change:", e.Element(Atom + "id")!.Value);
            Assert.True(DateTimeOffset.TryParse(e.Element(Atom + "updated")!.Value, out _));
            Assert.NotNull(e.Elements(Atom + "link").SingleOrDefault(l => (string?)l.Attribute("rel") == "alternate"));
            Assert.Equal("html", (string?)e.Element(Atom + "content")!.Attribute("type"));
        });
        Assert.Equal(entries.Count, entries.Select(e => e.Element(Atom + "id")!.Value).Distinct().Count());
    }

    [Theory]
    [InlineData("/feeds/claims.atom")]
    [InlineData("/claims/nordkorea-liefert-russland-artillerie-und-raketen/feed.atom")]
    public async Task Feed_CarriesValidators_AndAnswers304WhenUnchanged(string path)
    {
        var client = factory.CreateBrowser();
        var first = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var etag = first.Headers.ETag!;
        var modified = first.Content.Headers.LastModified!.Value;
        Assert.Contains("max-age=300", first.Headers.CacheControl!.ToString());

        var byTag = new HttpRequestMessage(HttpMethod.Get, path);
        byTag.Headers.IfNoneMatch.Add(etag);
        Assert.Equal(HttpStatusCode.NotModified, (await client.SendAsync(byTag)).StatusCode);
        var byDate = new HttpRequestMessage(HttpMethod.Get, path);
        byDate.Headers.IfModifiedSince = modified;
        Assert.Equal(HttpStatusCode.NotModified, (await client.SendAsync(byDate)).StatusCode);
        var stale = new HttpRequestMessage(HttpMethod.Get, path);
        stale.Headers.IfNoneMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue("\"0000\""));
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(stale)).StatusCode);
    }

    [Fact]
    public async Task ClaimFeed_HasTheWholeTimelineOfThatClaim()
    {
        var feed = XDocument.Parse(await (await factory.CreateBrowser().GetAsync($"/claims/{DemoData.ArmsSlug}/feed.atom")).Content.ReadAsStringAsync());
        var titles = feed.Root!.Elements(Atom + "entry").Select(e => e.Element(Atom + "title")!.Value).ToList();
        Assert.Equal(4, titles.Count);
        Assert.All(titles, t => Assert.EndsWith("Nordkorea liefert Russland Artillerie und Raketen", t));
    }

    [Fact]
    public async Task Draft_Is404OnFeedBadgeAndEmbed_AndMissingFromTheSiteFeed()
    {
        var id = await factory.CreateClaimAsync("Entwurf für Feeds " + Guid.NewGuid().ToString("N")[..6]);
        await factory.SetStatusAsync(id, "false", new DateOnly(2024, 1, 2));
        var slug = await factory.WithDbAsync(db => db.Claims.Where(c => c.Id == id).Select(c => c.Slug).SingleAsync());
        var reader = factory.CreateBrowser();

        foreach (var path in new[] { $"/claims/{slug}/feed.atom", $"/claims/{slug}/badge.svg", $"/claims/{slug}/embed", $"/claims/{slug}" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync(path)).StatusCode);
        }
        Assert.DoesNotContain("Entwurf für Feeds", await (await reader.GetAsync("/feeds/claims.atom")).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Badge_IsAnAccessibleSvgWithTheStatus()
    {
        var response = await factory.CreateBrowser().GetAsync($"/claims/{DemoData.ArmsSlug}/badge.svg");

        Assert.Equal("image/svg+xml", response.Content.Headers.ContentType!.MediaType);
        var svg = XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!;
        Assert.Equal("img", (string?)svg.Attribute("role"));
        Assert.Equal("Claim status: Corroborated since 2024-11-30", (string?)svg.Attribute("aria-label"));
        Assert.Equal("Claim status: Corroborated since 2024-11-30", svg.Element(XNamespace.Get("http://www.w3.org/2000/svg") + "title")!.Value);
    }

    [Fact]
    public async Task Embed_IsTheOnlyPageOtherSitesMayFrame()
    {
        var reader = factory.CreateBrowser();
        var embed = await reader.GetAsync($"/claims/{DemoData.ArmsSlug}/embed");
        var page = await reader.GetAsync($"/claims/{DemoData.ArmsSlug}");

        Assert.Contains("frame-ancestors *", string.Join(" ", embed.Headers.GetValues("Content-Security-Policy")));
        Assert.False(embed.Headers.Contains("X-Frame-Options"));
        Assert.Contains("frame-ancestors 'none'", string.Join(" ", page.Headers.GetValues("Content-Security-Policy")));
        Assert.Equal("DENY", page.Headers.GetValues("X-Frame-Options").Single());
        var card = await Html.ParseAsync(embed);
        Assert.Equal("Corroborated", card.QuerySelector("#embed-card .status-badge")!.TextContent);
    }

    [Fact]
    public async Task Embed_AnsweredFromTheOutputCache_MayStillBeFramed()
    {
        // A cookie keeps the request off the front cache: the output cache answers, and the page's handler does not run.
        var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { HandleCookies = false, BaseAddress = new Uri("https://localhost") });
        HttpResponseMessage embed = null!;
        for (var request = 0; request < 2; request++)
        {
            using var get = new HttpRequestMessage(HttpMethod.Get, $"/claims/{DemoData.ArmsSlug}/embed");
            get.Headers.Add("Cookie", "leser=1");
            embed = await client.SendAsync(get);
        }

        Assert.True(embed.Headers.Contains("Age"), "The second request should come from the output cache.");
        Assert.Contains("frame-ancestors *", string.Join(" ", embed.Headers.GetValues("Content-Security-Policy")));
        Assert.False(embed.Headers.Contains("X-Frame-Options"));
    }
}
