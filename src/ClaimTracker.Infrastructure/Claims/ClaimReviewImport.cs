using System.Text.Json;
using System.Text.Json.Nodes;
using AngleSharp.Html.Parser;
using ClaimTracker.Domain.Claims;
using ClaimTracker.Domain.Text;
using ClaimTracker.Infrastructure.Data;
using ClaimTracker.Infrastructure.Evidence;
using Microsoft.EntityFrameworkCore;

using static ClaimTracker.Infrastructure.Claims.ClaimReviewReader;

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
        return await PlanAsync(fileName, root is null ? [] : ClaimReviewReader.FindReviews(root), cancellationToken);
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
        return await PlanAsync(fetched.FinalUrl!, ClaimReviewReader.FromPage(document), cancellationToken);
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
        var existingSources = await CitingClaimsAsync(reviews, cancellationToken);
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
            else if (reviewUrl is not null && existingSources.TryGetValue(reviewUrl, out var citing))
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

    /// <summary>
    /// For each review address in the file that is already a source: a claim citing it (one query for the whole file, not one
    /// per review).
    /// </summary>
    private async Task<Dictionary<string, int>> CitingClaimsAsync(IReadOnlyList<JsonObject> reviews, CancellationToken cancellationToken)
    {
        var urls = reviews.Select(r => Text(r["url"]))
            .Select(u => u is { Length: > 0 } && SourceUrl.TryParse(u, out var parsed, out _) ? Source.Normalise(parsed!) : null)
            .OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        if (urls.Count == 0)
        {
            return new Dictionary<string, int>(StringComparer.Ordinal);
        }
        var cited = await (from s in db.Sources
                           where s.Url != null && urls.Contains(s.Url)
                           join cs in db.ClaimSources on s.Id equals cs.SourceId
                           select new { Url = s.Url!, cs.ClaimId }).ToListAsync(cancellationToken);
        return cited.GroupBy(c => c.Url, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Min(c => c.ClaimId), StringComparer.Ordinal);
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


    /// <summary>Headlines that read the same: case, accents and punctuation aside, every word and number kept in order.</summary>
    private static string HeadlineKey(string headline) =>
        string.Join(' ', LookAlike.Key(headline).Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(w => new string(w.Where(char.IsLetterOrDigit).ToArray())).Where(w => w.Length > 0));
}
