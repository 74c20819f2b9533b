using ClaimTracker.Infrastructure.Claims;
using ClaimTracker.Infrastructure.Workflow;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ClaimTracker.Web.Pages.Claims;

/// <summary>Every approved version of a public claim page, newest first; each stays readable.</summary>
[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = ClaimTracker.Web.Hosting.PublicCaching.Policy)]
public sealed class VersionsModel(PublicClaimPage claims) : PageModel
{
    public string Slug { get; private set; } = string.Empty;

    public string Headline { get; private set; } = string.Empty;

    public IReadOnlyList<VersionRow> Versions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        if (await claims.VersionsAsync(slug, cancellationToken) is not { } found)
        {
            return await claims.MovedToAsync(slug, cancellationToken) is { } current
                ? RedirectPermanent($"/claims/{Uri.EscapeDataString(current)}/versions")
                : NotFound();
        }
        (Slug, Headline, Versions) = (slug, found.Headline, found.Versions);
        return Page();
    }
}
