using ClaimTracker.Infrastructure.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ClaimTracker.Web.Pages.Account;

internal static class PasswordFormResults
{
    /// <summary>What the password forms answer when a change did not go through; null when it did.</summary>
    public static IActionResult? Failure(this PageModel page, PasswordResult result)
    {
        if (result.RateLimited)
        {
            return page.StatusCode(StatusCodes.Status429TooManyRequests);
        }
        if (result.Succeeded)
        {
            return null;
        }
        foreach (var error in result.Errors)
        {
            page.ModelState.AddModelError(string.Empty, Localisation.Ui.T(error));
        }
        return page.Page();
    }
}
