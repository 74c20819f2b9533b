using ClaimTracker.Infrastructure.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ClaimTracker.Web.Pages.Topics;

[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = ClaimTracker.Web.Hosting.PublicCaching.Policy)]
public sealed class TopicPageModel(PublicClaims claims) : PageModel
{
    public string Name { get; private set; } = string.Empty;

    public IReadOnlyList<PublicRow> Claims { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        if (await claims.TopicAsync(slug, cancellationToken) is not { } topic)
        {
            return NotFound();
        }
        (Name, Claims) = topic;
        return Page();
    }
}
