using ClaimTracker.Domain;
using ClaimTracker.Domain.Claims;
using ClaimTracker.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace ClaimTracker.Infrastructure.Claims;

/// <summary>How a change to a claim is made: loaded with what the change needs, changed by the domain's rules, saved.</summary>
internal static class ClaimChange
{
    /// <summary>What an editor is told when others saved the same thing at the same moment, again and again.</summary>
    public static readonly WorkResult GaveUp = WorkResult.Invalid(string.Empty,
        "Others saved this at the same moment, several times over; nothing of yours was saved. Your input is still in the form: save again.")
        with { IsConflict = true };

    public static async Task<WorkResult> RunAsync(AppDbContext db, int claimId, Func<IQueryable<Claim>, IQueryable<Claim>> include,
        Func<Claim, Task> change, CancellationToken cancellationToken)
    {
        // A change that lost a race with another save of the claim (its version moved on, or a slug or topic was taken) is made
        // again on what that save left: two editors adding statements at once both get theirs, and the domain's rules are
        // checked again (the source someone else attached meanwhile, the slug someone else took).
        return await LostRace.RetryAsync(db, async () =>
        {
            var claim = await include(db.Claims).AsSplitQuery().FirstOrDefaultAsync(c => c.Id == claimId, cancellationToken);
            if (claim is null)
            {
                return WorkResult.NotFound("claim");
            }
            try
            {
                await change(claim);
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DomainRuleException rule)
            {
                return WorkResult.Invalid(rule.Field, rule.Message);
            }
            return WorkResult.Done(claim.Id, claim.Slug);
        }, () => GaveUp);
    }

    /// <summary>The site's interval from a status change to the next review of an open claim.</summary>
    public static async Task<int> DefaultReviewDaysAsync(AppDbContext db, CancellationToken cancellationToken) =>
        await db.SiteSettings.Select(s => (int?)s.ReviewIntervalDays).FirstOrDefaultAsync(cancellationToken) ?? Domain.Site.SiteDefaults.ReviewIntervalDays;
}
