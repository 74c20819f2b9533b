using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using ClaimTracker.Domain;
using ClaimTracker.Domain.Claims;
using ClaimTracker.Domain.Text;
using ClaimTracker.Infrastructure.Data;
using ClaimTracker.Infrastructure.Evidence;
using Microsoft.EntityFrameworkCore;

namespace ClaimTracker.Infrastructure.Claims;

/// <summary>A claimant named by a review: matched to the directory (by Wikidata id, name or other name), or to be added.</summary>
public sealed record ImportedActor(string Name, int? ActorId, string? WikidataId, ActorKind Kind, string? MatchedName = null)
{
    public bool IsNew => ActorId is null;
}

/// <summary>One review of the file or page, as it will become a claim draft — or why it is skipped.</summary>
public sealed record ImportedReview(int Row, string Headline, string ClaimText, string Language, DateOnly ReviewedOn, DateOnly? FirstMadeOn,
    StatusRow Status, string RatingAsGiven, string? ReviewUrl, IReadOnlyList<string> Appearances, IReadOnlyList<ImportedActor> Claimants,
    string? Skip = null, int? ExistingClaimId = null);

/// <summary>
/// What an import would do: every review to create or skip, or the problems (each naming its row) that stop the whole file.
/// </summary>
public sealed record ImportPlan(string Origin, IReadOnlyList<ImportedReview> Reviews, IReadOnlyList<string> Problems)
{
    public bool CanRun => Problems.Count == 0 && Reviews.Any(r => r.Skip is null);

    public IEnumerable<ImportedReview> ToCreate => Reviews.Where(r => r.Skip is null);
}

/// <summary>
/// Reads schema.org ClaimReview — one object, an array, an <c>@graph</c>, a <c>DataFeed</c> of them as fact-check markup tools
/// export it, or a web page's JSON-LD blocks and microdata — and plans claim drafts from it, checked by the rules of the
/// claim, source and actor forms. Nothing is written here: <see cref="ClaimReviewImportRun"/> carries a plan out.
/// </summary>
public sealed class ClaimReviewImport(AppDbContext db, ActorDirectory actors, StatusScale scale, GuardedFetcher fetcher, TimeProvider clock)
{
    public const int MaxReviews = 5000;

    public async Task<ImportPlan> PlanFromFileAsync(string fileName, byte[] content, CancellationToken cancellationToken = default)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(content, documentOptions: new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 64 });
        }
        catch (JsonException e)
        {
            return new ImportPlan(fileName, [], [$"The file is not JSON (line {e.LineNumber + 1}): {e.Message.Split(" LineNumber")[0]}"]);
        }
        return await PlanAsync(fileName, root is null ? [] : FindReviews(root), cancellationToken);
    }

    public async Task<ImportPlan> PlanFromPageAsync(string? address, CancellationToken cancellationToken = default)
    {
        var fetched = await fetcher.FetchAsync(address ?? string.Empty, cancellationToken);
        if (!fetched.Succeeded)
        {
            return new ImportPlan(address ?? string.Empty, [], [fetched.Refusal!]);
        }
        if (!fetched.IsHtml)
        {
            return new ImportPlan(fetched.FinalUrl!, [], [$"The address serves {fetched.ContentType}, not a web page with ClaimReview markup."]);
        }
        var document = new HtmlParser().ParseDocument(new MemoryStream(fetched.Body!, writable: false));
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
        return await PlanAsync(fetched.FinalUrl!, reviews, cancellationToken);
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

    private static bool HasType(JsonObject obj, string type) => obj["@type"] switch
    {
        JsonValue value when value.TryGetValue<string>(out var name) => IsType(name, type),
        JsonArray names => names.Any(n => n is JsonValue v && v.TryGetValue<string>(out var name) && IsType(name, type)),
        _ => false,
    };

    private static bool IsType(string name, string type) =>
        name.Equals(type, StringComparison.OrdinalIgnoreCase) || name.EndsWith("/" + type, StringComparison.OrdinalIgnoreCase)
                                                               || name.EndsWith(":" + type, StringComparison.OrdinalIgnoreCase);

    /// <summary>ClaimReview marked up as microdata (itemscope/itemprop), turned into the JSON-LD shape.</summary>
    private static IEnumerable<JsonObject> Microdata(IDocument document) =>
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

    private async Task<ImportPlan> PlanAsync(string origin, List<JsonObject> reviews, CancellationToken cancellationToken)
    {
        if (reviews.Count == 0)
        {
            return new ImportPlan(origin, [], ["No ClaimReview found: the file or page holds no object with \"@type\": \"ClaimReview\"."]);
        }
        if (reviews.Count > MaxReviews)
        {
            return new ImportPlan(origin, [], [$"More than {MaxReviews:N0} reviews: split the file."]);
        }
        var statuses = (await scale.ListAsync(cancellationToken)).Where(s => s.IsVerdict && s.RatingValue is not null).OrderBy(s => s.RatingValue).ToList();
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var existingSources = new Dictionary<string, int?>(StringComparer.Ordinal);
        var headlines = await db.Claims.AsNoTracking().Select(c => new { c.Id, c.Headline }).ToListAsync(cancellationToken);
        var byHeadline = headlines.GroupBy(c => HeadlineKey(c.Headline)).ToDictionary(g => g.Key, g => g.First().Id);
        var seenUrls = new HashSet<string>(StringComparer.Ordinal);
        var seenHeadlines = new HashSet<string>(StringComparer.Ordinal);
        var newActors = new Dictionary<string, ImportedActor>(StringComparer.Ordinal);
        var planned = new List<ImportedReview>();
        var problems = new List<string>();
        for (var i = 0; i < reviews.Count; i++)
        {
            var row = i + 1;
            var review = reviews[i];
            var rowProblems = new List<string>();
            string Named(string what) => $"Review {row}{(Text(review["claimReviewed"]) is { Length: > 0 } c ? $" (“{Shorten(Clean(c), 60)}”)" : "")}: {what}";

            var claimText = Clean(Text(review["claimReviewed"]) ?? string.Empty);
            if (claimText.Length == 0)
            {
                rowProblems.Add(Named("claimReviewed is missing; it is the claim."));
            }
            var headline = Shorten(claimText, Claim.HeadlineMaxLength);
            var language = Text(review["inLanguage"]) ?? Text((review["inLanguage"] as JsonObject)?["alternateName"]) ?? Text((review["inLanguage"] as JsonObject)?["name"]);
            if (!LanguageTag.TryNormalise(string.IsNullOrWhiteSpace(language) ? "de" : language, out var tag, out var languageError))
            {
                rowProblems.Add(Named("inLanguage: " + languageError));
            }
            var draft = new Claim.Draft(headline, claimText, tag ?? "de", null, null, false, null, SanitisedHtml.Empty, null);
            rowProblems.AddRange(Claim.Validate(draft).Where(e => claimText.Length > 0 || e.Field != nameof(Claim.Draft.Headline) && e.Field != nameof(Claim.Draft.OriginalText))
                .Select(e => Named((e.Field == nameof(Claim.Draft.OriginalText) ? "claimReviewed: " : "") + e.Message)));

            var (status, ratingAsGiven, ratingProblem) = Rating(review["reviewRating"], statuses);
            if (ratingProblem is not null)
            {
                rowProblems.Add(Named(ratingProblem));
            }
            var reviewedOn = Date(Text(review["datePublished"])) ?? Date(Text(review["dateCreated"]));
            if (reviewedOn is null)
            {
                rowProblems.Add(Named("datePublished is missing or not a date (2024-11-05)."));
            }
            else if (reviewedOn > today)
            {
                rowProblems.Add(Named($"datePublished {reviewedOn:yyyy-MM-dd} is in the future."));
            }
            string? reviewUrl = null;
            if (Text(review["url"]) is { Length: > 0 } url)
            {
                if (SourceUrl.TryParse(url, out var parsed, out var urlError))
                {
                    reviewUrl = Source.Normalise(parsed!);
                }
                else
                {
                    rowProblems.Add(Named("url: " + urlError));
                }
            }
            if (reviewUrl is null && Text(review["url"]) is not { Length: > 0 })
            {
                rowProblems.Add(Named("url is missing: the review's own address is the source its verdict rests on."));
            }
            var itemReviewed = review["itemReviewed"] as JsonObject;
            var appearances = new List<string>();
            foreach (var appearance in Many(itemReviewed?["appearance"]).Concat(Many(itemReviewed?["firstAppearance"])))
            {
                var address = appearance is JsonObject a ? Text(a["url"]) ?? Text(a["@id"]) : Text(appearance);
                if (string.IsNullOrWhiteSpace(address))
                {
                    continue;
                }
                if (SourceUrl.TryParse(address, out var parsed, out var appearanceError))
                {
                    var normalised = Source.Normalise(parsed!);
                    if (normalised != reviewUrl && !appearances.Contains(normalised))
                    {
                        appearances.Add(normalised);
                    }
                }
                else
                {
                    rowProblems.Add(Named("itemReviewed.appearance: " + appearanceError));
                }
            }
            var firstMadeOn = Date(Text(itemReviewed?["datePublished"]));
            var claimants = new List<ImportedActor>();
            foreach (var author in Many(itemReviewed?["author"]))
            {
                var name = Clean(author is JsonObject o ? Text(o["name"]) ?? string.Empty : Text(author) ?? string.Empty);
                if (name.Length == 0)
                {
                    continue;
                }
                var wikidata = author is JsonObject withIds ? Many(withIds["sameAs"]).Select(s => Actor.WikidataItem(Text(s))).FirstOrDefault(q => q is not null) : null;
                var kind = author is JsonObject typed && HasType(typed, "Person") ? ActorKind.Person : ActorKind.Organisation;
                var key = LookAlike.Key(name);
                if (newActors.TryGetValue(key, out var proposed))
                {
                    claimants.Add(proposed);
                    continue;
                }
                var matched = await MatchActorAsync(name, wikidata, cancellationToken);
                if (matched is null)
                {
                    var actorProblems = Actor.Validate(new Actor.Draft(name, kind, null, null, wikidata, null));
                    rowProblems.AddRange(actorProblems.Select(e => Named($"author “{Shorten(name, 60)}”: {e.Message}")));
                    var created = new ImportedActor(name, null, wikidata, kind);
                    newActors[key] = created;
                    claimants.Add(created);
                }
                else
                {
                    claimants.Add(new ImportedActor(name, matched.Value.Id, wikidata, kind, matched.Value.Name));
                }
            }
            if (rowProblems.Count > 0)
            {
                problems.AddRange(rowProblems);
                continue;
            }
            string? skip = null;
            int? existing = null;
            if (reviewUrl is not null && !seenUrls.Add(reviewUrl))
            {
                skip = "the same review appears earlier in this file";
            }
            else if (reviewUrl is not null && await CitingClaimAsync(reviewUrl, existingSources, cancellationToken) is { } citing)
            {
                (skip, existing) = ($"already imported: its address is a source of claim #{citing}", citing);
            }
            else if (!seenHeadlines.Add(HeadlineKey(headline)))
            {
                skip = "a review of the same claim appears earlier in this file";
            }
            else if (byHeadline.TryGetValue(HeadlineKey(headline), out var same))
            {
                (skip, existing) = ($"claim #{same} has the same headline", same);
            }
            planned.Add(new ImportedReview(row, headline, claimText, tag!, reviewedOn!.Value, firstMadeOn, status!, ratingAsGiven!, reviewUrl,
                appearances, claimants, skip, existing));
        }
        return new ImportPlan(origin, planned, problems);
    }

    private async Task<int?> CitingClaimAsync(string url, Dictionary<string, int?> known, CancellationToken cancellationToken)
    {
        if (!known.TryGetValue(url, out var claim))
        {
            claim = await db.Sources.Where(s => s.Url == url)
                .SelectMany(s => db.ClaimSources.Where(cs => cs.SourceId == s.Id).Select(cs => (int?)cs.ClaimId)).FirstOrDefaultAsync(cancellationToken);
            known[url] = claim;
        }
        return claim;
    }

    /// <summary>The directory's actor by Wikidata id, else by name or other name; its id and name as the directory has it.</summary>
    private async Task<(int Id, string Name)?> MatchActorAsync(string name, string? wikidata, CancellationToken cancellationToken)
    {
        if (wikidata is not null && await db.Actors.Where(a => a.WikidataId == wikidata).Select(a => new { a.Id, a.Name }).FirstOrDefaultAsync(cancellationToken) is { } byId)
        {
            return (byId.Id, byId.Name);
        }
        var (ids, _) = await actors.FindByNamesAsync(name.Replace(';', ','), cancellationToken);
        return ids.Count == 1 ? (ids[0], await db.Actors.Where(a => a.Id == ids[0]).Select(a => a.Name).FirstAsync(cancellationToken)) : null;
    }

    /// <summary>
    /// The scale's status for a rating: by its name (<c>alternateName</c>, in English, German or as the status key), else by
    /// <c>ratingValue</c> placed on the scale's verdicts between <c>worstRating</c> and <c>bestRating</c> (1 and 5 by default).
    /// </summary>
    private static (StatusRow? Status, string? AsGiven, string? Problem) Rating(JsonNode? node, IReadOnlyList<StatusRow> verdicts)
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

    private static double? Number(JsonNode? node) => node switch
    {
        JsonValue v when v.TryGetValue<double>(out var d) => d,
        JsonValue v when v.TryGetValue<string>(out var s) && double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) => parsed,
        _ => null,
    };

    private static IEnumerable<JsonNode?> Many(JsonNode? node) => node switch
    {
        null => Array.Empty<JsonNode?>(),
        JsonArray array => array.ToArray(),
        _ => new[] { node },
    };

    private static string? Text(JsonNode? node) => node switch
    {
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        JsonValue v => v.ToJsonString(),
        JsonArray a => a.Select(Text).FirstOrDefault(t => !string.IsNullOrWhiteSpace(t)),
        JsonObject o => Text(o["@value"]),
        _ => null,
    };

    private static DateOnly? Date(string? value) =>
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

    private static string Shorten(string text, int max) =>
        text.Length <= max ? text : (text[..(max - 1)].LastIndexOf(' ') is > 20 and var space ? text[..space] : text[..(max - 1)]).TrimEnd(',', ';', ':', '-', ' ') + "…";

    /// <summary>Headlines that read the same: case, accents and punctuation aside, every word and number kept in order.</summary>
    private static string HeadlineKey(string headline) =>
        string.Join(' ', LookAlike.Key(headline).Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(w => new string(w.Where(char.IsLetterOrDigit).ToArray())).Where(w => w.Length > 0));
}
