using ClaimTracker.Infrastructure.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ClaimTracker.Web.Pages.Claims;

/// <summary>
/// A claim's public status page. Drafts and unknown slugs are 404 (never 403); a slug changed on
/// purpose redirects permanently to the current one.
/// </summary>
public sealed class ClaimPageModel(PublicClaims claims, StatusScale scale) : PageModel
{
    public ClaimDetails Claim { get; private set; } = null!;

    public string? StatusDescription { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        var found = await claims.BySlugAsync(slug, cancellationToken);
        if (found.RedirectTo is { } current)
        {
            return RedirectPermanent("/claims/" + Uri.EscapeDataString(current));
        }
        if (found.Claim is null)
        {
            return NotFound();
        }
        Claim = found.Claim;
        StatusDescription = (await scale.ListAsync(cancellationToken)).FirstOrDefault(s => s.Key == Claim.Status?.Key)?.DescriptionEn;
        return Page();
    }
}
