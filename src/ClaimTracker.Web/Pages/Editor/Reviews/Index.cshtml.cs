using ClaimTracker.Infrastructure.Workflow;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ClaimTracker.Web.Pages.Editor.Reviews;

/// <summary>The reviewers' queue: everything submitted, the longest waiting first.</summary>
public sealed class IndexModel(ClaimWorkflow workflow) : PageModel
{
    public IReadOnlyList<ReviewQueueRow> Queue { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Queue = await workflow.QueueAsync(cancellationToken);
}
