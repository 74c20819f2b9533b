using ClaimTracker.Infrastructure.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ClaimTracker.Web.Pages.Topics;

[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = ClaimTracker.Web.Hosting.PublicCaching.Policy)]
public sealed class TopicPageModel(PublicDirectory claims, PublicTallies tallies) : PageModel
{
    public string Name { get; private set; } = string.Empty;

    public IReadOnlyList<PublicRow> Claims { get; private set; } = [];

    public string Slug { get; private set; } = string.Empty;

    /// <summary>The public claims filed under the topic, by status and over time.</summary>
    public Tally Tally { get; private set; } = Tally.Empty;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        if (await claims.TopicAsync(slug, cancellationToken) is not { } topic)
        {
            return NotFound();
        }
        (Name, Claims) = topic;
        Slug = slug;
        Tally = (await tallies.GetAsync(cancellationToken)).ForTopic(slug);
        return Page();
    }
}
