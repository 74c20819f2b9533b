namespace ClaimTracker.Infrastructure.Accounts;

public sealed record PasskeyRow(string Id, string Name, DateTimeOffset AddedAt);

/// <summary>What a person has as second factors, and whether this session proved one.</summary>
public sealed record SecondFactorState(bool HasAuthenticator, int RecoveryCodesLeft, IReadOnlyList<PasskeyRow> Passkeys,
    bool Required, bool SessionProved)
{
    public bool HasAny => HasAuthenticator || Passkeys.Count > 0;

    /// <summary>The person must prove a second factor (or set one up) before working on staff pages.</summary>
    public bool MustActNow => Required && !SessionProved;
}

/// <summary>The key an authenticator app is set up with, as the person types it and as the QR code carries it.</summary>
public sealed record AuthenticatorSetup(string Key, string Uri)
{
    /// <summary>The key in groups of four, as apps that take it typed expect it.</summary>
    public string GroupedKey => string.Join(' ', Key.Chunk(4).Select(c => new string(c))).ToLowerInvariant();
}

public sealed record SecondFactorResult(bool Succeeded, string Error = "", IReadOnlyList<string>? RecoveryCodes = null, bool RateLimited = false)
{
    public static SecondFactorResult Done(IReadOnlyList<string>? codes = null) => new(true, RecoveryCodes: codes);

    public static SecondFactorResult Refused(string error) => new(false, error);
}
