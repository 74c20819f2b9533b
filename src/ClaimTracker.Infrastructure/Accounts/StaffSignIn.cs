using ClaimTracker.Domain.Auditing;
using ClaimTracker.Infrastructure.Auditing;
using ClaimTracker.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;

namespace ClaimTracker.Infrastructure.Accounts;

public enum SignInOutcome
{
    Succeeded,
    Failed,
    LockedOut,
    Disabled,
    RateLimited,
}

/// <summary>What a sign-in came to; when refused for too many attempts, how long until the next may be made.</summary>
public sealed record SignInAnswer(SignInOutcome Outcome, TimeSpan RetryAfter = default);

/// <summary>Signing in and out, limited per account and recorded as security events.</summary>
public sealed class StaffSignIn(SignInManager<AppUser> signIn, UserManager<AppUser> users, IPasswordHasher<AppUser> hasher,
    AuditLog audit, AttemptLimiter limiter)
{
    /// <summary>The hash of no one's password (made by the app's own hasher, so it costs what a real one does).</summary>
    private static string? nobodysHash;

    public async Task<SignInAnswer> SignInAsync(string email, string password, bool remember)
    {
        var account = email.Trim();
        if (!limiter.TryAcquire("sign-in:" + account, out var retryAfter))
        {
            await audit.RecordNowAsync(account, AuditAction.SignInRateLimited, account);
            return new SignInAnswer(SignInOutcome.RateLimited, retryAfter);
        }
        // Identity answers an unknown, locked or disabled account before hashing the password: the time taken would tell
        // who exists. Such an attempt hashes the password against nobody's hash instead, as long as a real check takes.
        var user = await users.FindByNameAsync(account);
        if (user is null || await users.IsLockedOutAsync(user) || !await signIn.CanSignInAsync(user))
        {
            nobodysHash ??= hasher.HashPassword(new AppUser(), Guid.NewGuid().ToString());
            hasher.VerifyHashedPassword(user ?? new AppUser(), nobodysHash, password);
        }
        var result = await signIn.PasswordSignInAsync(account, password, remember, lockoutOnFailure: true);
        var (outcome, action) = result switch
        {
            { Succeeded: true } => (SignInOutcome.Succeeded, AuditAction.SignInSucceeded),
            { IsLockedOut: true } => (SignInOutcome.LockedOut, AuditAction.SignInLockedOut),
            { IsNotAllowed: true } => (SignInOutcome.Disabled, AuditAction.SignInRefusedDisabled),
            _ => (SignInOutcome.Failed, AuditAction.SignInFailed),
        };
        await audit.RecordNowAsync(account, action, account);
        return new SignInAnswer(outcome);
    }

    /// <summary>
    /// Ends the session on the server too: the account's security stamp changes, so a copy of the session cookie (or any other
    /// session of the account) is refused on its next request (<see cref="SessionCheck"/> checks the stamp on every request).
    /// </summary>
    public async Task SignOutAsync(string? email)
    {
        await signIn.SignOutAsync();
        if (email is not null)
        {
            if (await users.FindByNameAsync(email) is { } user)
            {
                await users.UpdateSecurityStampAsync(user);
            }
            await audit.RecordNowAsync(email, AuditAction.SignedOut, email);
        }
    }
}
