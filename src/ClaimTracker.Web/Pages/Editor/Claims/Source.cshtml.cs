using ClaimTracker.Web.Localisation;
using ClaimTracker.Domain.Claims;
using ClaimTracker.Infrastructure.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ClaimTracker.Web.Pages.Editor.Claims;

/// <summary>Attaches a source from the library, or creates one (one address, one source) and attaches it.</summary>
public sealed class SourceModel(CiteSources citations, ClaimDetailsQuery details, SourceLibrary library, ActorDirectory actors,
    ClaimTracker.Infrastructure.Evidence.EvidenceLibrary evidence) : PageModel
{
    [BindProperty]
    public SourceLinkInput Link { get; set; } = new();

    [BindProperty]
    public Sources.SourceInput Source { get; set; } = new();

    [FromQuery(Name = "q")]
    public string? Query { get; set; }

    public ClaimDetails Claim { get; private set; } = null!;

    public IReadOnlyList<SourceRow> Library { get; private set; } = [];

    public IReadOnlyList<ActorOption> Outlets { get; private set; } = [];

    public int? ExistingSourceId { get; private set; }

    /// <summary>Library sources that look like the one being entered (shown before anything is saved).</summary>
    public IReadOnlyList<DuplicateCandidate> Duplicates { get; private set; } = [];

    /// <summary>After "Fetch details": what was filled from the page and what was kept of it.</summary>
    public FetchedDetails.Note? Fetched { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAttachAsync(int id, CancellationToken cancellationToken)
    {
        var result = await citations.AttachSourceAsync(id, Link.SourceId, Link.Stance, Link.Quote, Link.Note, User.Identity!.Name!, cancellationToken);
        return await FinishAsync(id, result, cancellationToken);
    }

    /// <summary>
    /// Fetches the address (through the guarded client), fills the form from the page's metadata and keeps a copy of the page;
    /// nothing of the source is saved yet: the editor checks the fields and creates it.
    /// </summary>
    public async Task<IActionResult> OnPostFetchAsync(int id, CancellationToken cancellationToken)
    {
        var result = await evidence.FetchAsync(Source.Url, null, User.Identity!.Name!, cancellationToken);
        ModelState.Clear();
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        if (!result.Fetch.Succeeded)
        {
            ModelState.AddModelError("Source.Url", Ui.T(result.Fetch.Refusal!));
            return Page();
        }
        Fetched = FetchedDetails.Fill(Source, result, Outlets);
        return Page();
    }

    public async Task<IActionResult> OnPostCreateAsync(int id, CancellationToken cancellationToken)
    {
        var draft = new Source.Draft(Source.Url, Source.Title ?? string.Empty, Source.OutletId, Source.Author, Source.PublishedOn,
            Source.Language ?? string.Empty, Source.ArchiveUrl, Source.Excerpt);
        // The same address is refused by the library itself, naming the source; look-alikes without it are asked about.
        if (!Source.ConfirmedDistinct
            && (await library.LikelyDuplicatesAsync(draft, cancellationToken: cancellationToken)).Where(d => !d.SameAddress).ToList() is { Count: > 0 } duplicates)
        {
            Duplicates = duplicates;
            return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
        }
        var result = await citations.AttachNewSourceAsync(id, draft, Link.Stance, Link.Quote, Link.Note, User.Identity!.Name!, cancellationToken);
        if (!result.Succeeded && result.Errors.Any(e => e.Field.StartsWith(CiteSources.NewSourceField, StringComparison.Ordinal)))
        {
            ExistingSourceId = result.Id;
            ModelState.AddFieldErrors(result.Errors, prefix: string.Empty);
            return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
        }
        if (result.Succeeded && Source.CaptureId is { } captureId)
        {
            // The copy kept by "Fetch details" belongs to the source just made (found by its stored address).
            await evidence.AdoptAsync(captureId, draft, User.Identity!.Name!, cancellationToken);
        }
        return await FinishAsync(id, result, cancellationToken);
    }

    private async Task<IActionResult> FinishAsync(int id, WorkResult result, CancellationToken cancellationToken)
    {
        if (!result.Succeeded)
        {
            ModelState.AddFieldErrors(result.Errors, prefix: nameof(Link));
            return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
        }
        TempData["StatusMessage"] = Ui.T("Source attached.");
        return RedirectToPage("Details", pageHandler: null, routeValues: new { id }, fragment: "sources");
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        if (await details.GetAsync(id, cancellationToken) is not { } claim)
        {
            return false;
        }
        Claim = claim;
        Library = await library.SearchAsync(Query, cancellationToken: cancellationToken);
        Outlets = (await actors.OptionsAsync(cancellationToken)).Where(a => a.Kind == ActorKind.NewsOutlet).ToList();
        return true;
    }
}
