using ClaimTracker.Web.Localisation;
using ClaimTracker.Infrastructure.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ClaimTracker.Web.Pages.Editor.Claims;

/// <summary>
/// Edits a claim. The form carries the version it was read at; if someone saved in between, nothing is
/// overwritten: the page shows the current claim and keeps this editor's input for a second try.
/// </summary>
public sealed class EditModel(EditClaim editor, ClaimEditQuery form, ActorDirectory actors, ClaimTracker.Infrastructure.Security.RichTextFormat richText) : PageModel
{
    [BindProperty]
    public ClaimForm Input { get; set; } = new();

    [BindProperty]
    public Guid Version { get; set; }

    public ClaimEditData Current { get; private set; } = null!;

    public ClaimFormOptions Options { get; private set; } = null!;

    public bool Conflict { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        Input = ClaimForm.From(Current, richText);
        Version = Current.Version;
        return Page();
    }

    /// <remarks>The claim is read for the form only when the form comes back (a save that succeeds redirects).</remarks>
    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (MarkdownPreview.RequestedField(Request) is not null)
        {
            var preview = MarkdownPreview.Render(richText, ModelState, "Input.Summary", Input.Summary);
            if (!await LoadAsync(id, cancellationToken))
            {
                return NotFound();
            }
            Options = Options with { SummaryPreview = preview };
            return Page();
        }
        if (!ModelState.IsValid)
        {
            return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
        }
        if (!await ClaimFormActors.AddTickedAsync(Input, actors, ModelState, cancellationToken))
        {
            await ClaimFormActors.OfferAsync(Input, actors, cancellationToken);
            return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
        }
        var result = await editor.EditAsync(id, Version, Input.ToInput(), User.Identity!.Name!, cancellationToken);
        if (result.Succeeded)
        {
            TempData["StatusMessage"] = Ui.T("Claim saved.");
            return RedirectToPage("Details", new { id });
        }
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        ModelState.AddFieldErrors(result.Errors);
        await ClaimFormActors.OfferAsync(Input, actors, cancellationToken);
        if (result.IsConflict)
        {
            // The form keeps what this editor typed; its version becomes the one just read, so saving again overwrites knowingly.
            Conflict = true;
            ModelState.Remove(nameof(Version));
            Version = Current.Version;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostSlugAsync(int id, string? newSlug, CancellationToken cancellationToken)
    {
        var result = await editor.ChangeSlugAsync(id, newSlug ?? string.Empty, User.Identity!.Name!, cancellationToken);
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        if (!result.Succeeded)
        {
            // The domain names the slug "Slug"; the form's field is NewSlug.
            ModelState.AddFieldErrors(result.Errors.Select(e => e.Field == "Slug" ? e with { Field = "NewSlug" } : e), prefix: string.Empty);
            Input = ClaimForm.From(Current, richText);
            Version = Current.Version;
            return Page();
        }
        TempData["StatusMessage"] = result.Slug == newSlug?.Trim()
            ? Ui.T("Slug changed.")
            : Ui.T("New slug saved: readers get it once a reviewer approves this revision; the old address then redirects to it.");
        return RedirectToPage("Details", new { id });
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        if (await form.GetAsync(id, cancellationToken) is not { } claim)
        {
            return false;
        }
        Current = claim;
        Options = new ClaimFormOptions(await actors.OptionsAsync(cancellationToken), id);
        return true;
    }
}
