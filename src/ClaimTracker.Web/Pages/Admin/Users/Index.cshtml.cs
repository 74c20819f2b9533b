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
        { IsDisabled: true } => "Disabled",
        { LockedOutUntil: { } until } => $"Locked until {until.UtcDateTime:HH:mm} UTC",
        { HasPassword: false } => "Invited (no password yet)",
        _ => "Active",
    };
}
