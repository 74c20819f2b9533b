using System.ComponentModel.DataAnnotations;
using ClaimTracker.Infrastructure.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ClaimTracker.Web.Pages.Account;

/// <summary>Where a new colleague (or one whose password an admin reset) chooses a password, once per link.</summary>
public sealed class SetPasswordModel(UserManager<AppUser> users) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public bool LinkIsValid { get; private set; }

    public string Email { get; private set; } = string.Empty;

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task OnGetAsync(string? user, string? token)
    {
        Input = new InputModel { UserId = user ?? string.Empty, Token = token ?? string.Empty };
        await CheckLinkAsync();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await CheckLinkAsync();
        if (user is null || !ModelState.IsValid)
        {
            return Page();
        }
        var result = await users.ResetPasswordAsync(user, Input.Token, Input.Password);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(string.Empty, error.Description);
            }
            return Page();
        }
        StatusMessage = "Your password is set. Sign in with your email address and the new password.";
        return RedirectToPage("/Account/Login");
    }

    private async Task<AppUser?> CheckLinkAsync()
    {
        // The token is in this page's address: never send it on to other sites.
        Response.Headers["Referrer-Policy"] = "no-referrer";
        var user = string.IsNullOrEmpty(Input.UserId) ? null : await users.FindByIdAsync(Input.UserId);
        LinkIsValid = user is { IsDisabled: false }
            && !string.IsNullOrEmpty(Input.Token)
            && await users.VerifyUserTokenAsync(user, users.Options.Tokens.PasswordResetTokenProvider,
                UserManager<AppUser>.ResetPasswordTokenPurpose, Input.Token);
        Email = LinkIsValid ? user!.Email ?? string.Empty : string.Empty;
        return LinkIsValid ? user : null;
    }

    public sealed class InputModel
    {
        public string UserId { get; set; } = string.Empty;

        public string Token { get; set; } = string.Empty;

        [Required(ErrorMessage = "Enter a new password.")]
        [DataType(DataType.Password)]
        public string Password { get; set; } = string.Empty;

        [DataType(DataType.Password)]
        [Compare(nameof(Password), ErrorMessage = "The two passwords do not match.")]
        public string ConfirmPassword { get; set; } = string.Empty;
    }
}
