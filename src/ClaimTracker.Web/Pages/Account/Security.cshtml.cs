using ClaimTracker.Web.Localisation;
using ClaimTracker.Domain.Text;
using ClaimTracker.Infrastructure.Accounts;
using ClaimTracker.Infrastructure.Site;
using ClaimTracker.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace ClaimTracker.Web.Pages.Account;

/// <summary>
/// One's own sign-in security: the password, the authenticator app, recovery codes and passkeys; and, when one's role must use a
/// second factor and this session has not proven one, the place that asks for it (staff pages send people here).
/// </summary>
[EnableRateLimiting(SecuritySetup.SignInPolicy)]
public sealed class SecurityModel(SecondFactors factors, SitePublishing site) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>The browser's answer to a WebAuthn ceremony (filled in by passkeys.js).</summary>
    [BindProperty]
    public string? CredentialJson { get; set; }

    [BindProperty]
    public string? PasskeyName { get; set; }

    [BindProperty]
    public string? PasskeyId { get; set; }

    [BindProperty]
    public string? Code { get; set; }

    [TempData]
    public string? StatusMessage { get; set; }

    public SecondFactorState State { get; private set; } = null!;

    /// <summary>Recovery codes just made: shown on this response only.</summary>
    public IReadOnlyList<string>? NewRecoveryCodes { get; private set; }

    public async Task OnGetAsync() => State = await StateAsync();

    public async Task<IActionResult> OnPostConfirmCodeAsync() =>
        await DoneAsync(await factors.ConfirmWithCodeAsync(User, Code ?? string.Empty), "Code", Ui.T("Confirmed. Welcome back."), toReturnUrl: true);

    public async Task<IActionResult> OnPostConfirmPasskeyAsync() =>
        await DoneAsync(await factors.ConfirmWithPasskeyAsync(User, CredentialJson), "ConfirmPasskey", Ui.T("Confirmed with your passkey."), toReturnUrl: true);

    public async Task<IActionResult> OnPostPasskeyCreationOptionsAsync() =>
        Content(await factors.PasskeyCreationOptionsAsync(User), "application/json");

    public async Task<IActionResult> OnPostPasskeyRequestOptionsAsync() =>
        Content(await factors.PasskeyRequestOptionsAsync(User), "application/json");

    public async Task<IActionResult> OnPostAddPasskeyAsync() =>
        await DoneAsync(await factors.AddPasskeyAsync(User, CredentialJson, PasskeyName), nameof(PasskeyName),
            $"Passkey “{(string.IsNullOrWhiteSpace(PasskeyName) ? "Passkey" : PasskeyName.Trim())}” added. You can sign in with it.", toReturnUrl: true);

    public async Task<IActionResult> OnPostRemovePasskeyAsync() =>
        await DoneAsync(await factors.RemovePasskeyAsync(User, PasskeyId, await PolicyAsync()), "Passkeys", Ui.T("Passkey removed."), toReturnUrl: false);

    public async Task<IActionResult> OnPostRemoveAuthenticatorAsync() =>
        await DoneAsync(await factors.RemoveAuthenticatorAsync(User, await PolicyAsync()), "Authenticator",
            Ui.T("The authenticator app is removed: signing in takes your password alone now."), toReturnUrl: false);

    public async Task<IActionResult> OnPostRecoveryCodesAsync()
    {
        var result = await factors.NewRecoveryCodesAsync(User);
        if (!result.Succeeded)
        {
            return await DoneAsync(result, "RecoveryCodes", string.Empty, toReturnUrl: false);
        }
        NewRecoveryCodes = result.RecoveryCodes;
        State = await StateAsync();
        return Page();
    }

    private async Task<IActionResult> DoneAsync(SecondFactorResult result, string field, string message, bool toReturnUrl)
    {
        if (result.RateLimited)
        {
            return StatusCode(StatusCodes.Status429TooManyRequests);
        }
        if (!result.Succeeded)
        {
            ModelState.AddModelError(field, Localisation.Ui.T(result.Error));
            State = await StateAsync();
            return Page();
        }
        StatusMessage = message;
        return toReturnUrl && !string.IsNullOrEmpty(ReturnUrl)
            ? LocalRedirect(LocalUrl.SafeOrHome(ReturnUrl))
            : RedirectToPage(new { returnUrl = ReturnUrl });
    }

    private async Task<Domain.Accounts.SecondFactorPolicy> PolicyAsync() => (await site.GetAsync(HttpContext.RequestAborted)).SecondFactors;

    private async Task<SecondFactorState> StateAsync() => await factors.StateAsync(User, await PolicyAsync());
}
