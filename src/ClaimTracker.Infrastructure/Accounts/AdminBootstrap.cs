using ClaimTracker.Domain.Accounts;
using ClaimTracker.Domain.Auditing;
using ClaimTracker.Infrastructure.Auditing;
using ClaimTracker.Infrastructure.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ClaimTracker.Infrastructure.Accounts;

public enum BootstrapOutcome
{
    Created,
    Promoted,
    AlreadyAdmin,
    Rejected,
}

/// <param name="GeneratedPassword">Set only when the password was generated here; show it once.</param>
public sealed record BootstrapResult(BootstrapOutcome Outcome, string Message, string? GeneratedPassword = null)
{
    public bool Succeeded => Outcome != BootstrapOutcome.Rejected;
}

/// <summary>Makes the first admin (from the command line) and the demo admin of a development start.</summary>
public sealed class AdminBootstrap(AppDbContext db, UserManager<AppUser> users, RoleManager<IdentityRole> roles,
    AuditLog audit, TimeProvider clock)
{
    public const string DemoAdminEmail = "demo-admin@claimtracker.test";

    public async Task EnsureRolesAsync()
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                var result = await roles.CreateAsync(new IdentityRole(role));
                if (!result.Succeeded)
                {
                    throw new InvalidOperationException($"Could not create role {role}: {StaffAccounts.Describe(result)}");
                }
            }
        }
    }

    /// <summary>
    /// Creates an admin with the given password (or a generated one), or promotes an existing account
    /// to admin without touching anything else about it.
    /// </summary>
    public async Task<BootstrapResult> CreateOrPromoteAdminAsync(string? email, string? password)
    {
        if (!EmailAddress.TryNormalise(email, out var normalised, out var emailError))
        {
            return new BootstrapResult(BootstrapOutcome.Rejected, emailError);
        }
        if (password is not null && PasswordPolicy.Check(password) is { Count: > 0 } problems)
        {
            return new BootstrapResult(BootstrapOutcome.Rejected, "Weak password: " + string.Join(" ", problems));
        }
        await EnsureRolesAsync();

        var existing = await users.FindByEmailAsync(normalised);
        if (existing is not null && !await users.HasPasswordAsync(existing))
        {
            return await GivePasswordAsync(existing, password);
        }
        if (existing is not null)
        {
            return await PromoteAsync(existing, passwordGiven: password is not null);
        }

        var generated = password is null ? PasswordPolicy.Generate() : null;
        var result = await CreateAdminAsync(normalised, password ?? generated!, [Roles.Admin],
            AuditAction.AdminCreatedFromCommandLine, AuditLog.CommandLineActor);
        return result ?? new BootstrapResult(BootstrapOutcome.Created, $"Created admin {normalised}.", generated);
    }

    /// <summary>On a database without any account, creates a demo admin holding every role.</summary>
    public async Task<BootstrapResult?> CreateDemoAdminIfNoUsersAsync()
    {
        await EnsureRolesAsync();
        if (await db.Users.AnyAsync())
        {
            return null;
        }
        var password = PasswordPolicy.Generate();
        var failure = await CreateAdminAsync(DemoAdminEmail, password, Roles.All, AuditAction.DemoAdminCreated,
            AuditLog.StartUpActor);
        return failure ?? new BootstrapResult(BootstrapOutcome.Created, $"Created demo admin {DemoAdminEmail}.", password);
    }

    /// <summary>
    /// An account without a password (imported without password hashes) gets the one given or a generated one,
    /// and becomes an admin if it is not one: the way back in after a move to another database.
    /// </summary>
    private async Task<BootstrapResult> GivePasswordAsync(AppUser user, string? password)
    {
        var generated = password is null ? PasswordPolicy.Generate() : null;
        await using var transaction = await db.Database.BeginTransactionAsync();
        var set = await users.AddPasswordAsync(user, password ?? generated!);
        if (!set.Succeeded)
        {
            return new BootstrapResult(BootstrapOutcome.Rejected, StaffAccounts.Describe(set));
        }
        var wasAdmin = await users.IsInRoleAsync(user, Roles.Admin);
        if (!wasAdmin)
        {
            var added = await users.AddToRoleAsync(user, Roles.Admin);
            if (!added.Succeeded)
            {
                return new BootstrapResult(BootstrapOutcome.Rejected, StaffAccounts.Describe(added));
            }
        }
        audit.Record(AuditLog.CommandLineActor, AuditAction.PasswordSet, user.Email!, "The account had no password (imported without password hashes).");
        if (!wasAdmin)
        {
            audit.Record(AuditLog.CommandLineActor, AuditAction.AdminPromotedFromCommandLine, user.Email!);
        }
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        var disabled = user.IsDisabled ? " The account is disabled; an admin can enable it on the Users page." : string.Empty;
        return new BootstrapResult(wasAdmin ? BootstrapOutcome.AlreadyAdmin : BootstrapOutcome.Promoted,
            $"{user.Email} had no password (imported without password hashes): password set{(wasAdmin ? "" : ", and made an admin")}.{disabled}",
            generated);
    }

    private async Task<BootstrapResult> PromoteAsync(AppUser user, bool passwordGiven)
    {
        var note = passwordGiven ? " The password given was not used: an existing account keeps its password." : string.Empty;
        if (user.IsDisabled)
        {
            note += " The account is disabled; an admin can enable it on the Users page.";
        }
        if (await users.IsInRoleAsync(user, Roles.Admin))
        {
            return new BootstrapResult(BootstrapOutcome.AlreadyAdmin, $"{user.Email} is already an admin; nothing changed.{note}");
        }
        await using var transaction = await db.Database.BeginTransactionAsync();
        var added = await users.AddToRoleAsync(user, Roles.Admin);
        if (!added.Succeeded)
        {
            return new BootstrapResult(BootstrapOutcome.Rejected, StaffAccounts.Describe(added));
        }
        audit.Record(AuditLog.CommandLineActor, AuditAction.AdminPromotedFromCommandLine, user.Email!);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return new BootstrapResult(BootstrapOutcome.Promoted, $"Promoted {user.Email} to admin; nothing else changed.{note}");
    }

    private async Task<BootstrapResult?> CreateAdminAsync(string email, string password, IEnumerable<string> roleNames,
        AuditAction action, string actor)
    {
        await using var transaction = await db.Database.BeginTransactionAsync();
        var user = StaffAccounts.NewUser(email, clock);
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return new BootstrapResult(BootstrapOutcome.Rejected, StaffAccounts.Describe(created));
        }
        var added = await users.AddToRolesAsync(user, roleNames);
        if (!added.Succeeded)
        {
            return new BootstrapResult(BootstrapOutcome.Rejected, StaffAccounts.Describe(added));
        }
        audit.Record(actor, action, email, $"Roles: {string.Join(", ", roleNames)}");
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return null;
    }
}
