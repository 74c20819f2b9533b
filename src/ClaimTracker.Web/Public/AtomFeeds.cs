using System.Text;
using System.Xml;
using ClaimTracker.Infrastructure.Claims;
using ClaimTracker.Infrastructure.Site;
using ClaimTracker.Web.Localisation;

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
        app.MapGet("/feeds/claims.atom", (PublicFeeds claims, HttpContext context) =>
            WriteAsync(context, claims, new FeedSubject("urn:claimtracker:feed:claims", Ui.T("All status changes"), "/claims"),
                Ui.T("Every published status change, correction and withdrawal."), null, null, null)).AllowAnonymous().CacheOutput(Hosting.PublicCaching.Policy);

        // A claim's feed is named by the claim's id, never its slug: an approved slug change keeps subscribers' feed.
        app.MapGet("/claims/{slug}/feed.atom", async (string slug, PublicFeeds claims, PublicClaimPage pages, HttpContext context) =>
            await claims.FeedClaimAsync(slug, context.RequestAborted) is var (claimId, subject)
                ? await WriteAsync(context, claims, subject, Ui.T("Status changes of this claim"), claimId, null, null)
                : await pages.MovedToAsync(slug, context.RequestAborted) is { } current
                    ? Results.Redirect($"/claims/{Uri.EscapeDataString(current)}/feed.atom", permanent: true)
                    : Results.NotFound()).AllowAnonymous().CacheOutput(Hosting.PublicCaching.Policy);

        app.MapGet("/topics/{slug}/feed.atom", async (string slug, PublicFeeds claims, HttpContext context) =>
            await claims.TopicFeedAsync(slug, context.RequestAborted) is { } subject
                ? await WriteAsync(context, claims, subject, Ui.T("Status changes in this topic"), null, slug, null)
                : Results.NotFound()).AllowAnonymous().CacheOutput(Hosting.PublicCaching.Policy);

        app.MapGet("/actors/{slug}/feed.atom", async (string slug, PublicFeeds claims, HttpContext context) =>
            await claims.ActorFeedAsync(slug, context.RequestAborted) is { } subject
                ? await WriteAsync(context, claims, subject, Ui.T("Status changes of claims naming this actor"), null, null, slug)
                : Results.NotFound()).AllowAnonymous().CacheOutput(Hosting.PublicCaching.Policy);
    }

    /// <summary>A feed's title: the publisher and what the feed follows (the claim's headline, the topic's or actor's name).</summary>
    public static string Title(string publisher, string subject) => $"{publisher}: {subject}";

    /// <summary>
    /// Writes the feed in the reader's language (<c>xml:lang</c>; status names and words as on the pages, headlines as approved).
    /// </summary>
    private static async Task<IResult> WriteAsync(HttpContext context, PublicFeeds claims, FeedSubject subject, string subtitle,
        int? claimId, string? topicSlug, string? actorSlug)
    {
        var entries = await claims.FeedAsync(claimId, topicSlug, cancellationToken: context.RequestAborted, actorSlug: actorSlug);
        var publisher = await context.RequestServices.GetRequiredService<SitePublishing>().GetAsync(context.RequestAborted);
        var names = context.RequestServices.GetRequiredService<StatusNames>();
        var origin = context.RequestServices.GetRequiredService<Hosting.SiteAddress>().Origin(context.Request);
        var updated = entries.Count == 0 ? DateTime.UnixEpoch : entries.Max(e => e.Updated);

        var body = ConditionalAnswer.NewBody("feed");
        using (var xml = XmlWriter.Create(body, Settings))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("feed", AtomNamespace);
            xml.WriteAttributeString("xml", "lang", null, Ui.Language);
            xml.WriteElementString("id", AtomNamespace, subject.Id);
            xml.WriteElementString("title", AtomNamespace, XmlText(Title(publisher.PublisherName, subject.Name)));
            xml.WriteElementString("subtitle", AtomNamespace, XmlText(subtitle));
            xml.WriteElementString("updated", AtomNamespace, Timestamp(updated));
            Link(xml, "self", origin + context.Request.Path, "application/atom+xml");
            Link(xml, "alternate", origin + subject.Path, "text/html");
            xml.WriteStartElement("author", AtomNamespace);
            xml.WriteElementString("name", AtomNamespace, XmlText(publisher.PublisherName));
            xml.WriteEndElement();
            foreach (var entry in entries)
            {
                var statusName = entry.Status is { } badge ? await names.NameAsync(badge) : null;
                xml.WriteStartElement("entry", AtomNamespace);
                xml.WriteElementString("id", AtomNamespace, entry.EntryId);
                xml.WriteElementString("title", AtomNamespace, XmlText(statusName is not null
                    ? $"{(entry.IsCorrection ? Ui.T("Correction") + ": " : "")}{statusName} – {entry.Headline}"
                    : $"{Ui.T(entry.IsWithdrawal ? "Withdrawn" : "Correction")} – {entry.Headline}"));
                xml.WriteElementString("updated", AtomNamespace, Timestamp(entry.Updated));
                xml.WriteElementString("published", AtomNamespace, Timestamp(entry.PublishedAtUtc));
                Link(xml, "alternate", $"{origin}/claims/{entry.Slug}", "text/html");
                if (entry.Status is { } category)
                {
                    xml.WriteStartElement("category", AtomNamespace);
                    xml.WriteAttributeString("term", category.Key);
                    xml.WriteAttributeString("label", XmlText(statusName!));
                    xml.WriteEndElement();
                }
                xml.WriteStartElement("summary", AtomNamespace);
                xml.WriteAttributeString("type", "text");
                xml.WriteString(XmlText(statusName is not null
                    ? $"{statusName} {Ui.T("as of")} {Ui.Date(entry.EffectiveOn!.Value)}: {entry.Headline}"
                    : entry.IsWithdrawal
                        ? $"{Ui.T("Withdrawn")}: „{entry.Headline}“. {entry.CorrectionNote}"
                        : $"{Ui.T("Correction")}: „{entry.Headline}“. {entry.CorrectionNote}"));
                xml.WriteEndElement();
                xml.WriteStartElement("content", AtomNamespace);
                xml.WriteAttributeString("type", "html");
                xml.WriteString(XmlText(entry.ContentHtml));
                xml.WriteEndElement();
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
            xml.WriteEndDocument();
        }
        // Feed readers poll: validators let them ask "changed since?" and get a 304.
        return ConditionalAnswer.For(context, body, "application/atom+xml; charset=utf-8", entries.Count == 0 ? null : updated, maxAgeSeconds: 300);
    }

    // UTF-8 without a byte order mark, declared as such; written into memory, so without the writer's async machinery.
    private static readonly XmlWriterSettings Settings = new() { Indent = true, OmitXmlDeclaration = false, Encoding = new UTF8Encoding(false) };

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
        // Nearly always nothing to remove: look before copying.
        var clean = true;
        for (var i = 0; i < text.Length && clean; i++)
        {
            if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i]))
            {
                i++;
            }
            else
            {
                clean = XmlConvert.IsXmlChar(text[i]);
            }
        }
        if (clean)
        {
            return text;
        }
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
