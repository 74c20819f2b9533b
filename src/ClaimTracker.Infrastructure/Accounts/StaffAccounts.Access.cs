using ClaimTracker.Domain.Accounts;
using ClaimTracker.Domain.Auditing;
using Microsoft.AspNetCore.Identity;

namespace ClaimTracker.Infrastructure.Accounts;

/// <summary>Whether an account may sign in: disabling and enabling it, and the link with which its owner sets a password.</summary>
public sealed partial class StaffAccounts
{
    public Task<AccountResult> DisableAsync(string actorId, string targetId, string concurrencyStamp,
        CancellationToken cancellationToken = default) =>
        SetDisabledAsync(actorId, targetId, concurrencyStamp, disable: true, cancellationToken);

    public Task<AccountResult> EnableAsync(string actorId, string targetId, string concurrencyStamp,
        CancellationToken cancellationToken = default) =>
        SetDisabledAsync(actorId, targetId, concurrencyStamp, disable: false, cancellationToken);

    /// <summary>
    /// Issues a fresh one-time set-password token. Any earlier link stops working, and so do the
    /// account's current sessions, because the token is bound to the new security stamp.
    /// </summary>
    public async Task<AccountResult> IssueSetPasswordTokenAsync(string actorId, string targetId,
        CancellationToken cancellationToken = default)
    {
        var user = await users.FindByIdAsync(targetId);
        if (user is null)
        {
            return AccountResult.Fail("This account no longer exists.");
        }
        if (user.IsDisabled)
        {
            return AccountResult.Fail("This account is disabled. Enable it before issuing a set-password link.");
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await Failed(users.UpdateSecurityStampAsync(user)) is { } stampError)
        {
            return stampError;
        }
        var token = await users.GeneratePasswordResetTokenAsync(user);
        audit.Record(await EmailOfAsync(actorId, cancellationToken), AuditAction.SetPasswordLinkIssued, user.Email!);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new AccountResult(true, string.Empty, user.Id, token);
    }

    internal static AppUser NewUser(string email, TimeProvider clock) => new()
    {
        UserName = email,
        Email = email,
        EmailConfirmed = true,
        CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
    };

    internal static string Describe(IdentityResult result) =>
        result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.ConcurrencyFailure))
            ? AccountResult.Conflict().Error
            : string.Join(" ", result.Errors.Select(e => e.Description));

    private async Task<AccountResult> SetDisabledAsync(string actorId, string targetId, string concurrencyStamp,
        bool disable, CancellationToken cancellationToken)
    {
        var (actor, target, user, activeAdmins) = await LoadAsync(actorId, targetId, cancellationToken);
        if (actor is null || target is null || user is null)
        {
            return AccountResult.Fail("This account no longer exists.");
        }
        if (user.ConcurrencyStamp != concurrencyStamp)
        {
            return AccountResult.Conflict();
        }
        var rule = disable ? AccountRules.CanDisable(actor, target, activeAdmins) : AccountRules.CanEnable(target);
        if (!rule.Succeeded)
        {
            return AccountResult.Fail(rule.Error);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        user.IsDisabled = disable;
        if (await Failed(users.UpdateAsync(user)) is { } updateError)
        {
            return updateError;
        }
        // A new security stamp invalidates the cookies the user already holds: their sessions end.
        if (disable && await Failed(users.UpdateSecurityStampAsync(user)) is { } stampError)
        {
            return stampError;
        }
        audit.Record(await EmailOfAsync(actorId, cancellationToken),
            disable ? AuditAction.UserDisabled : AuditAction.UserEnabled, user.Email!);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new AccountResult(true, string.Empty, user.Id);
    }
}
