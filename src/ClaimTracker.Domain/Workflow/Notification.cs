namespace ClaimTracker.Domain.Workflow;

public enum NotificationKind
{
    /// <summary>A submission waits for review (to reviewers).</summary>
    ReviewWaiting,
    /// <summary>A reviewer sent the author's submission back.</summary>
    SentBack,
    /// <summary>The author's submission was approved and is public.</summary>
    Approved,
    /// <summary>The author's submission was approved as a correction.</summary>
    Corrected,
    /// <summary>A claim was assigned to this editor.</summary>
    Assigned,
    /// <summary>A reader reported a problem with a published claim (to editors).</summary>
    ReaderReport,
    /// <summary>Someone mentioned this person in a claim's internal discussion.</summary>
    Mentioned,
}

/// <summary>How far the email copy of a notification has got; none when the site sends no email.</summary>
public enum MailState
{
    None,
    Pending,
    Sending,
    Sent,
    Failed,
}

/// <summary>Something that waits for one staff member: shown in their inbox, and emailed when the site sends email.</summary>
public sealed class Notification
{
    public const int TextMaxLength = 600;

    /// <summary>Tries at sending the email copy before it is given up.</summary>
    public const int MailAttemptsMax = 3;

    private Notification()
    {
    }

    public int Id { get; private set; }

    /// <summary>The staff member's sign-in address.</summary>
    public string Recipient { get; private set; } = string.Empty;

    public NotificationKind Kind { get; private set; }

    public int? ClaimId { get; private set; }

    public string Text { get; private set; } = string.Empty;

    public DateTime CreatedAtUtc { get; private set; }

    public DateTime? ReadAtUtc { get; private set; }

    public MailState Mail { get; private set; }

    public int MailAttempts { get; private set; }

    public static Notification Create(string recipient, NotificationKind kind, int? claimId, string text, DateTime nowUtc, bool email) => new()
    {
        Recipient = recipient,
        Kind = kind,
        ClaimId = claimId,
        Text = text.Length <= TextMaxLength ? text : text[..(TextMaxLength - 1)] + "…",
        CreatedAtUtc = nowUtc,
        Mail = email ? MailState.Pending : MailState.None,
    };

    public void MarkRead(DateTime nowUtc) => ReadAtUtc ??= nowUtc;

    /// <summary>A failed try: tried again later, until <see cref="MailAttemptsMax"/>.</summary>
    public void MailFailed()
    {
        MailAttempts++;
        Mail = MailAttempts >= MailAttemptsMax ? MailState.Failed : MailState.Pending;
    }

    public void MailSent()
    {
        MailAttempts++;
        Mail = MailState.Sent;
    }
}
