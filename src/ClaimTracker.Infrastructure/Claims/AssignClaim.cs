using ClaimTracker.Domain;
using ClaimTracker.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace ClaimTracker.Infrastructure.Claims;

/// <summary>Assigns a claim to an active editor (who is notified), or to nobody.</summary>
public sealed class AssignClaim(AppDbContext db, TimeProvider clock, Notifications.Inbox inbox)
{
    /// <summary>Assigns the claim to an active editor, or to nobody.</summary>
    public Task<WorkResult> AssignAsync(int claimId, string? editorEmail, string user, CancellationToken cancellationToken = default) =>
        ClaimChange.RunAsync(db, claimId, q => q, async claim =>
        {
            if (!string.IsNullOrWhiteSpace(editorEmail)
                && !(await Accounts.StaffAccounts.ActiveEditorsAsync(db, cancellationToken)).Contains(editorEmail.Trim(), StringComparer.OrdinalIgnoreCase))
            {
                throw new DomainRuleException("AssignedTo", "Choose an active editor.");
            }
            claim.AssignTo(editorEmail, user, Now);
            if (claim.AssignedTo is { } assignee)
            {
                inbox.Notify(assignee, user, Domain.Workflow.NotificationKind.Assigned, claim.Id, $"{user} assigned “{claim.Headline}” to you.");
            }
        }, cancellationToken);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
}
