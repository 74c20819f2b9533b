using System.Net;
using System.Xml.Linq;
using ClaimTracker.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ClaimTracker.IntegrationTests.Public;

/// <summary>robots.txt, the sitemap and the icon are public files, never a sign-in redirect; the sitemap lists exactly what readers may see.</summary>
public sealed class CrawlerFilesTests(DevelopmentFactory factory) : IClassFixture<DevelopmentFactory>
{
    private static readonly XNamespace Sitemap = "http://www.sitemaps.org/schemas/sitemap/0.9";

    [Fact]
    public async Task Robots_KeepsCrawlersOutOfStaffAreas_AndNamesTheSitemap()
    {
        var response = await factory.CreateBrowser().GetAsync("/robots.txt");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType!.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains("Disallow: /editor/", text);
        Assert.Contains("Disallow: /admin/", text);
        Assert.Matches(@"(?m)^Sitemap: https?://[^/\s]+/sitemap\.xml$", text);
    }

    [Fact]
    public async Task Favicon_IsServed_NotASignInRedirect()
    {
        var client = factory.CreateBrowser();
        var ico = await client.GetAsync("/favicon.ico");
        Assert.Equal(HttpStatusCode.MovedPermanently, ico.StatusCode);
        Assert.Equal("/favicon.svg", ico.Headers.Location!.OriginalString);
        var svg = await client.GetAsync("/favicon.svg");
        Assert.Equal("image/svg+xml", svg.Content.Headers.ContentType!.MediaType);
        Assert.Equal("svg", XDocument.Parse(await svg.Content.ReadAsStringAsync()).Root!.Name.LocalName);
    }

    [Fact]
    public async Task Sitemap_ListsEveryPublishedClaimAndTheIndexPages_AndNoDraft()
    {
        var draft = await factory.CreateClaimAsync("Entwurf, nie veröffentlicht " + Guid.NewGuid().ToString("N")[..6]);
        var draftSlug = await factory.WithDbAsync(db => db.Claims.Where(c => c.Id == draft).Select(c => c.Slug).SingleAsync());
        var client = factory.CreateBrowser();

        var index = XDocument.Parse(await client.GetStringAsync("/sitemap.xml"));
        Assert.Equal(Sitemap + "sitemapindex", index.Root!.Name);
        var files = index.Root.Elements(Sitemap + "sitemap").Select(s => new Uri(s.Element(Sitemap + "loc")!.Value).AbsolutePath).ToList();
        Assert.Equal(["/sitemaps/pages.xml", "/sitemaps/claims-1.xml"], files);

        var claims = XDocument.Parse(await client.GetStringAsync("/sitemaps/claims-1.xml"));
        Assert.Equal(Sitemap + "urlset", claims.Root!.Name);
        var urls = claims.Root.Elements(Sitemap + "url").ToList();
        var published = await factory.WithDbAsync(db => db.Claims.Where(c => c.IsPublic && c.PublishedVersion != null).Select(c => c.Slug).ToListAsync());
        Assert.Equal(published.Order(), urls.Select(u => new Uri(u.Element(Sitemap + "loc")!.Value).AbsolutePath["/claims/".Length..]).Select(Uri.UnescapeDataString).Order());
        Assert.DoesNotContain(urls, u => u.Element(Sitemap + "loc")!.Value.EndsWith("/" + draftSlug));
        Assert.All(urls, u => Assert.True(DateTimeOffset.TryParse(u.Element(Sitemap + "lastmod")!.Value, out _)));

        var pages = XDocument.Parse(await client.GetStringAsync("/sitemaps/pages.xml"));
        var paths = pages.Root!.Elements(Sitemap + "url").Select(u => new Uri(u.Element(Sitemap + "loc")!.Value).AbsolutePath).ToList();
        Assert.Contains("/actors/nordkorea", paths);
        Assert.Contains("/topics/waffenlieferungen", paths);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/sitemaps/claims-2.xml")).StatusCode);
    }
}
