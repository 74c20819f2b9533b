using ClaimTracker.Domain;
using ClaimTracker.Domain.Claims;
using ClaimTracker.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace ClaimTracker.Infrastructure.Claims;

/// <summary>Relates a claim to another (contradicts, follows up, duplicates).</summary>
public sealed class RelateClaims(AppDbContext db, TimeProvider clock)
{
    /// <summary>Relates the claim to another one, named by its permalink slug (a list of every claim does not scale).</summary>
    public Task<WorkResult> AddRelationAsync(int claimId, RelationKind kind, string? otherSlug, string user,
        CancellationToken cancellationToken = default) =>
        ClaimChange.RunAsync(db, claimId, q => q.Include(c => c.Relations), async claim =>
        {
            if (!Enum.IsDefined(kind))
            {
                throw new DomainRuleException("Kind", "Choose how the claims are related.");
            }
            if (string.IsNullOrWhiteSpace(otherSlug))
            {
                throw new DomainRuleException("otherSlug", "Enter the other claim's permalink slug.");
            }
            var other = await db.ClaimIdBySlugAsync(otherSlug.Trim(), cancellationToken)
                        ?? throw new DomainRuleException("otherSlug", $"No claim has the permalink “{otherSlug.Trim()}”.");
            claim.AddRelation(kind, other, user, Now);
        }, cancellationToken);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
}
