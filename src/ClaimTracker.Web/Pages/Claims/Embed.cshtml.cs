using ClaimTracker.Infrastructure.Claims;
using ClaimTracker.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ClaimTracker.Web.Pages.Claims;

/// <summary>A small status card other sites may show in an iframe: the only page any site may frame.</summary>
[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = ClaimTracker.Web.Hosting.PublicCaching.Policy)]
[AllowFraming]
public sealed class EmbedModel(PublicClaimPage claims, ClaimTracker.Infrastructure.Site.SitePublishing site, Localisation.ContentLanguage contentLanguage) : PageModel
{
    public ClaimDetails Claim { get; private set; } = null!;

    /// <summary>Who checked the claim: the card names them wherever it is shown.</summary>
    public string Publisher { get; private set; } = string.Empty;

    /// <summary>The headline's language when it is not the card's.</summary>
    public string? HeadlineLanguage => contentLanguage.Code == Localisation.Ui.Language ? null : contentLanguage.Code;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        var found = await claims.BySlugAsync(slug, cancellationToken: cancellationToken);
        if (found.RedirectTo is { } current)
        {
            return RedirectPermanent($"/claims/{Uri.EscapeDataString(current)}/embed");
        }
        if (found.Claim is null)
        {
            return NotFound();
        }
        Claim = found.Claim;
        Publisher = (await site.GetAsync(cancellationToken)).PublisherName;
        return Page();
    }
}
