using System.Net.Sockets;
using ClaimTracker.Domain.Workflow;
using ClaimTracker.Infrastructure.Data;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace ClaimTracker.Infrastructure.Notifications;

/// <summary>
/// Sends the email copies of notifications (MailKit), when <see cref="MailOptions.Host"/> is set. The notifications table
/// is the outbox: a notification saved with its change waits as Pending until sent; each instance takes a row by moving it
/// to Sending first (one row, one instance), so several app instances never send the same mail twice. A failed send is
/// tried again on the next round, <see cref="Notification.MailAttemptsMax"/> times in all, and logged; it never touches the
/// change that caused it.
/// </summary>
public sealed class MailOutbox(IServiceScopeFactory scopes, IOptions<MailOptions> options, ILogger<MailOutbox> log) : BackgroundService
{
    public const int BatchSize = 20;

    private readonly MailOptions settings = options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!settings.IsEnabled)
        {
            return;
        }
        await ResumeInterruptedAsync(stoppingToken);
        // The mail server's pace, not the app's clock: a wall-clock timer.
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(0.2, settings.PollSeconds)), TimeProvider.System);
        do
        {
            while (await SendWaitingAsync(stoppingToken) == BatchSize)
            {
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Rows an instance had taken when it stopped go back to the queue (at worst, one mail twice).</summary>
    private async Task ResumeInterruptedAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await db.Notifications.Where(n => n.Mail == MailState.Sending)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.Mail, MailState.Pending), cancellationToken);
    }

    /// <summary>Sends up to <see cref="BatchSize"/> waiting mails; returns how many this instance took.</summary>
    public async Task<int> SendWaitingAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var waiting = await db.Notifications.Where(n => n.Mail == MailState.Pending).OrderBy(n => n.Id).Take(BatchSize)
            .Select(n => n.Id).ToListAsync(cancellationToken);
        var taken = new List<int>();
        foreach (var id in waiting)
        {
            if (await db.Notifications.Where(n => n.Id == id && n.Mail == MailState.Pending)
                    .ExecuteUpdateAsync(s => s.SetProperty(n => n.Mail, MailState.Sending), cancellationToken) == 1)
            {
                taken.Add(id);
            }
        }
        if (taken.Count == 0)
        {
            return 0;
        }
        var mails = await db.Notifications.Where(n => taken.Contains(n.Id)).ToListAsync(cancellationToken);
        using var smtp = new SmtpClient { Timeout = 15_000 };
        try
        {
            await smtp.ConnectAsync(settings.Host!, settings.Port, Security(), cancellationToken);
            if (!string.IsNullOrEmpty(settings.UserName))
            {
                await smtp.AuthenticateAsync(settings.UserName, settings.Password ?? string.Empty, cancellationToken);
            }
        }
        catch (Exception failure) when (IsMailFailure(failure))
        {
            log.LogWarning("Could not reach the mail server {Host}:{Port} ({Error}); {Count} notification emails wait for the next try.",
                settings.Host, settings.Port, failure.Message, mails.Count);
            mails.ForEach(m => m.MailFailed());
            await db.SaveChangesAsync(CancellationToken.None);
            return taken.Count;
        }
        foreach (var mail in mails)
        {
            try
            {
                await smtp.SendAsync(Message(mail), cancellationToken);
                mail.MailSent();
            }
            catch (Exception failure) when (IsMailFailure(failure))
            {
                log.LogWarning("The mail server refused the notification email {Id} to {Recipient}: {Error}", mail.Id, mail.Recipient, failure.Message);
                mail.MailFailed();
            }
        }
        await db.SaveChangesAsync(CancellationToken.None);
        if (smtp.IsConnected)
        {
            await smtp.DisconnectAsync(quit: true, CancellationToken.None);
        }
        return taken.Count;
    }

    private static bool IsMailFailure(Exception failure) =>
        failure is SmtpCommandException or SmtpProtocolException or AuthenticationException or SslHandshakeException
            or ServiceNotConnectedException or ServiceNotAuthenticatedException or IOException or SocketException or TimeoutException
            or ParseException;

    private SecureSocketOptions Security() => settings.Security.ToLowerInvariant() switch
    {
        "none" => SecureSocketOptions.None,
        "starttls" => SecureSocketOptions.StartTls,
        "sslonconnect" => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.Auto,
    };

    private MimeMessage Message(Notification notification)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(settings.From));
        message.To.Add(MailboxAddress.Parse(notification.Recipient));
        message.Subject = "ClaimTracker: " + (notification.Text.Length <= 120 ? notification.Text : notification.Text[..119] + "…");
        var app = settings.AppUrl?.TrimEnd('/');
        var link = app is null ? null
            : notification.ClaimId is { } claimId ? $"{app}/editor/claims/details/{claimId}" : $"{app}/editor/inbox";
        message.Body = new TextPart("plain")
        {
            Text = notification.Text + "\n\n" + (link is null ? string.Empty : link + "\n\n")
                   + "You get this email because you work on the desk of this ClaimTracker. Your inbox in the app lists everything that waits for you.",
        };
        return message;
    }
}
