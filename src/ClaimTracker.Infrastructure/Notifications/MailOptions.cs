namespace ClaimTracker.Infrastructure.Notifications;

/// <summary>
/// Email copies of notifications (<c>Notifications:Email</c>). Off until <see cref="Host"/> is set; the in-app inbox works
/// either way, and a mail server that is down delays mail, never a save.
/// </summary>
public sealed class MailOptions
{
    public const string Section = "Notifications:Email";

    /// <summary>SMTP server; empty (the default) sends no email.</summary>
    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    /// <summary>Auto (STARTTLS when offered, TLS on port 465), StartTls (required), SslOnConnect, or None (a local relay).</summary>
    public string Security { get; set; } = "Auto";

    public string? UserName { get; set; }

    public string? Password { get; set; }

    /// <summary>Sender address, e.g. "ClaimTracker &lt;desk@example.org&gt;".</summary>
    public string From { get; set; } = "ClaimTracker <claimtracker@localhost>";

    /// <summary>The address staff open the app at, for links in the email; empty: the text only.</summary>
    public string? AppUrl { get; set; }

    /// <summary>How often the sender looks for notifications waiting to be emailed.</summary>
    public double PollSeconds { get; set; } = 2;

    public bool IsEnabled => !string.IsNullOrWhiteSpace(Host);
}
