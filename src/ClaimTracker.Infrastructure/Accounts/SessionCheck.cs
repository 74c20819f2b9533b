using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ClaimTracker.Infrastructure.Accounts;

/// <summary>
/// Every signed-in request checks that the account's security stamp is unchanged and the account is
/// not disabled (one lookup by id), so a role change, a disabled account or a password reset ends the
/// session at once. A session that passes keeps its principal: Identity's own validator would rebuild
/// it (roles and claims read again) and re-issue the cookie on every request, which is redundant here
/// because every change to roles or to the account's standing also changes its stamp (StaffAccounts).
/// </summary>
public sealed class SessionCheck(IOptions<SecurityStampValidatorOptions> options, SignInManager<AppUser> signInManager, ILoggerFactory logger)
    : SecurityStampValidator<AppUser>(options, signInManager, logger)
{
    protected override Task SecurityStampVerified(AppUser user, CookieValidatePrincipalContext context) => Task.CompletedTask;
}
