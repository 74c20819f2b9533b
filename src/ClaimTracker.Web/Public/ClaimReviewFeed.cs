using System.Globalization;
using System.Text.Json;
using ClaimTracker.Infrastructure.Claims;
using ClaimTracker.Web.Localisation;
using ClaimTracker.Web.Pages.Claims;

namespace ClaimTracker.Web.Public;

/// <summary>
/// /claimreview.json: every published verdict as a schema.org DataFeed of ClaimReview items, for aggregators (the same
/// ClaimReview each claim page carries). A hundred per page, by claim id; the next page is named in a
/// <c>Link: rel="next"</c> header; ETag and Last-Modified answer 304; cached and evicted like the other reader routes.
/// </summary>
public static class ClaimReviewFeed
{
    public static void MapClaimReviewFeed(this WebApplication app) =>
        app.MapGet("/claimreview.json", async (HttpContext context, VerdictFeed feed, StatusNames names,
                ClaimTracker.Infrastructure.Site.SitePublishing site, Hosting.SiteAddress address, string? after) =>
            {
                var from = 0;
                if (after is not null && (!int.TryParse(after, NumberStyles.None, CultureInfo.InvariantCulture, out from) || from < 0))
                {
                    return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The parameter 'after' is not valid.",
                        detail: "Expected the value of the previous page's Link rel=\"next\".");
                }
                var page = await feed.PageAsync(from, context.RequestAborted);
                var publisher = await site.GetAsync(context.RequestAborted);
                var origin = address.Origin(context.Request);
                var scale = await names.ScaleAsync(context.RequestAborted);
                var best = scale.Max(s => s.RatingValue) ?? 1;
                var items = new List<Dictionary<string, object?>>();
                foreach (var claim in page.Claims)
                {
                    var status = scale.FirstOrDefault(s => s.Key == claim.Status?.Key);
                    var rating = status is null ? null : await names.NameAsync(claim.Status);
                    if (ClaimReviewMarkup.For(claim, status, best, publisher, $"{origin}/claims/{Uri.EscapeDataString(claim.Slug)}", rating) is { } review)
                    {
                        review.Remove("@context");
                        items.Add(review);
                    }
                }
                var self = $"{origin}/claimreview.json{(from > 0 ? $"?after={from}" : "")}";
                var document = new Dictionary<string, object?>
                {
                    ["@context"] = "https://schema.org",
                    ["@type"] = "DataFeed",
                    ["name"] = $"{publisher.PublisherName}: ClaimReview",
                    ["url"] = self,
                    ["inLanguage"] = Ui.Language,
                    ["dataFeedElement"] = items,
                };
                if (page.LastApprovedUtc is { } modified)
                {
                    document["dateModified"] = DateTime.SpecifyKind(modified, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
                }
                if (page.NextAfter is { } next)
                {
                    context.Response.Headers.Link = $"<{origin}/claimreview.json?after={next.ToString(CultureInfo.InvariantCulture)}>; rel=\"next\"";
                }
                var bytes = JsonSerializer.SerializeToUtf8Bytes(document);
                return ConditionalAnswer.For(context, bytes, "application/ld+json; charset=utf-8", page.LastApprovedUtc, maxAgeSeconds: 300);
            })
            .AllowAnonymous().CacheOutput(Hosting.PublicCaching.Policy).RequireRateLimiting(Hosting.SecuritySetup.PublicPolicy)
            .RequireCors(ClaimsApi.CorsPolicy);
}
