using ClaimTracker.Web.Localisation;
using System.ComponentModel.DataAnnotations;
using ClaimTracker.Domain.Text;
using ClaimTracker.Infrastructure.Accounts;
using ClaimTracker.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace ClaimTracker.Web.Pages.Account;

/// <summary>Signing in, second step: the authenticator app's code, or one of the recovery codes.</summary>
[EnableRateLimiting(SecuritySetup.SignInPolicy)]
public sealed class SecondStepModel(StaffSignIn signIn) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool RememberMe { get; set; }

    [BindProperty]
    [StringLength(40, ErrorMessage = "That is longer than any code.")]
    public string? Code { get; set; }

    [BindProperty]
    [StringLength(40, ErrorMessage = "That is longer than any recovery code.")]
    public string? RecoveryCode { get; set; }

    public string Account { get; private set; } = string.Empty;

    public async Task<IActionResult> OnGetAsync()
    {
        if (await signIn.PendingSecondStepAsync() is not { } account)
        {
            return Expired();
        }
        Account = account;
        return Page();
    }

    public Task<IActionResult> OnPostAsync() => StepAsync(Code, nameof(Code), recovery: false,
        Ui.T("Type the 6-digit code your authenticator app shows."), Ui.T("That code is not the one your app shows now. Codes change every 30 seconds; if they never match, check that your phone sets its clock automatically."));

    public Task<IActionResult> OnPostRecoveryAsync() => StepAsync(RecoveryCode, nameof(RecoveryCode), recovery: true,
        Ui.T("Type one of your recovery codes."), Ui.T("That is not one of your unused recovery codes."));

    private async Task<IActionResult> StepAsync(string? code, string field, bool recovery, string missing, string wrong)
    {
        if (await signIn.PendingSecondStepAsync() is not { } account)
        {
            return Expired();
        }
        Account = account;
        if (string.IsNullOrWhiteSpace(code))
        {
            ModelState.AddModelError(field, missing);
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var answer = await signIn.SecondStepAsync(code!, RememberMe, recovery);
        switch (answer.Outcome)
        {
            case SignInOutcome.Succeeded:
                return LocalRedirect(LocalUrl.SafeOrHome(ReturnUrl));
            case SignInOutcome.RateLimited:
                Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(answer.RetryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                return StatusCode(StatusCodes.Status429TooManyRequests);
            case SignInOutcome.LockedOut:
                ModelState.AddModelError(string.Empty, Ui.T(SignInForm.FailedMessage));
                return Page();
            default:
                ModelState.AddModelError(field, wrong);
                return Page();
        }
    }

    /// <summary>No password was checked in this browser lately: the step cannot be taken; the page says so and links to sign-in.</summary>
    public bool IsExpired { get; private set; }

    private PageResult Expired()
    {
        IsExpired = true;
        return Page();
    }
}
