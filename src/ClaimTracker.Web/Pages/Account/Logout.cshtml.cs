using ClaimTracker.Web.Localisation;
using ClaimTracker.Infrastructure.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ClaimTracker.Web.Pages.Account;

/// <summary>Signing out is a POST with an antiforgery token, so no link or image can sign anyone out.</summary>
public sealed class LogoutModel(StaffSignIn signIn) : PageModel
{
    [TempData]
    public string? StatusMessage { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync(User.Identity?.Name);
        StatusMessage = Ui.T("You are signed out.");
        return RedirectToPage("/Account/Login");
    }
}
