using ClaimTracker.Web.Localisation;
using System.ComponentModel.DataAnnotations;
using ClaimTracker.Domain.Accounts;
using ClaimTracker.Infrastructure.Accounts;
using ClaimTracker.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace ClaimTracker.Web.Pages.Account;

[EnableRateLimiting(SecuritySetup.SignInPolicy)]
public sealed class ChangePasswordModel(StaffPasswords passwords) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

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
        if (this.Failure(await passwords.ChangeAsync(User, Input.CurrentPassword, Input.NewPassword)) is { } failure)
        {
            return failure;
        }
        StatusMessage = Ui.T("Your password was changed.");
        return RedirectToPage();
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter your current password.")]
        [Display(Name = "Current password")]
        [StringLength(PasswordPolicy.MaxLength, ErrorMessage = "{0} can have at most {1} characters.")]
        [DataType(DataType.Password)]
        public string CurrentPassword { get; set; } = string.Empty;

        [Required(ErrorMessage = "Enter a new password.")]
        [Display(Name = "New password")]
        [StringLength(PasswordPolicy.MaxLength, ErrorMessage = "{0} can have at most {1} characters.")]
        [DataType(DataType.Password)]
        public string NewPassword { get; set; } = string.Empty;

        [DataType(DataType.Password)]
        [Compare(nameof(NewPassword), ErrorMessage = "The two new passwords do not match.")]
        public string ConfirmPassword { get; set; } = string.Empty;
    }
}
