using ClaimTracker.Web.Localisation;
using ClaimTracker.Infrastructure.Evidence;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ClaimTracker.Web.Pages.Editor.Claims;

/// <summary>Screenshots and documents of one statement (a post later deleted, a broadcast's still).</summary>
[RequestFormLimits(MultipartBodyLengthLimit = 32 * 1024 * 1024)]
public sealed class StatementEvidenceModel(EvidenceLibrary evidence) : PageModel
{
    [BindProperty]
    public EvidenceUploadInput Upload { get; set; } = new();

    public StatementHeading Statement { get; private set; } = null!;

    public IReadOnlyList<EvidenceFileRow> Files { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostUploadAsync(int id, CancellationToken cancellationToken)
    {
        var result = Upload.File is { } file
            ? await evidence.AttachAsync(null, id, Upload.Caption, file.FileName, file.ContentType, await EvidenceUploadInput.ReadAsync(file, cancellationToken), User.Identity!.Name!, cancellationToken)
            : ClaimTracker.Infrastructure.Claims.WorkResult.Invalid("File", Ui.T("Choose a file: a screenshot (PNG, JPEG, WebP) or a PDF."));
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
        var result = await evidence.RemoveFileAsync(fileId, User.Identity!.Name!, cancellationToken);
        TempData["StatusMessage"] = result.Succeeded ? Ui.T("File removed.") : Ui.T(result.Errors[0].Message);
        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        if (await evidence.StatementAsync(id, cancellationToken) is not { } statement)
        {
            return false;
        }
        Statement = statement;
        Files = await evidence.FilesAsync(null, [id], cancellationToken);
        return true;
    }
}
