using ClaimTracker.Infrastructure.Auditing;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ClaimTracker.Web.Pages.Admin.Audit;

public sealed class IndexModel(AuditLog audit) : PageModel
{
    public int Limit => 500;

    public IReadOnlyList<AuditRow> Entries { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Entries = await audit.LatestAsync(Limit, cancellationToken);
}
