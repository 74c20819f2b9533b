using ClaimTracker.Web.Localisation;
using ClaimTracker.Infrastructure.Accounts;
using ClaimTracker.Web.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ClaimTracker.Web.Pages.Admin.Users;

public sealed class EditModel(StaffAccounts accounts, UserManager<AppUser> users, SecondFactors factors) : PageModel
{
    public StaffDetails Account { get; private set; } = null!;

    /// <summary>The stamp the form was rendered with; a change since then is a conflict, not an overwrite.</summary>
    [BindProperty]
    [System.ComponentModel.DataAnnotations.StringLength(64)]
    public string ConcurrencyStamp { get; set; } = string.Empty;

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [TempData]
    public string? StatusMessage { get; set; }

    public string? SetPasswordLink { get; private set; }

    /// <summary>The account's second factors, in words.</summary>
    public string SecondFactorSummary { get; private set; } = string.Empty;

    public int LinkLifetimeDays => (int)AccountsSetup.SetPasswordLinkLifetime.TotalDays;

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        SetPasswordLink = TempData[Users.SetPasswordLink.TempDataKey] as string;
        return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
    }

    public Task<IActionResult> OnPostRolesAsync(string id, CancellationToken cancellationToken) =>
        ApplyAsync(id, Ui.T("Roles saved."),
            () => accounts.ChangeRolesAsync(ActorId, id, ConcurrencyStamp, Input.Roles, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostBylineAsync(string id, CancellationToken cancellationToken) =>
        ApplyAsync(id, Ui.T("Byline name saved. Public pages show it now."),
            () => accounts.SetBylineNameAsync(ActorId, id, ConcurrencyStamp, Input.BylineName, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostDisableAsync(string id, CancellationToken cancellationToken) =>
        ApplyAsync(id, Ui.T("Account disabled. Its sessions have ended."),
            () => accounts.DisableAsync(ActorId, id, ConcurrencyStamp, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostEnableAsync(string id, CancellationToken cancellationToken) =>
        ApplyAsync(id, Ui.T("Account enabled."),
            () => accounts.EnableAsync(ActorId, id, ConcurrencyStamp, cancellationToken), cancellationToken);

    public async Task<IActionResult> OnPostLinkAsync(string id, CancellationToken cancellationToken)
    {
        var result = await accounts.IssueSetPasswordTokenAsync(ActorId, id, cancellationToken);
        if (result.Succeeded)
        {
            TempData[Users.SetPasswordLink.TempDataKey] = Users.SetPasswordLink.For(Url, Request, id, result.SetPasswordToken!);
        }
        return await FinishAsync(id, result, Ui.T("New set-password link issued."), cancellationToken);
    }

    public async Task<IActionResult> OnPostResetSecondFactorsAsync(string id, CancellationToken cancellationToken)
    {
        if (!await factors.ResetAsync(id, User.Identity!.Name!))
        {
            return NotFound();
        }
        StatusMessage = Ui.T("Second factors removed and sessions ended. The colleague signs in with their password and sets up a new factor.");
        return RedirectToPage(new { id });
    }

    private string ActorId => users.GetUserId(User)!;

    private async Task<IActionResult> ApplyAsync(string id, string success, Func<Task<AccountResult>> change,
        CancellationToken cancellationToken) =>
        await FinishAsync(id, await change(), success, cancellationToken);

    private async Task<IActionResult> FinishAsync(string id, AccountResult result, string success,
        CancellationToken cancellationToken)
    {
        if (result.Succeeded)
        {
            StatusMessage = success;
            return RedirectToPage(new { id });
        }
        ModelState.AddModelError(Request.Query["handler"] == "Byline" ? "Input.BylineName" : string.Empty, Localisation.Ui.T(result.Error));
        return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(string id, CancellationToken cancellationToken)
    {
        var account = await accounts.FindAsync(id, cancellationToken);
        if (account is null)
        {
            return false;
        }
        Account = account;
        // After a refused byline the admin sees what they typed, with the message beside it.
        if (ModelState.IsValid || Request.Query["handler"] != "Byline")
        {
            Input.BylineName = account.BylineName;
        }
        SecondFactorSummary = await factors.DescribeAsync(id);
        // Show what is stored now: after a conflict the admin decides again on current data.
        ModelState.Remove(nameof(ConcurrencyStamp));
        ConcurrencyStamp = account.ConcurrencyStamp;
        return true;
    }

    public sealed class InputModel
    {
        public List<string> Roles { get; set; } = [];

        /// <summary>Bound as typed: the account's rule says what is too long (an over-long name comes back with a message, not cut).</summary>
        public string? BylineName { get; set; }
    }
}
