using ClaimTracker.Web.Localisation;
using ClaimTracker.Domain.Claims;
using ClaimTracker.Infrastructure.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ClaimTracker.Web.Pages.Editor.Actors;

public sealed class IndexModel(ActorDirectory directory) : PageModel
{
    [BindProperty]
    public ActorInput Input { get; set; } = new();

    public IReadOnlyList<ActorRow> Actors { get; private set; } = [];

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Actors = await directory.ListAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var result = await directory.CreateAsync(new Actor.Draft(Input.Name ?? string.Empty, Input.Kind, Input.Country,
            Input.Description, Input.WikidataId, Input.ProvenanceLabel, Input.AliasList), cancellationToken);
        if (!result.Succeeded)
        {
            ModelState.AddFieldErrors(result.Errors);
            Actors = await directory.ListAsync(cancellationToken);
            return Page();
        }
        StatusMessage = string.Format(Ui.T("Added {0}."), Input.Name!.Trim());
        return RedirectToPage();
    }
}
