using ClaimTracker.Web.Localisation;
using ClaimTracker.Domain.Claims;
using ClaimTracker.Infrastructure.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ClaimTracker.Web.Pages.Editor.Sources;

public sealed class EditModel(SourceLibrary library, ActorDirectory actors) : PageModel
{
    [BindProperty]
    public SourceInput Source { get; set; } = new();

    [BindProperty]
    public Guid Version { get; set; }

    public IReadOnlyList<(int Id, string Headline)> CitedBy { get; private set; } = [];

    public IReadOnlyList<ActorOption> Outlets { get; private set; } = [];

    public string? ExcerptSha256 { get; private set; }

    public DateTime? ExcerptCapturedAtUtc { get; private set; }

    /// <summary>Library sources that look like this one: candidates to merge it into.</summary>
    public IReadOnlyList<DuplicateCandidate> Duplicates { get; private set; } = [];

    public int? MergeInto { get; private set; }

    /// <summary>Merges this source into another (two records of one article); the other one stays.</summary>
    public async Task<IActionResult> OnPostMergeAsync(int id, int? mergeInto, CancellationToken cancellationToken)
    {
        MergeInto = mergeInto;
        var result = mergeInto is { } keep
            ? await library.MergeAsync(id, keep, User.Identity!.Name!, cancellationToken)
            : ClaimTracker.Infrastructure.Claims.WorkResult.Invalid("mergeInto", Ui.T("Choose the source to keep."));
        if (result.Succeeded)
        {
            TempData["StatusMessage"] = string.Format(Ui.T("Source #{0} merged into this one: its citations moved here; the claims concerned wait for review."), id);
            return RedirectToPage(new { id = result.Id });
        }
        ModelState.AddFieldErrors(result.Errors, prefix: string.Empty);
        return await LoadAsync(id, replaceInput: true, cancellationToken) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, replaceInput: true, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        var draft = new Source.Draft(Source.Url, Source.Title ?? string.Empty, Source.OutletId, Source.Author, Source.PublishedOn,
            Source.Language ?? string.Empty, Source.ArchiveUrl, Source.Excerpt);
        var result = await library.EditAsync(id, Version, draft, User.Identity!.Name!, cancellationToken);
        if (result.Succeeded)
        {
            TempData["StatusMessage"] = Ui.T("Source saved.");
            return RedirectToPage(new { id });
        }
        ModelState.AddFieldErrors(result.Errors, prefix: nameof(Source));
        return await LoadAsync(id, replaceInput: result.IsConflict, cancellationToken) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(int id, bool replaceInput, CancellationToken cancellationToken)
    {
        if (await library.FindAsync(id, cancellationToken) is not { } found)
        {
            return false;
        }
        if (replaceInput)
        {
            var d = found.Draft;
            Source = new SourceInput
            {
                Url = d.Url, Title = d.Title, OutletId = d.OutletId, Author = d.Author, PublishedOn = d.PublishedOn,
                Language = d.Language, ArchiveUrl = d.ArchiveUrl, Excerpt = d.Excerpt,
            };
            ModelState.Remove(nameof(Version));
            Version = found.Version;
        }
        CitedBy = found.CitedBy;
        ExcerptSha256 = found.ExcerptSha256;
        ExcerptCapturedAtUtc = found.ExcerptCapturedAtUtc;
        Outlets = (await actors.OptionsAsync(cancellationToken)).Where(a => a.Kind == ActorKind.NewsOutlet).ToList();
        Duplicates = await library.LikelyDuplicatesAsync(found.Draft, exceptId: id, cancellationToken);
        return true;
    }
}
