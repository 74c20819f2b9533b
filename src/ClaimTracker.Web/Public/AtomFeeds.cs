using System.Text;
using System.Xml;
using ClaimTracker.Infrastructure.Claims;
using ClaimTracker.Infrastructure.Site;

namespace ClaimTracker.Web.Public;

/// <summary>
/// Atom 1.0 (RFC 4287) feeds of published status changes, corrections and withdrawals, written with XmlWriter: every change
/// site-wide, one claim's timeline, one topic's claims. Feed and entry ids are URNs of the claim, status change, correction or
/// withdrawal, stable when a claim's slug changes.
/// </summary>
public static class AtomFeeds
{
    private const string AtomNamespace = "http://www.w3.org/2005/Atom";

    public static void MapAtomFeeds(this WebApplication app)
    {
        app.MapGet("/feeds/claims.atom", (PublicClaims claims, SitePublishing site, HttpContext context) =>
            WriteAsync(context, claims, site, "urn:claimtracker:feed:claims", "All status changes", "/claims", null, null)).AllowAnonymous().CacheOutput(Hosting.PublicCaching.Policy);

        // A claim's feed is named by the claim's id, never its slug: an approved slug change keeps subscribers' feed.
        app.MapGet("/claims/{slug}/feed.atom", async (string slug, PublicClaims claims, SitePublishing site, HttpContext context) =>
            await claims.FeedClaimAsync(slug, context.RequestAborted) is { } claimId
                ? await WriteAsync(context, claims, site, $"urn:claimtracker:feed:claim:{claimId}", "Status changes of this claim", $"/claims/{slug}", claimId, null)
                : await claims.MovedToAsync(slug, context.RequestAborted) is { } current
                    ? Results.Redirect($"/claims/{Uri.EscapeDataString(current)}/feed.atom", permanent: true)
                    : Results.NotFound()).AllowAnonymous().CacheOutput(Hosting.PublicCaching.Policy);

        app.MapGet("/topics/{slug}/feed.atom", async (string slug, PublicClaims claims, SitePublishing site, HttpContext context) =>
            await claims.TopicHasFeedAsync(slug, context.RequestAborted)
                ? await WriteAsync(context, claims, site, $"urn:claimtracker:feed:topic:{slug}", "Status changes in this topic", $"/topics/{slug}", null, slug)
                : Results.NotFound()).AllowAnonymous().CacheOutput(Hosting.PublicCaching.Policy);
    }

    private static async Task<IResult> WriteAsync(HttpContext context, PublicClaims claims, SitePublishing site, string feedId,
        string title, string alternatePath, int? claimId, string? topicSlug)
    {
        var entries = await claims.FeedAsync(claimId, topicSlug, cancellationToken: context.RequestAborted);
        var publisher = await site.GetAsync(context.RequestAborted);
        var origin = context.RequestServices.GetRequiredService<Hosting.SiteAddress>().Origin(context.Request);
        var updated = entries.Count == 0 ? DateTime.UnixEpoch : entries.Max(e => e.PublishedAtUtc);

        var buffer = new StringBuilder();
        await using (var xml = XmlWriter.Create(buffer, new XmlWriterSettings { Async = true, Indent = true, OmitXmlDeclaration = false }))
        {
            await xml.WriteStartDocumentAsync();
            xml.WriteStartElement("feed", AtomNamespace);
            xml.WriteElementString("id", AtomNamespace, feedId);
            xml.WriteElementString("title", AtomNamespace, XmlText($"{publisher.PublisherName}: {title}"));
            xml.WriteElementString("updated", AtomNamespace, Timestamp(updated));
            Link(xml, "self", origin + context.Request.Path, "application/atom+xml");
            Link(xml, "alternate", origin + alternatePath, "text/html");
            xml.WriteStartElement("author", AtomNamespace);
            xml.WriteElementString("name", AtomNamespace, XmlText(publisher.PublisherName));
            xml.WriteEndElement();
            foreach (var entry in entries)
            {
                xml.WriteStartElement("entry", AtomNamespace);
                xml.WriteElementString("id", AtomNamespace, entry.EntryId);
                xml.WriteElementString("title", AtomNamespace, XmlText(entry.Status is { } status
                    ? $"{(entry.IsCorrection ? "Correction: " : "")}{status.Name} – {entry.Headline}"
                    : $"{(entry.IsWithdrawal ? "Withdrawn" : "Correction")} – {entry.Headline}"));
                xml.WriteElementString("updated", AtomNamespace, Timestamp(entry.PublishedAtUtc));
                xml.WriteElementString("published", AtomNamespace, Timestamp(entry.PublishedAtUtc));
                Link(xml, "alternate", $"{origin}/claims/{entry.Slug}", "text/html");
                if (entry.Status is { } category)
                {
                    xml.WriteStartElement("category", AtomNamespace);
                    xml.WriteAttributeString("term", category.Key);
                    xml.WriteAttributeString("label", XmlText(category.Name));
                    xml.WriteEndElement();
                }
                xml.WriteStartElement("summary", AtomNamespace);
                xml.WriteAttributeString("type", "text");
                xml.WriteString(XmlText(entry.Status is { } summary
                    ? $"{summary.Name} as of {entry.EffectiveOn:yyyy-MM-dd}: {entry.Headline}"
                    : entry.IsWithdrawal
                        ? $"Withdrawn: “{entry.Headline}”. {entry.CorrectionNote}"
                        : $"Correction to “{entry.Headline}”: {entry.CorrectionNote}"));
                xml.WriteEndElement();
                xml.WriteStartElement("content", AtomNamespace);
                xml.WriteAttributeString("type", "html");
                xml.WriteString(XmlText(entry.ContentHtml));
                xml.WriteEndElement();
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
            await xml.WriteEndDocumentAsync();
        }
        // The writer declares UTF-16 for a StringBuilder; the response is UTF-8.
        var text = buffer.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\"", StringComparison.Ordinal);
        // Feed readers poll: validators let them ask "changed since?" and get a 304.
        return ConditionalAnswer.For(context, Encoding.UTF8.GetBytes(text), "application/atom+xml; charset=utf-8",
            entries.Count == 0 ? null : updated, maxAgeSeconds: 300);
    }

    private static void Link(XmlWriter xml, string rel, string href, string type)
    {
        xml.WriteStartElement("link", AtomNamespace);
        xml.WriteAttributeString("rel", rel);
        xml.WriteAttributeString("type", type);
        xml.WriteAttributeString("href", href);
        xml.WriteEndElement();
    }

    /// <summary>
    /// Text as XML 1.0 can carry it. Forms refuse what it cannot (control characters, U+FFFE/U+FFFF); text stored before they
    /// did, or brought in by other means, loses those characters here instead of breaking the whole feed.
    /// </summary>
    private static string XmlText(string text)
    {
        var kept = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i]))
            {
                kept.Append(text, i++, 2);
            }
            else if (XmlConvert.IsXmlChar(text[i]))
            {
                kept.Append(text[i]);
            }
        }
        return kept.Length == text.Length ? text : kept.ToString();
    }

    private static string Timestamp(DateTime utc) =>
        DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
