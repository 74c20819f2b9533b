using ClaimTracker.Web.Localisation;
using ClaimTracker.Infrastructure.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ClaimTracker.Web.Pages.Editor.Claims;

/// <summary>Logs a claim. Before creating one that resembles existing claims, the editor is shown them and confirms.</summary>
public sealed class NewModel(LogClaim logging, SimilarClaimsQuery similarClaims, ActorDirectory actors, ClaimTracker.Infrastructure.Security.RichTextFormat richText) : PageModel
{
    [BindProperty]
    public ClaimForm Input { get; set; } = new();

    [BindProperty]
    public bool ConfirmedNew { get; set; }

    public IReadOnlyList<ClaimRow> Similar { get; private set; } = [];

    public ClaimFormOptions Options { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Input.SubmissionId = Guid.NewGuid();
        await LoadOptionsAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadOptionsAsync(cancellationToken);
        Input.SubmissionId ??= Guid.NewGuid();
        if (await SavedAlreadyAsync(cancellationToken) is { } earlier)
        {
            return earlier;
        }
        if (MarkdownPreview.RequestedField(Request) is not null)
        {
            Options = Options with { SummaryPreview = MarkdownPreview.Render(richText, ModelState, "Input.Summary", Input.Summary) };
            return Page();
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        if (!await ClaimFormActors.AddTickedAsync(Input, actors, ModelState, cancellationToken))
        {
            await ClaimFormActors.OfferAsync(Input, actors, cancellationToken);
            return Page();
        }
        await LoadOptionsAsync(cancellationToken);
        if (!ConfirmedNew)
        {
            Similar = await similarClaims.GetAsync(Input.Headline ?? string.Empty, $"{Input.Headline} {Input.OriginalText}", null, cancellationToken);
            if (Similar.Count > 0)
            {
                // The similar claim may be the one this very form made a moment ago (posted twice at once).
                return await SavedAlreadyAsync(cancellationToken) ?? Page();
            }
        }
        var result = await logging.CreateAsync(Input.ToInput(), User.Identity!.Name!, cancellationToken);
        if (!result.Succeeded)
        {
            ModelState.AddFieldErrors(result.Errors);
            await ClaimFormActors.OfferAsync(Input, actors, cancellationToken);
            return Page();
        }
        TempData["StatusMessage"] = Ui.T("Claim created. Add statements, sources and its status below.");
        return RedirectToPage("Details", new { id = result.Id });
    }

    /// <summary>This form was saved already (a double click, a retry after a lost answer): the claim it made.</summary>
    private async Task<IActionResult?> SavedAlreadyAsync(CancellationToken cancellationToken)
    {
        if (await logging.CreatedByAsync(Input.SubmissionId!.Value, cancellationToken) is not { } earlier)
        {
            return null;
        }
        TempData["StatusMessage"] = Ui.T("This form was saved already: here is the claim it created.");
        return RedirectToPage("Details", new { id = earlier });
    }

    private async Task LoadOptionsAsync(CancellationToken cancellationToken) =>
        Options = new ClaimFormOptions(await actors.OptionsAsync(cancellationToken), null);
}
