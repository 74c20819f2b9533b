using ClaimTracker.Domain;
using ClaimTracker.Domain.Feedback;
using ClaimTracker.Infrastructure.Claims;
using ClaimTracker.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace ClaimTracker.Infrastructure.Feedback;

public sealed record ReportRow(int Id, int ClaimId, string ClaimHeadline, string Message, string? Email, DateTime ReceivedAtUtc,
    bool IsResolved, string? ResolvedBy, DateTime? ResolvedAtUtc, string? ResolutionNote);

/// <summary>Reports from readers: received on published claims only, worked through by editors.</summary>
public sealed class ReaderReports(AppDbContext db, TimeProvider clock, Notifications.Inbox inbox)
{
    public async Task<WorkResult> ReceiveAsync(string claimSlug, string? message, string? email, CancellationToken cancellationToken = default)
    {
        var claim = await db.Claims.Where(c => c.Slug == claimSlug && c.IsPublic).Select(c => new { c.Id, c.Headline }).FirstOrDefaultAsync(cancellationToken);
        if (claim is null)
        {
            return WorkResult.NotFound("claim");
        }
        if (ReaderReport.Validate(message, email) is { Count: > 0 } errors)
        {
            return WorkResult.Invalid(errors);
        }
        var report = ReaderReport.Receive(claim.Id, message!, email, clock.GetUtcNow().UtcDateTime);
        db.ReaderReports.Add(report);
        await inbox.NotifyRoleAsync(Domain.Accounts.Roles.Editor, string.Empty, Domain.Workflow.NotificationKind.ReaderReport, claim.Id,
            $"A reader reported a problem with “{claim.Headline}”: „{(message!.Length <= 200 ? message.Trim() : message[..199].Trim() + "…")}“", cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return WorkResult.Done(report.Id);
    }

    /// <summary>Open reports first (oldest waiting first), then the latest resolved ones.</summary>
    public async Task<IReadOnlyList<ReportRow>> QueueAsync(CancellationToken cancellationToken = default) =>
        await db.ReaderReports.AsNoTracking()
            .Join(db.Claims, r => r.ClaimId, c => c.Id, (r, c) => new { r, c.Headline })
            .OrderBy(x => x.r.IsResolved).ThenBy(x => x.r.IsResolved ? DateTime.MaxValue : x.r.ReceivedAtUtc).ThenByDescending(x => x.r.ResolvedAtUtc)
            .Take(200)
            .Select(x => new ReportRow(x.r.Id, x.r.ClaimId, x.Headline, x.r.Message, x.r.Email, x.r.ReceivedAtUtc, x.r.IsResolved,
                x.r.ResolvedBy, x.r.ResolvedAtUtc, x.r.ResolutionNote))
            .ToListAsync(cancellationToken);

    public async Task<WorkResult> ResolveAsync(int id, string editor, string? note, CancellationToken cancellationToken = default)
    {
        var report = await db.ReaderReports.FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (report is null)
        {
            return WorkResult.NotFound("report");
        }
        try
        {
            report.Resolve(editor, note, clock.GetUtcNow().UtcDateTime);
        }
        catch (DomainRuleException rule)
        {
            return WorkResult.Invalid(rule.Field, rule.Message);
        }
        await db.SaveChangesAsync(cancellationToken);
        return WorkResult.Done(id);
    }
}
