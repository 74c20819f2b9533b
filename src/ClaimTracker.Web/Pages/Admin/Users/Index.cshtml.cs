using ClaimTracker.Web.Localisation;
using ClaimTracker.Infrastructure.Accounts;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ClaimTracker.Web.Pages.Admin.Users;

public sealed class IndexModel(StaffAccounts accounts) : PageModel
{
    public IReadOnlyList<StaffRow> Users { get; private set; } = [];

    [Microsoft.AspNetCore.Mvc.TempData]
    public string? StatusMessage { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Users = await accounts.ListAsync(cancellationToken);

    public static string Describe(StaffRow user) => user switch
    {
        { IsDisabled: true } => Ui.T("Disabled"),
        { LockedOutUntil: { } until } => string.Format(Ui.T("Locked until {0} UTC"), until.UtcDateTime.ToString("HH:mm")),
        { HasPassword: false } => Ui.T("Invited (no password yet)"),
        _ => Ui.T("Active"),
    };
}
