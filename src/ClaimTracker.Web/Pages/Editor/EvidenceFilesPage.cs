using ClaimTracker.Infrastructure.Claims;
using ClaimTracker.Infrastructure.Evidence;
using ClaimTracker.Web.Localisation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ClaimTracker.Web.Pages.Editor;

/// <summary>
/// A page holding the evidence files of one thing — a source or a statement (<c>_EvidenceFiles</c>): the upload and remove
/// handlers both pages share. The page says whose files they are and how it loads itself.
/// </summary>
public abstract class EvidenceFilesPage(EvidenceLibrary evidence) : PageModel
{
    [BindProperty]
    public EvidenceUploadInput Upload { get; set; } = new();

    protected EvidenceLibrary Evidence { get; } = evidence;

    public IReadOnlyList<EvidenceFileRow> Files { get; protected set; } = [];

    /// <summary>Who the route's id names: a source (first) or a statement (second).</summary>
    protected abstract (int? SourceId, int? StatementId) Owner(int id);

    /// <summary>Loads what the page shows; false when the id names nothing.</summary>
    protected abstract Task<bool> LoadAsync(int id, CancellationToken cancellationToken);

    public async Task<IActionResult> OnPostUploadAsync(int id, CancellationToken cancellationToken)
    {
        var (sourceId, statementId) = Owner(id);
        var result = Upload.File is { } file
            ? await Evidence.AttachAsync(sourceId, statementId, Upload.Caption, file.FileName, file.ContentType,
                await EvidenceUploadInput.ReadAsync(file, cancellationToken), User.Identity!.Name!, cancellationToken)
            : WorkResult.Invalid("File", "Choose a file: a screenshot (PNG, JPEG, WebP) or a PDF.");
        if (!result.Succeeded)
        {
            ModelState.AddFieldErrors(result.Errors, prefix: nameof(Upload));
            return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
        }
        TempData["StatusMessage"] = Ui.T("File attached.");
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostRemoveFileAsync(int id, int fileId, CancellationToken cancellationToken)
    {
        var result = await Evidence.RemoveFileAsync(fileId, User.Identity!.Name!, cancellationToken);
        TempData["StatusMessage"] = result.Succeeded ? Ui.T("File removed.") : Ui.T(result.Errors[0].Message);
        return RedirectToPage(new { id });
    }
}
