using System.ComponentModel.DataAnnotations;
using ClaimTracker.Infrastructure.Accounts;
using ClaimTracker.Infrastructure.Site;
using ClaimTracker.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using QRCoder;

namespace ClaimTracker.Web.Pages.Account;

/// <summary>Setting up an authenticator app: the key as a QR code and as text, then one code from the app to switch it on.</summary>
[EnableRateLimiting(SecuritySetup.SignInPolicy)]
public sealed class AuthenticatorModel(SecondFactors factors, SitePublishing site) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty]
    [Required(ErrorMessage = "Type the 6-digit code your app shows.")]
    [StringLength(12, ErrorMessage = "The code has 6 digits.")]
    [Display(Name = "Code from the app")]
    public string? Code { get; set; }

    public AuthenticatorSetup Setup { get; private set; } = null!;

    public SecondFactorState State { get; private set; } = null!;

    /// <summary>The recovery codes, shown once, right after the app was switched on.</summary>
    public IReadOnlyList<string>? RecoveryCodes { get; private set; }

    public async Task OnGetAsync() => await LoadAsync();

    /// <summary>The QR code of the key, for the app's camera; never cached.</summary>
    public async Task<IActionResult> OnGetQrAsync()
    {
        var setup = await factors.AuthenticatorSetupAsync(User, await IssuerAsync());
        Response.Headers.CacheControl = "no-store";
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(setup.Uri, QRCodeGenerator.ECCLevel.M);
        return File(new PngByteQRCode(data).GetGraphic(6), "image/png");
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (ModelState.IsValid)
        {
            var result = await factors.EnableAuthenticatorAsync(User, Code!);
            if (result.RateLimited)
            {
                return StatusCode(StatusCodes.Status429TooManyRequests);
            }
            if (result.Succeeded)
            {
                RecoveryCodes = result.RecoveryCodes;
                State = await factors.StateAsync(User, (await site.GetAsync(HttpContext.RequestAborted)).SecondFactors);
                return Page();
            }
            ModelState.AddModelError(nameof(Code), Localisation.Ui.T(result.Error));
        }
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        State = await factors.StateAsync(User, (await site.GetAsync(HttpContext.RequestAborted)).SecondFactors);
        Setup = await factors.AuthenticatorSetupAsync(User, await IssuerAsync());
    }

    private async Task<string> IssuerAsync() => (await site.GetAsync(HttpContext.RequestAborted)).PublisherName;
}
