using System.Security.Claims;
using ClaimTracker.Domain.Accounts;
using ClaimTracker.Domain.Auditing;
using ClaimTracker.Infrastructure.Auditing;
using ClaimTracker.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;

namespace ClaimTracker.Infrastructure.Accounts;

/// <summary>
/// Enrolling and removing second factors for one's own account — an authenticator app (Identity's authenticator key, TOTP),
/// recovery codes, passkeys (Identity's WebAuthn support) — and proving one in a session that began with a password alone.
/// Every enrolment and removal is in the audit log. Which roles must use one is the admins' <see cref="SecondFactorPolicy"/>.
/// </summary>
public sealed class SecondFactors(UserManager<AppUser> users, AppSignInManager signIn, AuditLog audit, AttemptLimiter limiter)
{
    public const int RecoveryCodeCount = 10;
    public const int MaxPasskeys = 10;
    public const int PasskeyNameMaxLength = 60;

    public async Task<SecondFactorState> StateAsync(ClaimsPrincipal principal, SecondFactorPolicy policy)
    {
        var user = await UserAsync(principal);
        var passkeys = await users.GetPasskeysAsync(user);
        return new SecondFactorState(
            await users.GetTwoFactorEnabledAsync(user) && await users.GetAuthenticatorKeyAsync(user) is not null,
            await users.CountRecoveryCodesAsync(user),
            passkeys.OrderBy(p => p.CreatedAt).Select(p => new PasskeyRow(IdOf(p.CredentialId), p.Name ?? "Passkey", p.CreatedAt)).ToList(),
            policy.AppliesTo(await users.GetRolesAsync(user)),
            AppSignInManager.ProvedSecondFactor(principal));
    }

    /// <summary>The key to set an app up with: made when the person has none yet (which ends their other sessions, not this one).</summary>
    public async Task<AuthenticatorSetup> AuthenticatorSetupAsync(ClaimsPrincipal principal, string issuer)
    {
        var user = await UserAsync(principal);
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            await signIn.ReissueAsync(user, secondFactorProven: false);
            key = (await users.GetAuthenticatorKeyAsync(user))!;
        }
        var label = Uri.EscapeDataString(issuer) + ":" + Uri.EscapeDataString(user.Email!);
        return new AuthenticatorSetup(key,
            $"otpauth://totp/{label}?secret={key}&issuer={Uri.EscapeDataString(issuer)}&digits=6");
    }

    /// <summary>Turns the authenticator app on once it gave a right code; answers the recovery codes, shown once.</summary>
    public async Task<SecondFactorResult> EnableAuthenticatorAsync(ClaimsPrincipal principal, string code)
    {
        var user = await UserAsync(principal);
        if (!limiter.TryAcquire("second-factor:" + user.Id))
        {
            return new SecondFactorResult(false, RateLimited: true);
        }
        if (await users.GetAuthenticatorKeyAsync(user) is null)
        {
            return SecondFactorResult.Refused("Open the set-up page again: it shows the key to give your app.");
        }
        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, Code(code)))
        {
            return SecondFactorResult.Refused("That code is not the one your app shows now. Type the 6 digits it shows (they change every 30 seconds); if they never match, check that your phone's clock is set automatically.");
        }
        await users.SetTwoFactorEnabledAsync(user, true);
        var codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount))!.ToList();
        audit.Record(user.Email!, AuditAction.AuthenticatorEnabled, user.Email!);
        await audit.RecordNowAsync(user.Email!, AuditAction.RecoveryCodesGenerated, user.Email!, $"{codes.Count} codes");
        await signIn.ReissueAsync(user, secondFactorProven: true);
        return SecondFactorResult.Done(codes);
    }

    public async Task<SecondFactorResult> RemoveAuthenticatorAsync(ClaimsPrincipal principal, SecondFactorPolicy policy)
    {
        var user = await UserAsync(principal);
        if (await LastRequiredFactorAsync(user, policy, removingAuthenticator: true))
        {
            return SecondFactorResult.Refused("Your role must use a second factor: add a passkey before you remove the authenticator app.");
        }
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 0);
        await audit.RecordNowAsync(user.Email!, AuditAction.AuthenticatorRemoved, user.Email!);
        await signIn.ReissueAsync(user, secondFactorProven: false);
        return SecondFactorResult.Done();
    }

    public async Task<SecondFactorResult> NewRecoveryCodesAsync(ClaimsPrincipal principal)
    {
        var user = await UserAsync(principal);
        if (!await users.GetTwoFactorEnabledAsync(user))
        {
            return SecondFactorResult.Refused("Recovery codes stand in for the authenticator app: set the app up first.");
        }
        var codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount))!.ToList();
        await audit.RecordNowAsync(user.Email!, AuditAction.RecoveryCodesGenerated, user.Email!, $"{codes.Count} codes; the earlier ones no longer work");
        return SecondFactorResult.Done(codes);
    }

    /// <summary>Proves a second factor in this session with the authenticator app's current code.</summary>
    public async Task<SecondFactorResult> ConfirmWithCodeAsync(ClaimsPrincipal principal, string code)
    {
        var user = await UserAsync(principal);
        if (!limiter.TryAcquire("second-factor:" + user.Id))
        {
            return new SecondFactorResult(false, RateLimited: true);
        }
        if (!await users.GetTwoFactorEnabledAsync(user)
            || !await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, Code(code)))
        {
            await audit.RecordNowAsync(user.Email!, AuditAction.SignInSecondFactorFailed, user.Email!, "authenticator code");
            return SecondFactorResult.Refused("That code is not the one your app shows now.");
        }
        await audit.RecordNowAsync(user.Email!, AuditAction.SecondFactorConfirmed, user.Email!, "authenticator code");
        await signIn.ReissueAsync(user, secondFactorProven: true);
        return SecondFactorResult.Done();
    }

    /// <summary>The WebAuthn options the browser creates a passkey with (the state of the ceremony waits in a protected cookie).</summary>
    public async Task<string> PasskeyCreationOptionsAsync(ClaimsPrincipal principal)
    {
        var user = await UserAsync(principal);
        return await signIn.MakePasskeyCreationOptionsAsync(new PasskeyUserEntity
        {
            Id = user.Id,
            Name = user.UserName!,
            DisplayName = user.Email!,
        });
    }

    public async Task<SecondFactorResult> AddPasskeyAsync(ClaimsPrincipal principal, string? credentialJson, string? name)
    {
        var user = await UserAsync(principal);
        var label = (name ?? string.Empty).Trim();
        if (label.Length == 0)
        {
            label = "Passkey";
        }
        if (Domain.Text.TextRules.CheckSingleLine("The passkey's name", label, PasskeyNameMaxLength) is { Succeeded: false } nameRule)
        {
            return SecondFactorResult.Refused(nameRule.Error);
        }
        if (string.IsNullOrWhiteSpace(credentialJson))
        {
            return SecondFactorResult.Refused("Adding a passkey needs JavaScript: browsers offer passkeys to scripts only. Allow JavaScript for this site and try again.");
        }
        if ((await users.GetPasskeysAsync(user)).Count >= MaxPasskeys)
        {
            return SecondFactorResult.Refused($"You have {MaxPasskeys} passkeys, the most an account may have: remove one first.");
        }
        var attestation = await signIn.PerformPasskeyAttestationAsync(credentialJson);
        if (!attestation.Succeeded)
        {
            return SecondFactorResult.Refused("The passkey was not added: " + attestation.Failure.Message);
        }
        if (attestation.UserEntity.Id != user.Id)
        {
            return SecondFactorResult.Refused("The passkey was made for another account. Start again from this page.");
        }
        attestation.Passkey.Name = label;
        var added = await users.AddOrUpdatePasskeyAsync(user, attestation.Passkey);
        if (!added.Succeeded)
        {
            return SecondFactorResult.Refused(string.Join(" ", added.Errors.Select(e => e.Description)));
        }
        await audit.RecordNowAsync(user.Email!, AuditAction.PasskeyAdded, user.Email!, label);
        // Creating a passkey asks for the person's verification on the device: that proves a second factor.
        await signIn.ReissueAsync(user, secondFactorProven: true);
        return SecondFactorResult.Done();
    }

    public async Task<SecondFactorResult> RemovePasskeyAsync(ClaimsPrincipal principal, string? id, SecondFactorPolicy policy)
    {
        var user = await UserAsync(principal);
        var passkeys = await users.GetPasskeysAsync(user);
        var passkey = passkeys.FirstOrDefault(p => IdOf(p.CredentialId) == id);
        if (passkey is null)
        {
            return SecondFactorResult.Refused("That passkey is no longer on your account.");
        }
        if (await LastRequiredFactorAsync(user, policy, removingAuthenticator: false) && passkeys.Count == 1)
        {
            return SecondFactorResult.Refused("Your role must use a second factor: set up an authenticator app or add another passkey before you remove this one.");
        }
        await users.RemovePasskeyAsync(user, passkey.CredentialId);
        await audit.RecordNowAsync(user.Email!, AuditAction.PasskeyRemoved, user.Email!, passkey.Name ?? "Passkey");
        await signIn.ReissueAsync(user, secondFactorProven: false);
        return SecondFactorResult.Done();
    }

    /// <summary>The WebAuthn options for proving one of the signed-in person's passkeys.</summary>
    public async Task<string> PasskeyRequestOptionsAsync(ClaimsPrincipal principal) =>
        await signIn.MakePasskeyRequestOptionsAsync(await UserAsync(principal));

    /// <summary>Proves a second factor in this session with one of the person's passkeys.</summary>
    public async Task<SecondFactorResult> ConfirmWithPasskeyAsync(ClaimsPrincipal principal, string? credentialJson)
    {
        var user = await UserAsync(principal);
        if (string.IsNullOrWhiteSpace(credentialJson))
        {
            return SecondFactorResult.Refused("Using a passkey needs JavaScript: allow it for this site, or use the authenticator app's code.");
        }
        var assertion = await signIn.PerformPasskeyAssertionAsync(credentialJson);
        if (!assertion.Succeeded || assertion.User.Id != user.Id)
        {
            await audit.RecordNowAsync(user.Email!, AuditAction.SignInSecondFactorFailed, user.Email!, "passkey");
            return SecondFactorResult.Refused("That passkey is not one of yours, or the browser's answer did not check out. Try again.");
        }
        await users.AddOrUpdatePasskeyAsync(user, assertion.Passkey);
        await audit.RecordNowAsync(user.Email!, AuditAction.SecondFactorConfirmed, user.Email!, "passkey");
        await signIn.ReissueAsync(user, secondFactorProven: true);
        return SecondFactorResult.Done();
    }

    /// <summary>What second factors an account has, in words, for its admin.</summary>
    public async Task<string> DescribeAsync(string userId)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return string.Empty;
        }
        var parts = new List<string>();
        if (await users.GetTwoFactorEnabledAsync(user))
        {
            parts.Add($"authenticator app ({await users.CountRecoveryCodesAsync(user)} recovery codes left)");
        }
        var passkeys = (await users.GetPasskeysAsync(user)).Count;
        if (passkeys > 0)
        {
            parts.Add(passkeys == 1 ? "1 passkey" : $"{passkeys} passkeys");
        }
        return parts.Count == 0 ? "none" : string.Join(", ", parts);
    }

    /// <summary>An admin's help for a colleague who lost their phone or key: every second factor of the account goes.</summary>
    public async Task<bool> ResetAsync(string userId, string admin)
    {
        if (await users.FindByIdAsync(userId) is not { } user)
        {
            return false;
        }
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 0);
        foreach (var passkey in await users.GetPasskeysAsync(user))
        {
            await users.RemovePasskeyAsync(user, passkey.CredentialId);
        }
        await users.UpdateSecurityStampAsync(user);
        await audit.RecordNowAsync(admin, AuditAction.SecondFactorsReset, user.Email!, "authenticator app, recovery codes and passkeys removed; sessions ended");
        return true;
    }

    private async Task<bool> LastRequiredFactorAsync(AppUser user, SecondFactorPolicy policy, bool removingAuthenticator)
    {
        if (!policy.AppliesTo(await users.GetRolesAsync(user)))
        {
            return false;
        }
        var hasAuthenticator = await users.GetTwoFactorEnabledAsync(user);
        var passkeys = (await users.GetPasskeysAsync(user)).Count;
        return removingAuthenticator ? passkeys == 0 : !hasAuthenticator;
    }

    private async Task<AppUser> UserAsync(ClaimsPrincipal principal) =>
        await users.GetUserAsync(principal) ?? throw new InvalidOperationException("Second factors need a signed-in user.");

    /// <summary>What people type: spaces and dashes as their app groups the digits.</summary>
    public static string Code(string? typed) =>
        new((typed ?? string.Empty).Where(c => !char.IsWhiteSpace(c) && c != '-').ToArray());

    public static string IdOf(byte[] credentialId) => Convert.ToBase64String(credentialId).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
