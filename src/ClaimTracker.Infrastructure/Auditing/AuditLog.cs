using ClaimTracker.Domain.Auditing;
using ClaimTracker.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace ClaimTracker.Infrastructure.Auditing;

public sealed record AuditRow(DateTime OccurredAtUtc, string Actor, AuditAction Action, string Target, string Details,
    string? IpAddress);

/// <summary>
/// Records administrative actions and security events with who, when and from which address.
/// <see cref="Record"/> joins the unit of work of the action it records, so both are saved together;
/// <see cref="RecordNowAsync"/> saves at once (for events with nothing else to save, like a failed sign-in).
/// </summary>
public sealed class AuditLog(AppDbContext db, TimeProvider clock, IRequestContext request)
{
    public const string CommandLineActor = "command line";
    public const string StartUpActor = "app start (Development)";

    public void Record(string actor, AuditAction action, string target, string details = "") =>
        db.AuditEntries.Add(new AuditEntry(clock.GetUtcNow().UtcDateTime, actor, action, target, details, request.ClientAddress));

    public async Task RecordNowAsync(string actor, AuditAction action, string target, string details = "")
    {
        Record(actor, action, target, details);
        await db.SaveChangesAsync();
    }

    public async Task<IReadOnlyList<AuditRow>> LatestAsync(int count, CancellationToken cancellationToken = default) =>
        await db.AuditEntries
            .OrderByDescending(e => e.OccurredAtUtc).ThenByDescending(e => e.Id)
            .Take(count)
            .Select(e => new AuditRow(e.OccurredAtUtc, e.Actor, e.Action, e.Target, e.Details, e.IpAddress))
            .ToListAsync(cancellationToken);
}
