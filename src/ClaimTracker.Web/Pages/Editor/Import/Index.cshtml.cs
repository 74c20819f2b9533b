using ClaimTracker.Web.Localisation;
using ClaimTracker.Infrastructure.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ClaimTracker.Web.Pages.Editor.Import;

/// <summary>Bring published ClaimReview in, from a file or a page address: planned first, shown, then carried out.</summary>
[RequestFormLimits(MultipartBodyLengthLimit = 32 * 1024 * 1024)]
public sealed class IndexModel(ClaimReviewImport import, ClaimReviewImportRun runs) : PageModel
{
    [BindProperty]
    public IFormFile? Upload { get; set; }

    [BindProperty]
    public string? Address { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostFileAsync(CancellationToken cancellationToken)
    {
        if (Upload is null || Upload.Length == 0)
        {
            ModelState.AddModelError(nameof(Upload), Ui.T("Choose a JSON file with ClaimReview (one review, a list, an @graph or a DataFeed)."));
            return Page();
        }
        using var buffer = new MemoryStream();
        await Upload.CopyToAsync(buffer, cancellationToken);
        return Planned(nameof(Upload), await import.PlanFromFileAsync(Path.GetFileName(Upload.FileName), buffer.ToArray(), cancellationToken));
    }

    public async Task<IActionResult> OnPostPageAsync(CancellationToken cancellationToken) =>
        Planned(nameof(Address), await import.PlanFromPageAsync(Address, cancellationToken));

    /// <summary>A plan with reviews goes to its own page (preview, then start); one without says why next to the field.</summary>
    private IActionResult Planned(string field, ImportPlan plan)
    {
        if (plan.Reviews.Count == 0 && plan.Problems.Count > 0 && plan.Problems.Count <= 1)
        {
            ModelState.AddModelError(field, plan.Problems[0]);
            return Page();
        }
        var job = runs.Plan(plan, User.Identity!.Name!);
        return RedirectToPage("Job", new { id = job.Id });
    }
}
