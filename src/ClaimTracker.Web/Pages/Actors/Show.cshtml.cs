using ClaimTracker.Infrastructure.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ClaimTracker.Web.Pages.Actors;

/// <summary>An actor's public page: the actor as approved with the claims naming it; 404 until a public claim's approved version names it.</summary>
[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = ClaimTracker.Web.Hosting.PublicCaching.Policy)]
public sealed class ActorPageModel(PublicDirectory claims, PublicTallies tallies) : PageModel
{
    public string Name { get; private set; } = string.Empty;

    public string? Description { get; private set; }

    /// <summary>The actor's Wikidata item, as approved.</summary>
    public string? WikidataId { get; private set; }

    public IReadOnlyList<PublicRow> Claims { get; private set; } = [];

    public string Slug { get; private set; } = string.Empty;

    /// <summary>The public claims naming the actor, by status and over time.</summary>
    public Tally Tally { get; private set; } = Tally.Empty;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        if (await claims.ActorAsync(slug, cancellationToken) is not { } actor)
        {
            return NotFound();
        }
        (Name, Description, WikidataId, Claims) = actor;
        Slug = slug;
        Tally = (await tallies.GetAsync(cancellationToken)).ForActor(slug);
        return Page();
    }
}
