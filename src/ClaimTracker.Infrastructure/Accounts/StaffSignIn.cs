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
    /// <summary>The password was right; the account's authenticator app must confirm (the next step's page asks for its code).</summary>
    SecondFactorRequired,
}

/// <summary>What a sign-in came to; when refused for too many attempts, how long until the next may be made.</summary>
public sealed record SignInAnswer(SignInOutcome Outcome, TimeSpan RetryAfter = default);

/// <summary>Signing in and out, limited per account and recorded as security events.</summary>
public sealed class StaffSignIn(AppSignInManager signIn, UserManager<AppUser> users, IPasswordHasher<AppUser> hasher,
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
            { RequiresTwoFactor: true } => (SignInOutcome.SecondFactorRequired, AuditAction.SignInSucceeded),
            { IsLockedOut: true } => (SignInOutcome.LockedOut, AuditAction.SignInLockedOut),
            { IsNotAllowed: true } => (SignInOutcome.Disabled, AuditAction.SignInRefusedDisabled),
            _ => (SignInOutcome.Failed, AuditAction.SignInFailed),
        };
        if (outcome == SignInOutcome.SecondFactorRequired)
        {
            // Recorded when the second step succeeds or fails.
            return new SignInAnswer(outcome);
        }
        await audit.RecordNowAsync(account, action, account);
        return new SignInAnswer(outcome);
    }

    /// <summary>The account whose password was right and whose second step is pending; null when there is none (or it expired).</summary>
    public async Task<string?> PendingSecondStepAsync() => (await signIn.GetTwoFactorAuthenticationUserAsync())?.Email;

    /// <summary>The second step: the authenticator app's current code, or (with <paramref name="recoveryCode"/>) one of the recovery codes.</summary>
    public async Task<SignInAnswer> SecondStepAsync(string code, bool remember, bool recoveryCode)
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return new SignInAnswer(SignInOutcome.Failed);
        }
        if (!limiter.TryAcquire("sign-in:" + user.Email, out var retryAfter))
        {
            await audit.RecordNowAsync(user.Email!, AuditAction.SignInRateLimited, user.Email!);
            return new SignInAnswer(SignInOutcome.RateLimited, retryAfter);
        }
        // Authenticator codes come grouped ("123 456"); recovery codes have a dash of their own.
        var typed = recoveryCode ? new string(code.Where(c => !char.IsWhiteSpace(c)).ToArray()) : SecondFactors.Code(code);
        var result = recoveryCode
            ? await signIn.TwoFactorRecoveryCodeSignInAsync(typed)
            : await signIn.TwoFactorAuthenticatorSignInAsync(typed, remember, rememberClient: false);
        var method = recoveryCode ? "recovery code" : "authenticator app";
        if (result.Succeeded)
        {
            await audit.RecordNowAsync(user.Email!, AuditAction.SignInSucceeded, user.Email!,
                recoveryCode ? $"with a recovery code ({await users.CountRecoveryCodesAsync(user)} left)" : "with the authenticator app");
            return new SignInAnswer(SignInOutcome.Succeeded);
        }
        await audit.RecordNowAsync(user.Email!, result.IsLockedOut ? AuditAction.SignInLockedOut : AuditAction.SignInSecondFactorFailed, user.Email!, method);
        return new SignInAnswer(result.IsLockedOut ? SignInOutcome.LockedOut : SignInOutcome.Failed);
    }

    /// <summary>The WebAuthn options for signing in with a passkey (any account's: the passkey says whose).</summary>
    public Task<string> PasskeyOptionsAsync() => signIn.MakePasskeyRequestOptionsAsync(null);

    /// <summary>Signs in with a passkey; refusals answer alike, as password refusals do.</summary>
    public async Task<SignInAnswer> PasskeyAsync(string credentialJson)
    {
        var (result, user) = await signIn.PasskeySecondFactorSignInAsync(credentialJson);
        var account = user?.Email ?? "(unknown passkey)";
        var (outcome, action) = result switch
        {
            { Succeeded: true } => (SignInOutcome.Succeeded, AuditAction.SignInSucceeded),
            { IsLockedOut: true } => (SignInOutcome.LockedOut, AuditAction.SignInLockedOut),
            { IsNotAllowed: true } => (SignInOutcome.Disabled, AuditAction.SignInRefusedDisabled),
            _ => (SignInOutcome.Failed, AuditAction.SignInFailed),
        };
        await audit.RecordNowAsync(account, action, account, "with a passkey");
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
