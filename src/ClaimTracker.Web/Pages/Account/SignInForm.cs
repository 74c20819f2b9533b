using ClaimTracker.Domain.Accounts;

namespace ClaimTracker.Web.Pages.Account;

/// <summary>What the sign-in steps (password, second step, a new password) share.</summary>
public static class SignInForm
{
    /// <summary>TempData key of an address for the sign-in form to fill in (set after a set-password link was used).</summary>
    public const string EmailKey = "SignInEmail";

    /// <summary>The one answer to a failed sign-in: it never tells which part was wrong.</summary>
    public static readonly string FailedMessage =
        $"Wrong email or password — or the account cannot sign in now: it is locked for {PasswordPolicy.LockoutDuration.TotalMinutes:0} minutes " +
        $"after {PasswordPolicy.MaxFailedAttempts} failed attempts, or an admin disabled it.";
}
