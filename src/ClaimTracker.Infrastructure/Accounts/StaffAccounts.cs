using ClaimTracker.Domain.Accounts;
using ClaimTracker.Domain.Auditing;
using ClaimTracker.Infrastructure.Auditing;
using ClaimTracker.Infrastructure.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ClaimTracker.Infrastructure.Accounts;

public sealed record StaffRow(string Id, string Email, IReadOnlyList<string> Roles, bool IsDisabled,
    DateTimeOffset? LockedOutUntil, DateTime CreatedAtUtc, bool HasPassword);

public sealed record StaffDetails(string Id, string Email, IReadOnlyList<string> Roles, bool IsDisabled,
    bool HasPassword, string ConcurrencyStamp, string? BylineName = null);

public sealed record AccountResult(bool Succeeded, string Error, string? UserId = null, string? SetPasswordToken = null)
{
    public static AccountResult Fail(string error) => new(false, error);

    public static AccountResult Conflict() => new(false,
        "Someone else changed this account while you were editing it. The page now shows the current state; make your change again.");
}

/// <summary>
/// The admin's use cases for staff accounts. Each change is checked against <see cref="AccountRules"/>,
/// applied in one transaction and recorded in the audit log with who did it.
/// </summary>
public sealed partial class StaffAccounts
{
    // Fields rather than a primary constructor: its parameters would be in scope in this file only, not in the other part.
    private readonly AppDbContext db;
    private readonly UserManager<AppUser> users;
    private readonly AuditLog audit;
    private readonly TimeProvider clock;
    private readonly IPublicCache publicCache;

    public StaffAccounts(AppDbContext db, UserManager<AppUser> users, AuditLog audit, TimeProvider clock, IPublicCache publicCache) =>
        (this.db, this.users, this.audit, this.clock, this.publicCache) = (db, users, audit, clock, publicCache);

    /// <summary>
    /// Names (or unnames, when empty) a colleague in the bylines of the versions they approved: public pages change at once.
    /// Plain text of at most <see cref="AppUser.BylineNameMaxLength"/> characters, no control characters.
    /// </summary>
    public async Task<AccountResult> SetBylineNameAsync(string actorId, string targetId, string concurrencyStamp, string? name,
        CancellationToken cancellationToken = default)
    {
        var trimmed = string.IsNullOrWhiteSpace(name) ? null : name.Trim();
        if (trimmed is { Length: > AppUser.BylineNameMaxLength })
        {
            return AccountResult.Fail($"A byline name has at most {AppUser.BylineNameMaxLength} characters.");
        }
        if (trimmed is not null && trimmed.Any(char.IsControl))
        {
            return AccountResult.Fail("A byline name is one line of plain text.");
        }
        var user = await users.FindByIdAsync(targetId);
        if (user is null)
        {
            return AccountResult.Fail("This account no longer exists.");
        }
        if (user.ConcurrencyStamp != concurrencyStamp)
        {
            return AccountResult.Conflict();
        }
        if (user.BylineName == trimmed)
        {
            return new AccountResult(true, string.Empty, user.Id);
        }
        var before = user.BylineName;
        user.BylineName = trimmed;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await Failed(users.UpdateAsync(user)) is { } updateError)
        {
            return updateError;
        }
        audit.Record(await EmailOfAsync(actorId, cancellationToken), AuditAction.BylineNameChanged, user.Email!,
            $"From “{before ?? "(not named)"}” to “{trimmed ?? "(not named)"}”");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await publicCache.EvictAsync(cancellationToken);
        return new AccountResult(true, string.Empty, user.Id);
    }

    public async Task<IReadOnlyList<StaffRow>> ListAsync(CancellationToken cancellationToken = default)
    {
        var rolesByUser = await RolesByUserAsync(null, cancellationToken);
        var rows = await db.Users.AsNoTracking()
            .OrderBy(u => u.Email)
            .Select(u => new { u.Id, u.Email, u.IsDisabled, u.LockoutEnd, u.CreatedAtUtc, HasPassword = u.PasswordHash != null })
            .ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        return rows.Select(u => new StaffRow(u.Id, u.Email ?? string.Empty,
                rolesByUser.GetValueOrDefault(u.Id, []), u.IsDisabled,
                u.LockoutEnd > now ? u.LockoutEnd : null, u.CreatedAtUtc, u.HasPassword))
            .ToList();
    }

    public async Task<StaffDetails?> FindAsync(string id, CancellationToken cancellationToken = default)
    {
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, cancellationToken);
        if (user is null)
        {
            return null;
        }
        var roles = (await RolesByUserAsync([id], cancellationToken)).GetValueOrDefault(id, []);
        return new StaffDetails(user.Id, user.Email ?? string.Empty, roles, user.IsDisabled, user.PasswordHash != null,
            user.ConcurrencyStamp ?? string.Empty, user.BylineName);
    }

    /// <summary>Emails of the accounts that hold the Editor role and are not disabled: who claims can be assigned to.</summary>
    public Task<IReadOnlyList<string>> ActiveEditorsAsync(CancellationToken cancellationToken = default) =>
        ActiveEditorsAsync(db, cancellationToken);

    internal static async Task<IReadOnlyList<string>> ActiveEditorsAsync(AppDbContext db, CancellationToken cancellationToken) =>
        await (from u in db.Users
               join ur in db.UserRoles on u.Id equals ur.UserId
               join r in db.Roles on ur.RoleId equals r.Id
               where r.Name == Roles.Editor && !u.IsDisabled && u.Email != null
               select u.Email!).Distinct().OrderBy(e => e).ToListAsync(cancellationToken);

    /// <summary>Creates an account without a password and returns a one-time token to set one.</summary>
    public async Task<AccountResult> CreateAsync(string actorEmail, string email, IReadOnlyCollection<string> roles,
        CancellationToken cancellationToken = default)
    {
        if (!EmailAddress.TryNormalise(email, out var normalised, out var emailError))
        {
            return AccountResult.Fail(emailError);
        }
        var roleCheck = AccountRules.CheckRoles(roles);
        if (!roleCheck.Succeeded)
        {
            return AccountResult.Fail(roleCheck.Error);
        }
        if (await users.FindByEmailAsync(normalised) is not null)
        {
            return AccountResult.Fail($"An account for {normalised} already exists.");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var user = NewUser(normalised, clock);
        var created = await users.CreateAsync(user);
        if (!created.Succeeded)
        {
            return AccountResult.Fail(Describe(created));
        }
        var added = await users.AddToRolesAsync(user, roles);
        if (!added.Succeeded)
        {
            return AccountResult.Fail(Describe(added));
        }
        var token = await users.GeneratePasswordResetTokenAsync(user);
        audit.Record(actorEmail, AuditAction.UserCreated, normalised, $"Roles: {string.Join(", ", roles.Order())}");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new AccountResult(true, string.Empty, user.Id, token);
    }

    public async Task<AccountResult> ChangeRolesAsync(string actorId, string targetId, string concurrencyStamp,
        IReadOnlyCollection<string> roles, CancellationToken cancellationToken = default)
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
        var rule = AccountRules.CanChangeRoles(actor, target, roles, activeAdmins);
        if (!rule.Succeeded)
        {
            return AccountResult.Fail(rule.Error);
        }
        var toRemove = target.Roles.Except(roles).ToList();
        var toAdd = roles.Except(target.Roles).ToList();
        if (toRemove.Count == 0 && toAdd.Count == 0)
        {
            return new AccountResult(true, string.Empty, user.Id);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (toRemove.Count > 0 && await Failed(users.RemoveFromRolesAsync(user, toRemove)) is { } removeError)
        {
            return removeError;
        }
        if (toAdd.Count > 0 && await Failed(users.AddToRolesAsync(user, toAdd)) is { } addError)
        {
            return addError;
        }
        // The role change takes effect on the user's next request: the new stamp ends cookies that carry the old roles.
        if (await Failed(users.UpdateSecurityStampAsync(user)) is { } stampError)
        {
            return stampError;
        }
        audit.Record(await EmailOfAsync(actorId, cancellationToken), AuditAction.RolesChanged, user.Email!,
            $"From [{string.Join(", ", target.Roles.Order())}] to [{string.Join(", ", roles.Order())}]");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new AccountResult(true, string.Empty, user.Id);
    }

    private async Task<(StaffAccount? Actor, StaffAccount? Target, AppUser? User, int ActiveAdmins)> LoadAsync(
        string actorId, string targetId, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(targetId);
        var rolesByUser = await RolesByUserAsync([actorId, targetId], cancellationToken);
        var states = await db.Users.AsNoTracking()
            .Where(u => u.Id == actorId || u.Id == targetId)
            .Select(u => new { u.Id, u.IsDisabled })
            .ToListAsync(cancellationToken);
        StaffAccount? Account(string id) => states.FirstOrDefault(s => s.Id == id) is { } s
            ? new StaffAccount(s.Id, rolesByUser.GetValueOrDefault(s.Id, []), s.IsDisabled)
            : null;
        var activeAdmins = await ActiveAdminCountAsync(cancellationToken);
        return (Account(actorId), Account(targetId), user, activeAdmins);
    }

    private Task<int> ActiveAdminCountAsync(CancellationToken cancellationToken) =>
        (from u in db.Users
         join ur in db.UserRoles on u.Id equals ur.UserId
         join r in db.Roles on ur.RoleId equals r.Id
         where r.Name == Roles.Admin && !u.IsDisabled
         select u.Id).Distinct().CountAsync(cancellationToken);

    /// <param name="userIds">The users whose roles to read; null for everyone.</param>
    private async Task<Dictionary<string, IReadOnlyList<string>>> RolesByUserAsync(string[]? userIds,
        CancellationToken cancellationToken)
    {
        var pairs = await (from ur in db.UserRoles
                           join r in db.Roles on ur.RoleId equals r.Id
                           where userIds == null || userIds.Contains(ur.UserId)
                           select new { ur.UserId, r.Name })
            .AsNoTracking()
            .ToListAsync(cancellationToken);
        return pairs.GroupBy(p => p.UserId)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(p => p.Name!).Order().ToList());
    }

    private async Task<string> EmailOfAsync(string userId, CancellationToken cancellationToken) =>
        await db.Users.Where(u => u.Id == userId).Select(u => u.Email).FirstOrDefaultAsync(cancellationToken)
        ?? userId;

    private static async Task<AccountResult?> Failed(Task<IdentityResult> operation)
    {
        var result = await operation;
        return result.Succeeded ? null : AccountResult.Fail(Describe(result));
    }
}
