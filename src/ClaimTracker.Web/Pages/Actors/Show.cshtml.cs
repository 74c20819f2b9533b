using ClaimTracker.Infrastructure.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ClaimTracker.Web.Pages.Actors;

[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = ClaimTracker.Web.Hosting.PublicCaching.Policy)]
public sealed class ActorPageModel(PublicClaims claims) : PageModel
{
    public string Name { get; private set; } = string.Empty;

    public string? Description { get; private set; }

    public IReadOnlyList<PublicRow> Claims { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        if (await claims.ActorAsync(slug, cancellationToken) is not { } actor)
        {
            return NotFound();
        }
        (Name, Description, Claims) = actor;
        return Page();
    }
}
