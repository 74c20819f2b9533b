using ClaimTracker.Web.Localisation;
using ClaimTracker.Domain.Claims;
using ClaimTracker.Infrastructure.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ClaimTracker.Web.Pages.Editor.Actors;

public sealed class EditModel(ActorDirectory directory) : PageModel
{
    [BindProperty]
    public ActorInput Input { get; set; } = new();

    [BindProperty]
    public Guid Version { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        var result = await directory.EditAsync(id, Version, new Actor.Draft(Input.Name ?? string.Empty, Input.Kind, Input.Country,
            Input.Description, Input.WikidataId, Input.ProvenanceLabel, Input.AliasList), User.Identity!.Name!, cancellationToken);
        if (result.Succeeded)
        {
            TempData["StatusMessage"] = string.Format(Ui.T("Saved {0}."), Input.Name!.Trim());
            return RedirectToPage("Index");
        }
        ModelState.AddFieldErrors(result.Errors);
        if (result.IsConflict && !await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        return Page();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        if (await directory.FindAsync(id, cancellationToken) is not { } found)
        {
            return false;
        }
        var (draft, version) = found;
        Input = new ActorInput
        {
            Name = draft.Name, Kind = draft.Kind, Country = draft.Country, Description = draft.Description,
            WikidataId = draft.WikidataId, ProvenanceLabel = draft.ProvenanceLabel, Aliases = string.Join('\n', draft.Aliases ?? []),
        };
        ModelState.Remove(nameof(Version));
        Version = version;
        return true;
    }
}
