using ClaimTracker.Infrastructure.Claims;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ClaimTracker.Web.Pages.Editor;

public sealed class MyWorkModel(MyWorkQuery myWork, ClaimTracker.Infrastructure.Workflow.ClaimWorkflow workflow) : PageModel
{
    public IReadOnlyList<ClaimRow> SentBack { get; private set; } = [];

    public IReadOnlyList<ClaimRow> Assigned { get; private set; } = [];

    public IReadOnlyList<ClaimRow> Drafts { get; private set; } = [];

    [Microsoft.AspNetCore.Mvc.TempData]
    public string? StatusMessage { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        (Assigned, Drafts) = await myWork.GetAsync(User.Identity!.Name!, cancellationToken);
        SentBack = await workflow.SentBackToAsync(User.Identity!.Name!, cancellationToken);
    }
}
