using ClaimTracker.Infrastructure.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ClaimTracker.Web.Pages.Editor.Import;

/// <summary>One import: its preview until started, then its progress (the page reloads itself), then what it made.</summary>
public sealed class JobModel(ClaimReviewImportRun runs) : PageModel
{
    public ImportJob Job { get; private set; } = null!;

    public IActionResult OnGet(Guid id)
    {
        if (runs.Find(id, User.Identity!.Name!, User.IsInRole(Domain.Accounts.Roles.Admin)) is not { } job)
        {
            return NotFound();
        }
        Job = job;
        return Page();
    }

    public IActionResult OnPostStart(Guid id)
    {
        if (runs.Find(id, User.Identity!.Name!) is not { } job)
        {
            return NotFound();
        }
        runs.Start(job); // a second click, or a plan with problems, starts nothing; the page says where it stands
        return RedirectToPage(new { id });
    }
}
