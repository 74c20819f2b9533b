using ClaimTracker.Infrastructure.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ClaimTracker.Web.Pages.Claims;

/// <summary>
/// A claim's public status page: its latest approved version, or an earlier one by number
/// (/claims/{slug}/versions/{n}). Drafts and unknown slugs are 404 (never 403); a withdrawn claim is
/// 410 with the reviewer's public note; a slug changed on purpose redirects permanently to the current one.
/// </summary>
[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = ClaimTracker.Web.Hosting.PublicCaching.Policy)]
public sealed class ClaimPageModel(PublicClaimPage claims, PublicDirectory directory, Localisation.StatusNames scale, ClaimTracker.Infrastructure.Site.SitePublishing site,
    Hosting.SiteAddress address, Localisation.ContentLanguage contentLanguage, ClaimTracker.Infrastructure.Evidence.PublicEvidence evidence) : PageModel
{
    public ClaimArticle Article { get; private set; } = null!;

    /// <summary>The status name in the reader's language.</summary>
    public string StatusName { get; private set; } = string.Empty;

    public string ContentLanguage => contentLanguage.Code;

    public ClaimDetails Claim { get; private set; } = null!;

    public PublicationInfo Publication { get; private set; } = null!;

    public WithdrawnClaim? Withdrawn { get; private set; }

    public string? StatusDescription { get; private set; }

    public string CanonicalUrl { get; private set; } = string.Empty;

    public string PublisherName { get; private set; } = string.Empty;

    /// <summary>The card as an iframe, for other sites to paste.</summary>
    public string EmbedCode => EmbedSnippet.For(CanonicalUrl, Claim.Headline);

    /// <summary>ClaimReview JSON-LD when the current status is a verdict and the latest version is shown.</summary>
    public Dictionary<string, object?>? ClaimReview { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, int? version, CancellationToken cancellationToken)
    {
        var found = await claims.BySlugAsync(slug, version, cancellationToken);
        if (found.RedirectTo is { } current)
        {
            return RedirectPermanent("/claims/" + Uri.EscapeDataString(current) + (version is { } n ? $"/versions/{n}" : ""));
        }
        if (found.Withdrawn is { } withdrawn)
        {
            Withdrawn = withdrawn;
            Response.StatusCode = StatusCodes.Status410Gone;
            return Page();
        }
        if (found is not { Claim: { } claim, Publication: { } publication })
        {
            return NotFound();
        }
        (Claim, Publication) = (claim, publication);
        var statuses = await scale.ScaleAsync(cancellationToken);
        var status = statuses.FirstOrDefault(s => s.Key == Claim.Status?.Key);
        StatusDescription = await scale.DescriptionAsync(Claim.Status?.Key);
        CanonicalUrl = $"{address.Origin(Request)}/claims/{Uri.EscapeDataString(Claim.Slug)}";
        var publisher = await site.GetAsync(cancellationToken);
        PublisherName = publisher.PublisherName;
        StatusName = await scale.NameAsync(Claim.Status);
        Article = new ClaimArticle(Claim, Publication, StatusDescription, await directory.LinksAsync(cancellationToken), PublisherName, contentLanguage.Code,
            await evidence.ForSourcesAsync(Claim.Sources.Select(s => s.SourceId).Distinct().ToList(), cancellationToken), publisher.ReadersMayOpenCopies);
        // Only the current version reviews the claim: an older one's verdict would contradict it under the same address.
        ClaimReview = Publication.IsLatest
            ? ClaimReviewMarkup.For(Claim, status, statuses.Max(s => s.RatingValue) ?? 1, publisher, CanonicalUrl, StatusName)
            : null;
        return Page();
    }
}

/// <summary>What <c>_ClaimArticle</c> renders: a claim as readers see it, at a publication, with the pages it links to,
/// the publisher for the byline, the language the desk writes in, and what is kept of its sources' pages (linked when
/// readers may open preserved copies).</summary>
public sealed record ClaimArticle(ClaimDetails Claim, PublicationInfo Publication, string? StatusDescription, ReaderLinks Links,
    string Publisher, string ContentLanguage, IReadOnlyDictionary<int, ClaimTracker.Infrastructure.Evidence.SourceEvidenceView> Evidence, bool ReadersOpenCopies);

/// <summary>The HTML other sites paste to show a claim's card (public and staff claim pages offer it to copy).</summary>
public static class EmbedSnippet
{
    public static string For(string canonicalUrl, string headline) =>
        $"<iframe src=\"{canonicalUrl}/embed\" title=\"{System.Net.WebUtility.HtmlEncode(headline)}\" width=\"100%\" height=\"200\" style=\"border:0\" loading=\"lazy\"></iframe>";
}
