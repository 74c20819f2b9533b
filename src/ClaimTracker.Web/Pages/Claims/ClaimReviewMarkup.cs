using ClaimTracker.Domain.Claims;
using ClaimTracker.Infrastructure.Claims;
using ClaimTracker.Infrastructure.Site;

namespace ClaimTracker.Web.Pages.Claims;

/// <summary>
/// schema.org ClaimReview for a claim whose current status is a verdict, as Google documents it; null
/// for claims without a verdict.
/// </summary>
public static class ClaimReviewMarkup
{
    /// <param name="ratingName">The status name readers see on the page (their language), for <c>alternateName</c>.</param>
    public static Dictionary<string, object?>? For(ClaimDetails claim, StatusRow? status, int bestRating, SiteView site, string canonicalUrl,
        string? ratingName = null)
    {
        if (status is not { IsVerdict: true, RatingValue: { } rating })
        {
            return null;
        }
        var published = claim.History.Where(h => !h.IsCorrected).Select(h => h.RecordedAtUtc).DefaultIfEmpty(claim.UpdatedAtUtc).Max();
        var appearances = claim.Sources.OrderBy(s => s.PublishedOn).Select(Appearance).ToList();
        var itemReviewed = new Dictionary<string, object?>
        {
            ["@type"] = "Claim",
            ["author"] = claim.ClaimantDetails?.Select(Author).ToList(),
            ["datePublished"] = claim.FirstMadeOn?.ToString("yyyy-MM-dd"),
        };
        if (appearances.Count > 0)
        {
            itemReviewed["firstAppearance"] = appearances[0];
            itemReviewed["appearance"] = appearances;
        }
        return new Dictionary<string, object?>
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "ClaimReview",
            ["url"] = canonicalUrl,
            ["claimReviewed"] = Claim.ShortForm(claim.ClaimReviewed, claim.Headline),
            ["datePublished"] = published.ToString("yyyy-MM-dd"),
            ["author"] = Organisation(site),
            ["reviewRating"] = new Dictionary<string, object?>
            {
                ["@type"] = "Rating",
                ["ratingValue"] = rating,
                ["bestRating"] = bestRating,
                ["worstRating"] = 1,
                ["alternateName"] = ratingName ?? status.NameEn,
            },
            ["itemReviewed"] = itemReviewed,
        };
    }

    private static Dictionary<string, object?> Organisation(SiteView site)
    {
        var organisation = new Dictionary<string, object?> { ["@type"] = "Organization", ["name"] = site.PublisherName };
        if (site.PublisherUrl is not null)
        {
            organisation["url"] = site.PublisherUrl;
        }
        return organisation;
    }

    private static Dictionary<string, object?> Author(ClaimantRef claimant)
    {
        var author = new Dictionary<string, object?>
        {
            ["@type"] = claimant.Kind is ActorKind.Person or ActorKind.Official ? "Person" : "Organization",
            ["name"] = claimant.Name,
        };
        if (claimant.WikidataId is not null)
        {
            author["sameAs"] = $"https://www.wikidata.org/wiki/{claimant.WikidataId}";
        }
        return author;
    }

    private static Dictionary<string, object?> Appearance(LinkedSourceView source)
    {
        var work = new Dictionary<string, object?> { ["@type"] = "CreativeWork", ["headline"] = source.Title };
        if (source.Url is not null)
        {
            work["url"] = source.Url;
        }
        if (source.PublishedOn is { } date)
        {
            work["datePublished"] = date.ToString("yyyy-MM-dd");
        }
        if (source.Outlet is not null)
        {
            work["publisher"] = new Dictionary<string, object?> { ["@type"] = "Organization", ["name"] = source.Outlet };
        }
        return work;
    }
}
