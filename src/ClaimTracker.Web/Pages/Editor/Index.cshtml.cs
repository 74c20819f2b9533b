using ClaimTracker.Domain.Accounts;
using ClaimTracker.Infrastructure.Claims;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ClaimTracker.Web.Pages.Editor;

/// <summary>The editors' start page: counts by status, overdue reviews, my work, recent changes.</summary>
public sealed class IndexModel(ClaimQueries queries) : PageModel
{
    public IReadOnlyList<string> MyRoles { get; private set; } = [];

    public DashboardView Dashboard { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        MyRoles = Roles.All.Where(User.IsInRole).ToList();
        Dashboard = await queries.DashboardAsync(User.Identity!.Name!, cancellationToken);
    }
}
