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

/// <summary>Signing in and out, limited per account and recorded as security events.</summary>
public sealed class StaffSignIn(SignInManager<AppUser> signIn, AuditLog audit, AttemptLimiter limiter)
{
    public async Task<SignInOutcome> SignInAsync(string email, string password, bool remember)
    {
        var account = email.Trim();
        if (!limiter.TryAcquire("sign-in:" + account))
        {
            await audit.RecordNowAsync(account, AuditAction.SignInRateLimited, account);
            return SignInOutcome.RateLimited;
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
        return outcome;
    }

    public async Task SignOutAsync(string? email)
    {
        await signIn.SignOutAsync();
        if (email is not null)
        {
            await audit.RecordNowAsync(email, AuditAction.SignedOut, email);
        }
    }
}
