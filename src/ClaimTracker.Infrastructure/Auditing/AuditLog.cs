using ClaimTracker.Domain.Auditing;
using ClaimTracker.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace ClaimTracker.Infrastructure.Auditing;

public sealed record AuditRow(DateTime OccurredAtUtc, string Actor, AuditAction Action, string Target, string Details);

/// <summary>Adds entries to the unit of work of the action they record, so both are saved together.</summary>
public sealed class AuditLog(AppDbContext db, TimeProvider clock)
{
    public const string CommandLineActor = "command line";

    public void Record(string actor, AuditAction action, string target, string details = "") =>
        db.AuditEntries.Add(new AuditEntry(clock.GetUtcNow().UtcDateTime, actor, action, target, details));

    public async Task<IReadOnlyList<AuditRow>> LatestAsync(int count, CancellationToken cancellationToken = default) =>
        await db.AuditEntries
            .OrderByDescending(e => e.OccurredAtUtc).ThenByDescending(e => e.Id)
            .Take(count)
            .Select(e => new AuditRow(e.OccurredAtUtc, e.Actor, e.Action, e.Target, e.Details))
            .ToListAsync(cancellationToken);
}
