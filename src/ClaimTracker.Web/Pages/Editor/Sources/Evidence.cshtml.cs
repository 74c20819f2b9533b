using ClaimTracker.Web.Localisation;
using ClaimTracker.Infrastructure.Claims;
using ClaimTracker.Infrastructure.Evidence;
using Microsoft.AspNetCore.Mvc;

namespace ClaimTracker.Web.Pages.Editor.Sources;

/// <summary>A source's kept evidence: preserved copies of its page (capture one now) and uploaded files (screenshots, PDFs).</summary>
[RequestFormLimits(MultipartBodyLengthLimit = 32 * 1024 * 1024)]
public sealed class EvidenceModel(SourceLibrary library, EvidenceLibrary evidence, LinkCheck links) : EvidenceFilesPage(evidence)
{
    public SourceEditView Source { get; private set; } = null!;

    public IReadOnlyList<CaptureRow> Captures { get; private set; } = [];

    public FlaggedSource? Flag { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    /// <summary>Keeps a copy of the page as it is now (the address is fetched through the guarded client).</summary>
    public async Task<IActionResult> OnPostCaptureAsync(int id, CancellationToken cancellationToken)
    {
        if (await library.FindAsync(id, cancellationToken) is not { } found)
        {
            return NotFound();
        }
        var fetched = await Evidence.FetchAsync(found.Draft.Url, id, User.Identity!.Name!, cancellationToken);
        if (!fetched.Fetch.Succeeded)
        {
            ModelState.AddModelError("Capture", Ui.T(fetched.Fetch.Refusal!));
            return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
        }
        TempData["StatusMessage"] = Ui.T("A copy of the page was kept.");
        return RedirectToPage(new { id });
    }

    protected override (int? SourceId, int? StatementId) Owner(int id) => (id, null);

    protected override async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        if (await library.FindAsync(id, cancellationToken) is not { } found)
        {
            return false;
        }
        Source = found;
        Captures = await Evidence.CapturesAsync(id, cancellationToken);
        Files = await Evidence.FilesAsync(id, cancellationToken: cancellationToken);
        Flag = (await links.FlaggedAsync(cancellationToken: cancellationToken)).FirstOrDefault(f => f.Id == id);
        return true;
    }
}
