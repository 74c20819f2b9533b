using System.Security.Claims;
using ClaimTracker.Domain.Auditing;
using ClaimTracker.Infrastructure.Auditing;
using ClaimTracker.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;

namespace ClaimTracker.Infrastructure.Accounts;

public sealed record PasswordResult(bool Succeeded, bool RateLimited, IReadOnlyList<string> Errors)
{
    public static PasswordResult Ok { get; } = new(true, false, []);

    public static PasswordResult Limited { get; } = new(false, true, []);

    public static PasswordResult From(IdentityResult result) =>
        result.Succeeded ? Ok : new PasswordResult(false, false, result.Errors.Select(e => e.Description).ToList());
}

/// <summary>Setting a password through a one-time link, and changing one's own; limited and recorded.</summary>
public sealed class StaffPasswords(UserManager<AppUser> users, SignInManager<AppUser> signIn, AuditLog audit,
    AttemptLimiter limiter)
{
    /// <summary>The account a set-password link is for, or null when the link is invalid, used or expired.</summary>
    public async Task<AppUser?> FindByLinkAsync(string? userId, string? token)
    {
        if (string.IsNullOrEmpty(userId) || string.IsNullOrEmpty(token))
        {
            return null;
        }
        var user = await users.FindByIdAsync(userId);
        return user is { IsDisabled: false }
               && await users.VerifyUserTokenAsync(user, users.Options.Tokens.PasswordResetTokenProvider,
                   UserManager<AppUser>.ResetPasswordTokenPurpose, token)
            ? user
            : null;
    }

    public async Task<PasswordResult> SetWithLinkAsync(AppUser user, string token, string password)
    {
        if (!limiter.TryAcquire("set-password:" + user.Id))
        {
            return PasswordResult.Limited;
        }
        var result = PasswordResult.From(await users.ResetPasswordAsync(user, token, password));
        if (result.Succeeded)
        {
            await audit.RecordNowAsync(user.Email!, AuditAction.PasswordSet, user.Email!);
        }
        return result;
    }

    public async Task<PasswordResult> ChangeAsync(ClaimsPrincipal principal, string current, string next)
    {
        var user = await users.GetUserAsync(principal)
                   ?? throw new InvalidOperationException("A password change needs a signed-in user.");
        if (!limiter.TryAcquire("change-password:" + user.Id))
        {
            return PasswordResult.Limited;
        }
        var result = PasswordResult.From(await users.ChangePasswordAsync(user, current, next));
        if (result.Succeeded)
        {
            await signIn.RefreshSignInAsync(user);
            await audit.RecordNowAsync(user.Email!, AuditAction.PasswordChanged, user.Email!);
        }
        return result;
    }
}
