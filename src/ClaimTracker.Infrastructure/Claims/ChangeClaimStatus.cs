using ClaimTracker.Domain;
using ClaimTracker.Infrastructure.Data;
using ClaimTracker.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace ClaimTracker.Infrastructure.Claims;

/// <summary>Records a change of a claim's status (or corrects an earlier entry), with its date, rationale and sources.</summary>
public sealed class ChangeClaimStatus(AppDbContext db, RichTextFormat richText, TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public Task<WorkResult> ChangeStatusAsync(int claimId, int statusId, DateOnly? effectiveOn, string? rationaleMarkdown,
        IReadOnlyCollection<int> sourceIds, int? correctsId, string user, CancellationToken cancellationToken = default) =>
        ClaimChange.RunAsync(db, claimId, q => q.Include(c => c.Sources).Include(c => c.StatusChanges), async claim =>
        {
            var status = await db.Statuses.FirstOrDefaultAsync(s => s.Id == statusId, cancellationToken)
                         ?? throw new DomainRuleException("StatusId", "Choose a status from the scale.");
            if (effectiveOn is null)
            {
                throw new DomainRuleException("EffectiveOn", "Enter the date the evidence emerged.");
            }
            var rationale = richText.Render(rationaleMarkdown);
            if (!rationale.Succeeded)
            {
                throw new DomainRuleException("Rationale", rationale.Error);
            }
            claim.ChangeStatus(status, effectiveOn.Value, rationale.Html!, sourceIds, correctsId, user, Now, await ClaimChange.DefaultReviewDaysAsync(db, cancellationToken));
        }, cancellationToken);
}
