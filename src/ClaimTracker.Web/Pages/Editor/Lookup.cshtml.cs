using ClaimTracker.Infrastructure.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ClaimTracker.Web.Pages.Editor;

/// <summary>One type-ahead suggestion: what goes into the field, and what the list shows beside it.</summary>
public sealed record Suggestion(string Value, string Label);

/// <summary>
/// The staff forms' type-ahead (js/typeahead.js): actors by name or other name, claims by headline (their permalink slug goes
/// into the field). The fields work without it: they take names and slugs as typed.
/// </summary>
public sealed class LookupModel(ActorDirectory actors, ClaimSuggestionsQuery claims) : PageModel
{
    public const int Limit = 10;

    public async Task<IActionResult> OnGetActorsAsync(string? q, CancellationToken cancellationToken) =>
        Answer((await actors.SuggestAsync(q, Limit, cancellationToken))
            .Select(a => new Suggestion(a.Name, a.FoundAs is null ? a.Name : $"{a.Name} ({a.FoundAs})")));

    public async Task<IActionResult> OnGetClaimsAsync(string? q, CancellationToken cancellationToken) =>
        Answer(string.IsNullOrWhiteSpace(q) || q.Trim().Length < 2 ? []
            : (await claims.GetAsync(q.Trim(), Limit, cancellationToken)).Select(c => new Suggestion(c.Slug, c.Headline)));

    private JsonResult Answer(IEnumerable<Suggestion> suggestions)
    {
        Response.Headers.CacheControl = "no-store";
        return new JsonResult(suggestions.ToList());
    }
}
