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
        var outcome = await signIn.SignInAsync(Input.Email, Input.Password, Input.RememberMe);
        if (outcome == SignInOutcome.Succeeded)
        {
            return LocalRedirect(LocalUrl.IsSafe(ReturnUrl) ? ReturnUrl! : "/");
        }
        if (outcome == SignInOutcome.RateLimited)
        {
            return StatusCode(StatusCodes.Status429TooManyRequests);
        }
        ModelState.AddModelError(string.Empty, outcome switch
        {
            SignInOutcome.LockedOut =>
                $"Too many failed attempts: this account is locked for {PasswordPolicy.LockoutDuration.TotalMinutes:0} minutes. Try again later or ask an admin.",
            SignInOutcome.Disabled => "This account is disabled. Ask an admin to enable it.",
            _ => "Wrong email or password.",
        });
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
