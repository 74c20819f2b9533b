using ClaimTracker.Domain.Accounts;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ClaimTracker.Web.Pages.Editor;

/// <summary>The editors' start page: counts by status, overdue reviews, my work, recent changes.</summary>
public sealed class IndexModel(DashboardQuery dashboard, ClaimTracker.Infrastructure.Evidence.LinkCheck links) : PageModel
{
    public IReadOnlyList<string> MyRoles { get; private set; } = [];

    public DashboardView Dashboard { get; private set; } = null!;

    /// <summary>Cited pages the link check found gone or changed.</summary>
    public IReadOnlyList<ClaimTracker.Infrastructure.Evidence.FlaggedSource> LinkRot { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        MyRoles = Roles.All.Where(User.IsInRole).ToList();
        Dashboard = await dashboard.GetAsync(User.Identity!.Name!, cancellationToken);
        LinkRot = await links.FlaggedAsync(cancellationToken: cancellationToken);
    }
}
