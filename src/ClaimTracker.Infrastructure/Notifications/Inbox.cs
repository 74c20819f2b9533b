using System.Text.RegularExpressions;
using ClaimTracker.Domain.Workflow;
using ClaimTracker.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ClaimTracker.Infrastructure.Notifications;

public sealed record NotificationRow(int Id, NotificationKind Kind, int? ClaimId, string Text, DateTime CreatedAtUtc, bool IsRead);

/// <summary>One page of a person's inbox, newest first; <see cref="NextBefore"/> continues it.</summary>
public sealed record InboxPage(IReadOnlyList<NotificationRow> Rows, int? NextBefore);

/// <summary>
/// What waits for whom. Notifications are added to the unit of work of the change that causes them (a submission, an
/// approval, a report…), so they exist exactly when the change was saved; their email copy, when the site sends email,
/// goes out afterwards (<see cref="MailOutbox"/>), and a mail server that fails never fails the change.
/// </summary>
public sealed partial class Inbox(AppDbContext db, TimeProvider clock, IOptions<MailOptions> mail)
{
    public const int PageSize = 50;

    /// <summary>Tells <paramref name="recipient"/>, unless it is the person who did it.</summary>
    public void Notify(string recipient, string actor, NotificationKind kind, int? claimId, string text)
    {
        if (string.IsNullOrWhiteSpace(recipient) || string.Equals(recipient, actor, StringComparison.OrdinalIgnoreCase))
        {
            return;
        }
        db.Notifications.Add(Notification.Create(recipient, kind, claimId, text, clock.GetUtcNow().UtcDateTime, mail.Value.IsEnabled));
    }

    /// <summary>Tells every active holder of <paramref name="role"/> but the person who did it.</summary>
    public async Task NotifyRoleAsync(string role, string actor, NotificationKind kind, int? claimId, string text, CancellationToken cancellationToken)
    {
        foreach (var recipient in await HoldersAsync(role, cancellationToken))
        {
            Notify(recipient, actor, kind, claimId, text);
        }
    }

    /// <summary>Tells everyone mentioned in <paramref name="text"/> as <c>@name@example.org</c> or by the part of their
    /// address before the @ (<c>@anna</c>) when only one active staff member has it.</summary>
    public async Task NotifyMentionedAsync(string text, string actor, int claimId, string headline, CancellationToken cancellationToken)
    {
        var handles = MentionPattern().Matches(text).Select(m => m.Groups["handle"].Value.TrimEnd('.')).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (handles.Count == 0)
        {
            return;
        }
        var staff = await (from u in db.Users
                           where !u.IsDisabled && u.Email != null && db.UserRoles.Any(ur => ur.UserId == u.Id)
                           select u.Email!).ToListAsync(cancellationToken);
        foreach (var handle in handles)
        {
            var matches = handle.Contains('@')
                ? staff.Where(e => string.Equals(e, handle, StringComparison.OrdinalIgnoreCase)).ToList()
                : staff.Where(e => string.Equals(e[..e.IndexOf('@')], handle, StringComparison.OrdinalIgnoreCase)).ToList();
            if (matches is [var recipient])
            {
                Notify(recipient, actor, NotificationKind.Mentioned, claimId, $"{actor} mentioned you on “{headline}”.");
            }
        }
    }

    public Task<int> UnreadCountAsync(string user, CancellationToken cancellationToken = default) =>
        db.Notifications.CountAsync(n => n.Recipient == user && n.ReadAtUtc == null, cancellationToken);

    /// <summary>Newest first, <see cref="PageSize"/> at a time, continuing below the id <paramref name="before"/>.</summary>
    public async Task<InboxPage> PageAsync(string user, int? before, CancellationToken cancellationToken = default)
    {
        var rows = await db.Notifications.AsNoTracking()
            .Where(n => n.Recipient == user && (before == null || n.Id < before))
            .OrderByDescending(n => n.Id).Take(PageSize + 1)
            .Select(n => new NotificationRow(n.Id, n.Kind, n.ClaimId, n.Text, n.CreatedAtUtc, n.ReadAtUtc != null))
            .ToListAsync(cancellationToken);
        return rows.Count > PageSize ? new InboxPage(rows[..PageSize], rows[PageSize - 1].Id) : new InboxPage(rows, null);
    }

    /// <summary>Marks one notification read; returns the claim it is about (null: none, or not this person's).</summary>
    public async Task<(bool Found, int? ClaimId)> OpenAsync(string user, int id, CancellationToken cancellationToken = default)
    {
        var notification = await db.Notifications.FirstOrDefaultAsync(n => n.Id == id && n.Recipient == user, cancellationToken);
        if (notification is null)
        {
            return (false, null);
        }
        notification.MarkRead(clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        return (true, notification.ClaimId);
    }

    public async Task<int> MarkAllReadAsync(string user, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return await db.Notifications.Where(n => n.Recipient == user && n.ReadAtUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAtUtc, now), cancellationToken);
    }

    private async Task<IReadOnlyList<string>> HoldersAsync(string role, CancellationToken cancellationToken) =>
        await (from u in db.Users
               join ur in db.UserRoles on u.Id equals ur.UserId
               join r in db.Roles on ur.RoleId equals r.Id
               where r.Name == role && !u.IsDisabled && u.Email != null
               select u.Email!).Distinct().ToListAsync(cancellationToken);

    [GeneratedRegex(@"(?<![\w@])@(?<handle>[\w.+-]+(@[\w-]+(\.[\w-]+)+)?)", RegexOptions.CultureInvariant)]
    private static partial Regex MentionPattern();
}
