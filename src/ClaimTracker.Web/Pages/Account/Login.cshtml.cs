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
        if (answer.Outcome == SignInOutcome.RateLimited)
        {
            Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(answer.RetryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return StatusCode(StatusCodes.Status429TooManyRequests);
        }
        // One answer for every refusal: whether an account exists, is locked or disabled is not for strangers to learn.
        ModelState.AddModelError(string.Empty, FailedMessage);
        return Page();
    }

    public static readonly string FailedMessage =
        $"Wrong email or password — or the account cannot sign in now: it is locked for {PasswordPolicy.LockoutDuration.TotalMinutes:0} minutes " +
        $"after {PasswordPolicy.MaxFailedAttempts} failed attempts, or an admin disabled it.";

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
