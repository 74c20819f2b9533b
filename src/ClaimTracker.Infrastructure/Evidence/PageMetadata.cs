using System.Globalization;
using System.Text;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace ClaimTracker.Infrastructure.Evidence;

/// <summary>
/// What a page says about itself, for the source form: title, site name, author, publication date and language, from
/// JSON-LD (<c>NewsArticle</c>, <c>Article</c> and kin), OpenGraph and <c>article:</c> properties, plain <c>&lt;meta&gt;</c>
/// tags and <c>&lt;html lang&gt;</c>, in that order of trust. Anything missing stays null for the editor to type.
/// </summary>
public sealed record PageMetadata(string? Title, string? SiteName, string? Author, DateOnly? PublishedOn, string? Language)
{
    private static readonly HashSet<string> ArticleTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "Article", "NewsArticle", "ReportageNewsArticle", "AnalysisNewsArticle", "OpinionNewsArticle", "BackgroundNewsArticle",
        "ReviewNewsArticle", "BlogPosting", "SocialMediaPosting", "LiveBlogPosting", "Report", "ScholarlyArticle", "WebPage",
    };

    public static PageMetadata Empty { get; } = new(null, null, null, null, null);

    public static PageMetadata FromHtml(byte[] body, string? charset)
    {
        var parser = new HtmlParser();
        IDocument document;
        var encoding = EncodingOf(charset);
        if (encoding is not null)
        {
            document = parser.ParseDocument(encoding.GetString(body));
        }
        else
        {
            using var stream = new MemoryStream(body, writable: false);
            document = parser.ParseDocument(stream); // the BOM or <meta charset> decides, UTF-8 otherwise
        }
        return FromDocument(document);
    }

    public static PageMetadata FromDocument(IDocument document)
    {
        var ld = ArticleFromJsonLd(document);
        string? Meta(params string[] keys)
        {
            foreach (var key in keys)
            {
                var element = document.QuerySelectorAll("meta").FirstOrDefault(m =>
                    string.Equals(m.GetAttribute("property"), key, StringComparison.OrdinalIgnoreCase)
                    || string.Equals(m.GetAttribute("name"), key, StringComparison.OrdinalIgnoreCase)
                    || string.Equals(m.GetAttribute("itemprop"), key, StringComparison.OrdinalIgnoreCase));
                if (Clean(element?.GetAttribute("content")) is { } value)
                {
                    return value;
                }
            }
            return null;
        }
        var title = ld.Title ?? Meta("og:title", "twitter:title", "dc.title") ?? Clean(document.Title);
        var site = ld.Site ?? Meta("og:site_name", "application-name", "publisher", "dc.publisher");
        var metaAuthor = Meta("author", "article:author", "dc.creator", "byl");
        if (metaAuthor is not null && Uri.TryCreate(metaAuthor, UriKind.Absolute, out _))
        {
            metaAuthor = null; // article:author is often a profile address, not a name
        }
        var author = ld.Author ?? metaAuthor;
        var date = ld.Date ?? ParseDate(Meta("article:published_time", "datePublished", "date", "dc.date", "dc.date.issued", "pubdate", "publish-date"))
                   ?? ParseDate(Clean(document.QuerySelector("time[datetime]")?.GetAttribute("datetime")));
        var language = LanguageOf(Clean(document.DocumentElement.GetAttribute("lang")))
                       ?? LanguageOf(ld.Language) ?? LanguageOf(Meta("og:locale", "content-language", "dc.language", "language"))
                       ?? LanguageOf(document.QuerySelectorAll("meta[http-equiv]")
                           .FirstOrDefault(m => string.Equals(m.GetAttribute("http-equiv"), "content-language", StringComparison.OrdinalIgnoreCase))?.GetAttribute("content"));
        return new PageMetadata(title, site, author, date, language);
    }

    private static Encoding? EncodingOf(string? charset)
    {
        if (string.IsNullOrWhiteSpace(charset))
        {
            return null;
        }
        try
        {
            return Encoding.GetEncoding(charset.Trim('"', ' '));
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private sealed record LdArticle(string? Title, string? Site, string? Author, DateOnly? Date, string? Language);

    /// <summary>The first article-like object in the page's JSON-LD blocks (top level, arrays and <c>@graph</c>).</summary>
    private static LdArticle ArticleFromJsonLd(IDocument document)
    {
        foreach (var script in document.QuerySelectorAll("script[type]")
                     .Where(s => s.GetAttribute("type")!.Trim().StartsWith("application/ld+json", StringComparison.OrdinalIgnoreCase)))
        {
            JsonDocument json;
            try
            {
                json = JsonDocument.Parse(script.TextContent, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 32 });
            }
            catch (JsonException)
            {
                continue; // a broken block among good ones is common; the others still count
            }
            using (json)
            {
                if (Objects(json.RootElement).FirstOrDefault(IsArticle) is { ValueKind: JsonValueKind.Object } article)
                {
                    return new LdArticle(
                        Clean(Text(article, "headline")) ?? Clean(Text(article, "name")),
                        Clean(Name(article, "publisher")) ?? Clean(Name(article, "isPartOf")),
                        Names(article, "author"),
                        ParseDate(Text(article, "datePublished")) ?? ParseDate(Text(article, "dateCreated")),
                        Clean(Text(article, "inLanguage")) ?? Clean(Name(article, "inLanguage")));
                }
            }
        }
        return new LdArticle(null, null, null, null, null);
    }

    private static bool IsArticle(JsonElement element)
    {
        if (!element.TryGetProperty("@type", out var type))
        {
            return false;
        }
        return type.ValueKind switch
        {
            JsonValueKind.String => ArticleTypes.Contains(type.GetString()!) && !IsBareWebPage(element, type.GetString()!),
            JsonValueKind.Array => type.EnumerateArray().Any(t => t.ValueKind == JsonValueKind.String && ArticleTypes.Contains(t.GetString()!)),
            _ => false,
        };
    }

    /// <summary>A WebPage counts only when it carries a headline or a date; sites mark every page up as one.</summary>
    private static bool IsBareWebPage(JsonElement element, string type) =>
        type.Equals("WebPage", StringComparison.OrdinalIgnoreCase) && !element.TryGetProperty("headline", out _) && !element.TryGetProperty("datePublished", out _);

    private static IEnumerable<JsonElement> Objects(JsonElement root)
    {
        switch (root.ValueKind)
        {
            case JsonValueKind.Array:
                foreach (var item in root.EnumerateArray().SelectMany(Objects))
                {
                    yield return item;
                }
                break;
            case JsonValueKind.Object:
                yield return root;
                if (root.TryGetProperty("@graph", out var graph))
                {
                    foreach (var item in Objects(graph))
                    {
                        yield return item;
                    }
                }
                break;
        }
    }

    private static string? Text(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Array => value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()).FirstOrDefault(),
                _ => null,
            }
            : null;

    private static string? Name(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Object => Text(value, "name"),
                JsonValueKind.Array => value.EnumerateArray().Select(v => v.ValueKind == JsonValueKind.Object ? Text(v, "name") : v.ValueKind == JsonValueKind.String ? v.GetString() : null)
                    .FirstOrDefault(n => !string.IsNullOrWhiteSpace(n)),
                _ => null,
            }
            : null;

    /// <summary>Every author's name, joined ("Anna Schmidt, Jonas Weber").</summary>
    private static string? Names(JsonElement element, string property)
    {
        if (!element.TryGetProperty(property, out var value))
        {
            return null;
        }
        var names = (value.ValueKind == JsonValueKind.Array ? value.EnumerateArray().ToList() : [value])
            .Select(v => v.ValueKind == JsonValueKind.Object ? Text(v, "name") : v.ValueKind == JsonValueKind.String ? v.GetString() : null)
            .Select(Clean).Where(n => n is not null && !Uri.TryCreate(n, UriKind.Absolute, out _)).Distinct().ToList();
        return names.Count == 0 ? null : string.Join(", ", names);
    }

    private static DateOnly? ParseDate(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        value = value.Trim();
        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var moment))
        {
            // The date the page states, in its own time zone: 2024-11-05T00:30+01:00 was published on 5 November there.
            return DateOnly.FromDateTime(moment.DateTime);
        }
        return value.Length >= 10 && DateOnly.TryParseExact(value[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day
            : null;
    }

    /// <summary>"de_DE" (OpenGraph) and "de-DE" become "de-DE"; a single subtag stays as it is.</summary>
    private static string? LanguageOf(string? value)
    {
        var cleaned = Clean(value)?.Split(',', ';')[0].Trim().Replace('_', '-');
        return string.IsNullOrEmpty(cleaned) || cleaned.Length > 35 ? null : cleaned;
    }

    private static string? Clean(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        var text = string.Join(' ', value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return text.Length > 1000 ? text[..1000] : text;
    }
}
