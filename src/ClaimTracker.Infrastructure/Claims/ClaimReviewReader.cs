using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using ClaimTracker.Domain.Text;

namespace ClaimTracker.Infrastructure.Claims;

/// <summary>
/// Reading schema.org ClaimReview as sites publish it: the objects wherever export shapes put them (arrays, <c>@graph</c>,
/// <c>DataFeed</c> items), microdata turned into the JSON-LD shape, values that may be a string, an array or an object,
/// dates in any ISO form, ratings placed on our scale. No database here: <see cref="ClaimReviewImport"/> plans with it.
/// </summary>
public static class ClaimReviewReader
{
    public const int MaxReviews = 5000;

    /// <summary>The reviews in a page's JSON-LD blocks (a broken block is skipped, as search engines do) and microdata.</summary>
    public static List<JsonObject> FromPage(IDocument document)
    {
        var reviews = new List<JsonObject>();
        foreach (var block in document.QuerySelectorAll("script[type]")
                     .Where(s => s.GetAttribute("type")!.Trim().StartsWith("application/ld+json", StringComparison.OrdinalIgnoreCase)))
        {
            try
            {
                if (JsonNode.Parse(block.TextContent, documentOptions: new JsonDocumentOptions { AllowTrailingCommas = true, MaxDepth = 64 }) is { } node)
                {
                    reviews.AddRange(FindReviews(node));
                }
            }
            catch (JsonException)
            {
                // A broken block among good ones is common on the web; the others still count.
            }
        }
        reviews.AddRange(Microdata(document));
        return reviews;
    }

    /// <summary>Every object typed ClaimReview, wherever the shapes people export put it (not inside another ClaimReview).</summary>
    public static List<JsonObject> FindReviews(JsonNode root)
    {
        var found = new List<JsonObject>();
        void Visit(JsonNode? node, int depth)
        {
            if (depth > 16 || found.Count > MaxReviews)
            {
                return;
            }
            switch (node)
            {
                case JsonArray array:
                    foreach (var item in array)
                    {
                        Visit(item, depth + 1);
                    }
                    break;
                case JsonObject obj when HasType(obj, "ClaimReview"):
                    found.Add(obj);
                    break;
                case JsonObject obj:
                    foreach (var (key, value) in obj)
                    {
                        if (key is "@graph" or "dataFeedElement" or "item" or "itemListElement" or "mainEntity" or "hasPart" or "review")
                        {
                            Visit(value, depth + 1);
                        }
                    }
                    break;
            }
        }
        Visit(root, 0);
        return found;
    }

    internal static bool HasType(JsonObject obj, string type) => obj["@type"] switch
    {
        JsonValue value when value.TryGetValue<string>(out var name) => IsType(name, type),
        JsonArray names => names.Any(n => n is JsonValue v && v.TryGetValue<string>(out var name) && IsType(name, type)),
        _ => false,
    };

    internal static bool IsType(string name, string type) =>
        name.Equals(type, StringComparison.OrdinalIgnoreCase) || name.EndsWith("/" + type, StringComparison.OrdinalIgnoreCase)
                                                               || name.EndsWith(":" + type, StringComparison.OrdinalIgnoreCase);

    /// <summary>ClaimReview marked up as microdata (itemscope/itemprop), turned into the JSON-LD shape.</summary>
    internal static IEnumerable<JsonObject> Microdata(IDocument document) =>
        document.QuerySelectorAll("[itemscope][itemtype]")
            .Where(e => IsType(e.GetAttribute("itemtype")!.Trim(), "ClaimReview")
                        && !e.Ancestors<IElement>().Any(a => a.HasAttribute("itemscope") && IsType((a.GetAttribute("itemtype") ?? "").Trim(), "ClaimReview")))
            .Select(ItemOf);

    private static JsonObject ItemOf(IElement scope)
    {
        var item = new JsonObject { ["@type"] = (scope.GetAttribute("itemtype") ?? string.Empty).Trim().Split('/').Last() };
        foreach (var property in scope.QuerySelectorAll("[itemprop]").Where(p => p.ParentElement?.Closest("[itemscope]") == scope))
        {
            JsonNode value = property.HasAttribute("itemscope") ? ItemOf(property)
                : JsonValue.Create(property.LocalName switch
                {
                    "meta" => property.GetAttribute("content"),
                    "a" or "link" or "area" => property.GetAttribute("href"),
                    "time" => property.GetAttribute("datetime") ?? property.TextContent,
                    "data" or "meter" => property.GetAttribute("value"),
                    _ => property.TextContent,
                } ?? string.Empty);
            foreach (var name in (property.GetAttribute("itemprop") ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                item[name] = item[name] is null ? value.DeepClone() : new JsonArray(item[name]!.DeepClone(), value.DeepClone());
            }
        }
        return item;
    }

    /// <summary>
    /// The scale's status for a rating: by its name (<c>alternateName</c>, in English, German or as the status key), else by
    /// <c>ratingValue</c> placed on the scale's verdicts between <c>worstRating</c> and <c>bestRating</c> (1 and 5 by default).
    /// </summary>
    internal static (StatusRow? Status, string? AsGiven, string? Problem) Rating(JsonNode? node, IReadOnlyList<StatusRow> verdicts)
    {
        if (node is not JsonObject rating)
        {
            return (null, null, "reviewRating is missing.");
        }
        var name = Clean(Text(rating["alternateName"]) ?? Text(rating["name"]) ?? string.Empty);
        if (name.Length > 0)
        {
            var key = LookAlike.Key(name);
            if (verdicts.FirstOrDefault(s => LookAlike.Key(s.NameEn) == key || LookAlike.Key(s.NameDe) == key || LookAlike.Key(s.Key) == key) is { } named)
            {
                return (named, name, null);
            }
        }
        if (Number(rating["ratingValue"]) is { } value && verdicts.Count > 0)
        {
            var worst = Number(rating["worstRating"]) ?? 1;
            var best = Number(rating["bestRating"]) ?? 5;
            if (best <= worst || value < worst || value > best)
            {
                return (null, null, $"reviewRating: ratingValue {value} is not between worstRating {worst} and bestRating {best}.");
            }
            var position = (value - worst) / (best - worst);
            var index = (int)Math.Round(position * (verdicts.Count - 1), MidpointRounding.AwayFromZero);
            return (verdicts[index], name.Length > 0 ? $"{name} ({value} of {worst}–{best})" : $"{value} of {worst}–{best}", null);
        }
        return (null, null, name.Length > 0
            ? $"the rating “{Shorten(name, 60)}” is not on the scale ({string.Join(", ", verdicts.Select(v => v.NameEn))}) and has no ratingValue."
            : "reviewRating has neither alternateName nor ratingValue.");
    }

    internal static double? Number(JsonNode? node) => node switch
    {
        JsonValue v when v.TryGetValue<double>(out var d) => d,
        JsonValue v when v.TryGetValue<string>(out var s) && double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) => parsed,
        _ => null,
    };

    internal static IEnumerable<JsonNode?> Many(JsonNode? node) => node switch
    {
        null => Array.Empty<JsonNode?>(),
        JsonArray array => array.ToArray(),
        _ => new[] { node },
    };

    internal static string? Text(JsonNode? node) => node switch
    {
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        JsonValue v => v.ToJsonString(),
        JsonArray a => a.Select(Text).FirstOrDefault(t => !string.IsNullOrWhiteSpace(t)),
        JsonObject o => Text(o["@value"]),
        _ => null,
    };

    internal static DateOnly? Date(string? value) =>
        string.IsNullOrWhiteSpace(value) ? null
        : DateTimeOffset.TryParse(value.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var moment) ? DateOnly.FromDateTime(moment.DateTime)
        : value.Trim().Length >= 10 && DateOnly.TryParseExact(value.Trim()[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day
        : null;

    /// <summary>
    /// Text as readers will see it: markup taken apart as a browser would (script and style dropped with their content, tags
    /// gone), whitespace folded. What remains is plain text, checked by the forms' rules and always written encoded.
    /// </summary>
    internal static string Clean(string value)
    {
        if (value.Contains('<', StringComparison.Ordinal))
        {
            var fragment = new HtmlParser().ParseDocument("<body></body>");
            fragment.Body!.InnerHtml = value;
            foreach (var dropped in fragment.Body.QuerySelectorAll("script, style, template, noscript, iframe, object").ToList())
            {
                dropped.Remove();
            }
            value = fragment.Body.TextContent;
        }
        return string.Join(' ', value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }


    /// <summary>At most <paramref name="max"/> characters, cut at a word where one is near, with an ellipsis.</summary>
    internal static string Shorten(string text, int max) =>
        text.Length <= max ? text : (text[..(max - 1)].LastIndexOf(' ') is > 20 and var space ? text[..space] : text[..(max - 1)]).TrimEnd(',', ';', ':', '-', ' ') + "…";
}
