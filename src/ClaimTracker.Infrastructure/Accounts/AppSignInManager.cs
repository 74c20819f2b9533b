using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ClaimTracker.Infrastructure.Accounts;

/// <summary>Identity's sign-in, plus: a disabled account cannot sign in or keep a session; sessions say whether a second factor was proven.</summary>
public sealed class AppSignInManager(
    UserManager<AppUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<AppUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<AppUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<AppUser> confirmation)
    : SignInManager<AppUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    /// <summary>The claim Identity gives a session that proved a second factor (an authenticator code or a recovery code).</summary>
    public const string MethodClaim = "amr";

    public const string SecondFactorMethod = "mfa";

    public static bool ProvedSecondFactor(ClaimsPrincipal principal) => principal.HasClaim(MethodClaim, SecondFactorMethod);

    public override async Task<bool> CanSignInAsync(AppUser user) =>
        !user.IsDisabled && await base.CanSignInAsync(user);

    public override async Task<AppUser?> ValidateSecurityStampAsync(ClaimsPrincipal? principal)
    {
        var user = await base.ValidateSecurityStampAsync(principal);
        return user is { IsDisabled: false } ? user : null;
    }

    /// <summary>
    /// Signs in with a passkey: possession of the device and the user's verification on it (PIN, fingerprint) — two factors in
    /// one step, so the session counts as having proven a second factor. Null when the passkey is unknown or its proof fails.
    /// </summary>
    public async Task<(SignInResult Result, AppUser? User)> PasskeySecondFactorSignInAsync(string credentialJson)
    {
        var assertion = await PerformPasskeyAssertionAsync(credentialJson);
        if (!assertion.Succeeded)
        {
            return (SignInResult.Failed, null);
        }
        if (await PreSignInCheck(assertion.User) is { } refused)
        {
            return (refused, assertion.User);
        }
        var updated = await UserManager.AddOrUpdatePasskeyAsync(assertion.User, assertion.Passkey);
        if (!updated.Succeeded)
        {
            return (SignInResult.Failed, assertion.User);
        }
        await ResetLockout(assertion.User);
        await SignInWithClaimsAsync(assertion.User, isPersistent: false, [new Claim(MethodClaim, SecondFactorMethod)]);
        return (SignInResult.Success, assertion.User);
    }

    /// <summary>
    /// Issues the signed-in user a new session cookie after their security stamp changed (which ends every other session), kept as
    /// persistent as it was; with <paramref name="secondFactorProven"/> the session now counts as having proven a second factor.
    /// </summary>
    public async Task ReissueAsync(AppUser user, bool secondFactorProven)
    {
        var current = await Context.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        var proven = secondFactorProven || (current.Principal is { } principal && ProvedSecondFactor(principal));
        await SignInWithClaimsAsync(user, current.Properties?.IsPersistent ?? false,
            proven ? [new Claim(MethodClaim, SecondFactorMethod)] : []);
    }
}
