using System.ComponentModel.DataAnnotations;
using ClaimTracker.Infrastructure.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ClaimTracker.Web.Pages.Admin.Users;

public sealed class CreateModel(StaffAccounts accounts, UserManager<AppUser> users) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var result = await accounts.CreateAsync(users.GetUserName(User)!, Input.Email, Input.Roles, cancellationToken);
        if (!result.Succeeded)
        {
            ModelState.AddModelError(string.Empty, Localisation.Ui.T(result.Error));
            return Page();
        }
        TempData[SetPasswordLink.TempDataKey] = SetPasswordLink.For(Url, Request, result.UserId!, result.SetPasswordToken!);
        TempData["StatusMessage"] = string.Format(Localisation.Ui.T("Created {0}."), Input.Email.Trim());
        return RedirectToPage("Edit", new { id = result.UserId });
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter the new colleague's email address.")]
        [Display(Name = "Email")]
        [StringLength(Domain.Accounts.EmailAddress.MaxLength, ErrorMessage = "{0} can have at most {1} characters.")]
        public string Email { get; set; } = string.Empty;

        public List<string> Roles { get; set; } = [];
    }
}
