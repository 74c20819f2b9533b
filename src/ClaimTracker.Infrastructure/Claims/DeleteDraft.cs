using ClaimTracker.Domain;
using ClaimTracker.Domain.Claims;
using ClaimTracker.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace ClaimTracker.Infrastructure.Claims;

/// <summary>Deletes a draft readers never saw (its author, or an admin), unless other claims refer to it.</summary>
public sealed class DeleteDraft(AppDbContext db, Auditing.AuditLog audit)
{
    /// <summary>
    /// Deletes a draft readers never saw, with everything recorded on it (statements, citations, status entries, discussion).
    /// The audit log records who deleted what; the change records of its fields stay in the activity trail.
    /// </summary>
    public async Task<WorkResult> DeleteDraftAsync(int claimId, Domain.Accounts.StaffMember by, CancellationToken cancellationToken = default)
    {
        var user = by.Email;
        var claim = await db.Claims.FirstOrDefaultAsync(c => c.Id == claimId, cancellationToken);
        if (claim is null)
        {
            return WorkResult.NotFound("claim");
        }
        try
        {
            claim.CheckDeletion(by);
        }
        catch (DomainRuleException rule)
        {
            return WorkResult.Invalid(rule.Field, rule.Message);
        }
        var referring = await db.Claims.Where(c => c.ParentClaimId == claimId).Select(c => c.Headline)
            .Concat(db.Set<ClaimRelation>().Where(r => r.ToClaimId == claimId && r.FromClaimId != claimId)
                .Join(db.Claims, r => r.FromClaimId, c => c.Id, (r, c) => c.Headline))
            .Take(3).ToListAsync(cancellationToken);
        if (referring.Count > 0)
        {
            return WorkResult.Invalid(string.Empty,
                $"Other claims refer to this draft ({string.Join("; ", referring.Select(h => $"“{h}”"))}): remove those references first.");
        }
        audit.Record(user, Domain.Auditing.AuditAction.DraftDeleted, $"claim #{claim.Id}",
            $"“{claim.Headline}” ({claim.Slug}), created by {claim.CreatedBy} on {claim.CreatedAtUtc:yyyy-MM-dd}, last changed by {claim.UpdatedBy}");
        db.Claims.Remove(claim);
        await db.SaveChangesAsync(cancellationToken);
        return WorkResult.Done(claimId);
    }
}
