using ClaimTracker.Infrastructure.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ClaimTracker.Web.Pages.Editor.Claims;

/// <summary>Logs a claim. Before creating one that resembles existing claims, the editor is shown them and confirms.</summary>
public sealed class NewModel(ClaimEditor editor, ClaimQueries queries, ActorDirectory actors) : PageModel
{
    [BindProperty]
    public ClaimForm Input { get; set; } = new();

    [BindProperty]
    public bool ConfirmedNew { get; set; }

    public IReadOnlyList<ClaimRow> Similar { get; private set; } = [];

    public ClaimFormOptions Options { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadOptionsAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadOptionsAsync(cancellationToken);
        if (!ModelState.IsValid)
        {
            return Page();
        }
        if (!ConfirmedNew)
        {
            Similar = await queries.SimilarAsync($"{Input.Headline} {Input.OriginalText}", null, cancellationToken);
            if (Similar.Count > 0)
            {
                return Page();
            }
        }
        var result = await editor.CreateAsync(Input.ToInput(), User.Identity!.Name!, cancellationToken);
        if (!result.Succeeded)
        {
            ModelState.AddFieldErrors(result.Errors);
            return Page();
        }
        TempData["StatusMessage"] = "Claim created. Add statements, sources and its status below.";
        return RedirectToPage("Details", new { id = result.Id });
    }

    private async Task LoadOptionsAsync(CancellationToken cancellationToken) =>
        Options = new ClaimFormOptions(await actors.OptionsAsync(cancellationToken), null);
}
