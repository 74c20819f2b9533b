namespace ClaimTracker.Domain.Auditing;

/// <summary>One recorded administrative action: who did what to whom, and when. Never changed.</summary>
public sealed class AuditEntry
{
    public const int ActorMaxLength = 256;
    public const int ActionMaxLength = 64;
    public const int TargetMaxLength = 256;
    public const int DetailsMaxLength = 2000;
    public const int IpAddressMaxLength = 64;

    private AuditEntry()
    {
    }

    public AuditEntry(DateTime occurredAtUtc, string actor, AuditAction action, string target, string details,
        string? ipAddress = null)
    {
        if (occurredAtUtc.Kind != DateTimeKind.Utc)
        {
            throw new ArgumentException("Audit times are stored in UTC.", nameof(occurredAtUtc));
        }
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        ArgumentException.ThrowIfNullOrWhiteSpace(target);
        OccurredAtUtc = occurredAtUtc;
        Actor = Truncate(actor, ActorMaxLength);
        Action = action;
        Target = Truncate(target, TargetMaxLength);
        Details = Truncate(details, DetailsMaxLength);
        IpAddress = ipAddress is null ? null : Truncate(ipAddress, IpAddressMaxLength);
    }

    public long Id { get; private set; }

    public DateTime OccurredAtUtc { get; private set; }

    /// <summary>The email of the staff member who acted, or "command line".</summary>
    public string Actor { get; private set; } = string.Empty;

    public AuditAction Action { get; private set; }

    /// <summary>The email of the account acted upon.</summary>
    public string Target { get; private set; } = string.Empty;

    public string Details { get; private set; } = string.Empty;

    /// <summary>The client address of the request that caused the entry; null from the command line.</summary>
    public string? IpAddress { get; private set; }

    private static string Truncate(string value, int max) => value.Length <= max ? value : value[..max];
}

public enum AuditAction
{
    UserCreated,
    RolesChanged,
    UserDisabled,
    UserEnabled,
    SetPasswordLinkIssued,
    AdminCreatedFromCommandLine,
    AdminPromotedFromCommandLine,
    DemoAdminCreated,
    SignInSucceeded,
    SignInFailed,
    SignInLockedOut,
    SignInRefusedDisabled,
    SignInRateLimited,
    SignedOut,
    PasswordChanged,
    PasswordSet,
    ClaimSubmitted,
    ClaimApproved,
    ClaimSentBack,
    ClaimWithdrawn,
    DatasetExported,
    DatasetImported,
    SignInSecondFactorFailed,
    AuthenticatorEnabled,
    AuthenticatorRemoved,
    RecoveryCodesGenerated,
    PasskeyAdded,
    PasskeyRemoved,
    SecondFactorConfirmed,
    SecondFactorsReset,
    SecondFactorPolicyChanged,
    DraftDeleted,
    SourcesMerged,
    BylineNameChanged,
    SourcePageCaptured,
    EvidenceFileAdded,
    EvidenceFileRemoved,
    SourceLinkStateChanged,
    ReaderCopiesPolicyChanged,
}
