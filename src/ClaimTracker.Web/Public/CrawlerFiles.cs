using System.Globalization;
using System.Text;
using System.Xml;
using ClaimTracker.Infrastructure.Claims;

namespace ClaimTracker.Web.Public;

/// <summary>
/// /robots.txt (staff areas off limits, the sitemap named), /sitemap.xml (a sitemap index, sitemaps.org 0.9) with
/// /sitemaps/pages.xml and /sitemaps/claims-{n}.xml, and /favicon.ico (the SVG icon): public, never a sign-in redirect.
/// </summary>
public static class CrawlerFiles
{
    private const string SitemapNamespace = "http://www.sitemaps.org/schemas/sitemap/0.9";

    private const string Icon = """<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#0b57a4"/><path d="M8 17l5 5 11-12" fill="none" stroke="#fff" stroke-width="4" stroke-linecap="round" stroke-linejoin="round"/></svg>""";

    public static void MapCrawlerFiles(this WebApplication app)
    {
        app.MapGet("/robots.txt", (Hosting.SiteAddress address, HttpContext context) => Results.Text(
            $"User-agent: *\nDisallow: /editor/\nDisallow: /admin/\nDisallow: /account/\nDisallow: /api/\n\nSitemap: {address.Origin(context.Request)}/sitemap.xml\n",
            "text/plain; charset=utf-8")).AllowAnonymous().CacheOutput(Hosting.PublicCaching.Policy);

        app.MapGet("/favicon.svg", () => Results.Text(Icon, "image/svg+xml")).AllowAnonymous().CacheOutput(Hosting.PublicCaching.Policy);
        app.MapGet("/favicon.ico", () => Results.Redirect("/favicon.svg", permanent: true)).AllowAnonymous();

        app.MapGet("/sitemap.xml", async (PublicSitemap sitemap, Hosting.SiteAddress address, HttpContext context) =>
        {
            var origin = address.Origin(context.Request);
            var files = (await sitemap.ClaimCountAsync(context.RequestAborted) + PublicSitemap.ClaimsPerFile - 1) / PublicSitemap.ClaimsPerFile;
            return Xml(writer =>
            {
                writer.WriteStartElement("sitemapindex", SitemapNamespace);
                foreach (var path in Enumerable.Range(1, files).Select(n => $"/sitemaps/claims-{n}.xml").Prepend("/sitemaps/pages.xml"))
                {
                    writer.WriteStartElement("sitemap", SitemapNamespace);
                    writer.WriteElementString("loc", SitemapNamespace, origin + path);
                    writer.WriteEndElement();
                }
                writer.WriteEndElement();
            });
        }).AllowAnonymous().CacheOutput(Hosting.PublicCaching.Policy);

        app.MapGet("/sitemaps/pages.xml", async (PublicSitemap sitemap, Hosting.SiteAddress address, HttpContext context) =>
        {
            var origin = address.Origin(context.Request);
            var (actors, topics) = await sitemap.IndexPagesAsync(context.RequestAborted);
            var paths = new[] { "/", "/claims", "/statuses", "/about", "/corrections" }
                .Concat(actors.Select(a => "/actors/" + Uri.EscapeDataString(a))).Concat(topics.Select(t => "/topics/" + Uri.EscapeDataString(t)));
            return Xml(writer => UrlSet(writer, paths.Select(p => (origin + p, (DateTime?)null))));
        }).AllowAnonymous().CacheOutput(Hosting.PublicCaching.Policy);

        app.MapGet("/sitemaps/claims-{page:int}.xml", async (int page, PublicSitemap sitemap, Hosting.SiteAddress address, HttpContext context) =>
        {
            if (page < 1)
            {
                return Results.NotFound();
            }
            var claims = await sitemap.ClaimsAsync(page, context.RequestAborted);
            if (claims.Count == 0)
            {
                return Results.NotFound();
            }
            var origin = address.Origin(context.Request);
            return Xml(writer => UrlSet(writer, claims.Select(c => ($"{origin}/claims/{Uri.EscapeDataString(c.Slug)}", c.ApprovedAtUtc))));
        }).AllowAnonymous().CacheOutput(Hosting.PublicCaching.Policy);
    }

    private static void UrlSet(XmlWriter writer, IEnumerable<(string Location, DateTime? Modified)> urls)
    {
        writer.WriteStartElement("urlset", SitemapNamespace);
        foreach (var (location, modified) in urls)
        {
            writer.WriteStartElement("url", SitemapNamespace);
            writer.WriteElementString("loc", SitemapNamespace, location);
            if (modified is { } time)
            {
                writer.WriteElementString("lastmod", SitemapNamespace,
                    DateTime.SpecifyKind(time, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
            }
            writer.WriteEndElement();
        }
        writer.WriteEndElement();
    }

    private static IResult Xml(Action<XmlWriter> write)
    {
        var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Async = false }))
        {
            writer.WriteStartDocument();
            write(writer);
            writer.WriteEndDocument();
        }
        return Results.Bytes(buffer.ToArray(), "application/xml; charset=utf-8");
    }
}
