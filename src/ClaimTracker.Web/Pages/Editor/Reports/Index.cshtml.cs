using ClaimTracker.Web.Localisation;
using ClaimTracker.Infrastructure.Feedback;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ClaimTracker.Web.Pages.Editor.Reports;

public sealed class IndexModel(ReaderReports reports) : PageModel
{
    public IReadOnlyList<ReportRow> Reports { get; private set; } = [];

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Reports = await reports.QueueAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(int id, string? note, CancellationToken cancellationToken)
    {
        var result = await reports.ResolveAsync(id, User.Identity!.Name!, note, cancellationToken);
        if (!result.Succeeded)
        {
            ModelState.AddFieldErrors(result.Errors, prefix: string.Empty);
            Reports = await reports.QueueAsync(cancellationToken);
            return Page();
        }
        StatusMessage = Ui.T("Report resolved.");
        return RedirectToPage();
    }
}
