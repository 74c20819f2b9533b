using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace ClaimTracker.Infrastructure.Security;

public sealed class SignInLimitOptions
{
    public const string Section = "Security:RateLimits";

    /// <summary>Sign-in and password form posts one client address may make per minute.</summary>
    public int PerAddressPerMinute { get; set; } = 20;

    /// <summary>Attempts on one account (sign-in, set or change password) per 15 minutes, from anywhere.</summary>
    public int PerAccountPer15Minutes { get; set; } = 10;
}

/// <summary>
/// Counts attempts per account, whichever address they come from: the per-address limit alone lets a
/// botnet guess one account's password. Lockout after failed passwords comes on top of this.
/// </summary>
public sealed class AttemptLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string> limiter;

    public AttemptLimiter(IOptions<SignInLimitOptions> options)
    {
        var permits = options.Value.PerAccountPer15Minutes;
        limiter = PartitionedRateLimiter.Create<string, string>(key =>
            RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = permits,
                Window = TimeSpan.FromMinutes(15),
                QueueLimit = 0,
            }));
    }

    /// <param name="account">What identifies the account: its email or id, with the kind of attempt.</param>
    public bool TryAcquire(string account) => TryAcquire(account, out _);

    /// <param name="account">What identifies the account: its email or id, with the kind of attempt.</param>
    /// <param name="retryAfter">When refused: how long until the account's window opens again.</param>
    public bool TryAcquire(string account, out TimeSpan retryAfter)
    {
        using var lease = limiter.AttemptAcquire(account.Trim().ToUpperInvariant());
        retryAfter = !lease.IsAcquired && lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.Zero;
        return lease.IsAcquired;
    }

    public void Dispose() => limiter.Dispose();
}
