using ClaimTracker.Web.Localisation;
using ClaimTracker.Domain.Claims;
using ClaimTracker.Infrastructure.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ClaimTracker.Web.Pages.Editor.Actors;

public sealed class IndexModel(ActorDirectory directory) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

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

    public sealed class InputModel
    {
        public string? Name { get; set; }

        public ActorKind Kind { get; set; } = ActorKind.State;

        public string? Country { get; set; }

        public string? Description { get; set; }

        public string? WikidataId { get; set; }

        public string? ProvenanceLabel { get; set; }

        /// <summary>Other names, one per line.</summary>
        public string? Aliases { get; set; }

        public IReadOnlyList<string> AliasList => (Aliases ?? string.Empty).Split('\n').ToList();
    }
}
