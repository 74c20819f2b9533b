using ClaimTracker.Web.Localisation;
using System.ComponentModel.DataAnnotations;
using ClaimTracker.Domain.Accounts;
using ClaimTracker.Infrastructure.Accounts;
using ClaimTracker.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace ClaimTracker.Web.Pages.Account;

/// <summary>Where a new colleague (or one whose password an admin reset) chooses a password, once per link.</summary>
[EnableRateLimiting(SecuritySetup.SignInPolicy)]
public sealed class SetPasswordModel(StaffPasswords passwords) : PageModel
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
        if (this.Failure(await passwords.SetWithLinkAsync(user, Input.Token, Input.Password)) is { } failure)
        {
            return failure;
        }
        StatusMessage = Ui.T("Your password is set. Sign in with your email address and the new password.");
        // The sign-in form comes with the address filled in: the new colleague types only the password they just chose.
        TempData[SignInForm.EmailKey] = user.Email;
        return RedirectToPage("/Account/Login");
    }

    private async Task<Infrastructure.Accounts.AppUser?> CheckLinkAsync()
    {
        // The token is in this page's address: never send it on to other sites.
        Response.Headers["Referrer-Policy"] = "no-referrer";
        var user = await passwords.FindByLinkAsync(Input.UserId, Input.Token);
        LinkIsValid = user is not null;
        Email = user?.Email ?? string.Empty;
        return user;
    }

    public sealed class InputModel
    {
        [StringLength(64)]
        public string UserId { get; set; } = string.Empty;

        [StringLength(2000)]
        public string Token { get; set; } = string.Empty;

        [Required(ErrorMessage = "Enter a new password.")]
        [Display(Name = "New password")]
        [StringLength(PasswordPolicy.MaxLength, ErrorMessage = "{0} can have at most {1} characters.")]
        [DataType(DataType.Password)]
        public string Password { get; set; } = string.Empty;

        [DataType(DataType.Password)]
        [Compare(nameof(Password), ErrorMessage = "The two passwords do not match.")]
        public string ConfirmPassword { get; set; } = string.Empty;
    }
}
