using ClaimTracker.Web.Localisation;
using System.ComponentModel.DataAnnotations;
using ClaimTracker.Domain.Accounts;
using ClaimTracker.Domain.Text;
using ClaimTracker.Infrastructure.Accounts;
using ClaimTracker.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace ClaimTracker.Web.Pages.Account;

[EnableRateLimiting(SecuritySetup.SignInPolicy)]
public sealed class LoginModel(StaffSignIn signIn) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [TempData]
    public string? StatusMessage { get; set; }

    public void OnGet()
    {
        if (TempData[SignInForm.EmailKey] is string email)
        {
            Input.Email = email;
        }
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var answer = await signIn.SignInAsync(Input.Email, Input.Password, Input.RememberMe);
        if (answer.Outcome == SignInOutcome.Succeeded)
        {
            return LocalRedirect(LocalUrl.SafeOrHome(ReturnUrl));
        }
        if (answer.Outcome == SignInOutcome.SecondFactorRequired)
        {
            return RedirectToPage("/Account/SecondStep", new { returnUrl = ReturnUrl, rememberMe = Input.RememberMe });
        }
        if (answer.Outcome == SignInOutcome.RateLimited)
        {
            Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(answer.RetryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return StatusCode(StatusCodes.Status429TooManyRequests);
        }
        // One answer for every refusal: whether an account exists, is locked or disabled is not for strangers to learn.
        ModelState.AddModelError(string.Empty, Ui.T(SignInForm.FailedMessage));
        return Page();
    }

    /// <summary>The browser's answer to the passkey ceremony (filled in by passkeys.js).</summary>
    [BindProperty]
    public string? CredentialJson { get; set; }

    /// <summary>The WebAuthn options for "Sign in with a passkey"; the ceremony's state waits in a protected cookie.</summary>
    public async Task<IActionResult> OnPostPasskeyOptionsAsync() => Content(await signIn.PasskeyOptionsAsync(), "application/json");

    public async Task<IActionResult> OnPostPasskeyAsync()
    {
        ModelState.Clear();
        if (string.IsNullOrWhiteSpace(CredentialJson))
        {
            ModelState.AddModelError("Passkey", Ui.T("Signing in with a passkey needs JavaScript: browsers offer passkeys to scripts only. Use your email and password instead."));
            return Page();
        }
        var answer = await signIn.PasskeyAsync(CredentialJson);
        if (answer.Outcome == SignInOutcome.Succeeded)
        {
            return LocalRedirect(LocalUrl.SafeOrHome(ReturnUrl));
        }
        ModelState.AddModelError("Passkey", answer.Outcome == SignInOutcome.Failed
            ? Ui.T("That passkey is not known here, or the browser's answer did not check out. Try again, or use your email and password.")
            : Ui.T(SignInForm.FailedMessage));
        return Page();
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter your email address.")]
        [Display(Name = "Email")]
        [StringLength(EmailAddress.MaxLength, ErrorMessage = "{0} can have at most {1} characters.")]
        public string Email { get; set; } = string.Empty;

        [Required(ErrorMessage = "Enter your password.")]
        [Display(Name = "Password")]
        [StringLength(PasswordPolicy.MaxLength, ErrorMessage = "{0} can have at most {1} characters.")]
        [DataType(DataType.Password)]
        public string Password { get; set; } = string.Empty;

        public bool RememberMe { get; set; }
    }
}
