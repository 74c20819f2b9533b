using ClaimTracker.Domain;
using ClaimTracker.Domain.Claims;
using ClaimTracker.Infrastructure.Data;
using ClaimTracker.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace ClaimTracker.Infrastructure.Claims;

/// <summary>Saves the claim form over a claim (unless someone saved it meanwhile), and changes its permalink.</summary>
public sealed class EditClaim(AppDbContext db, TimeProvider clock, ActorDirectory actors, RichTextFormat richText)
{
    private readonly ClaimFields fields = new(db, richText, actors);

    /// <summary>Saves an edit unless the claim changed since <paramref name="version"/> was read: then nothing is saved.</summary>
    public async Task<WorkResult> EditAsync(int claimId, Guid version, ClaimInput input, string user,
        CancellationToken cancellationToken = default)
    {
        // A lost race on a unique key (a new topic another editor added at the same moment) is tried again on what that save
        // left; a lost race on the claim's version is a conflict: the next try finds the claim changed.
        input = await fields.ResolvedAsync(input, cancellationToken);
        return await LostRace.RetryAsync(db, async () =>
        {
            // Split: as one query SQLite would join the claim to every claim's topics (a LEFT JOIN on a subquery it
            // cannot narrow), 100–200 ms at 100,000 claims; split, each part is an indexed lookup.
            var claim = await db.Claims.Include(c => c.Actors).Include(c => c.Topics).ThenInclude(t => t.Topic)
                .AsSplitQuery()
                .FirstOrDefaultAsync(c => c.Id == claimId, cancellationToken);
            if (claim is null)
            {
                return WorkResult.NotFound("claim");
            }
            if (claim.Version != version)
            {
                return Conflict(claim);
            }
            var (draft, errors) = await fields.CheckAsync(input, claimId, cancellationToken);
            if (errors.Count > 0)
            {
                return WorkResult.Invalid(errors);
            }
            var now = clock.GetUtcNow().UtcDateTime;
            try
            {
                claim.Edit(draft!, user, now);
                await fields.ApplyRelationsAsync(claim, input, user, now, cancellationToken);
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DomainRuleException rule)
            {
                return WorkResult.Invalid(rule.Field, rule.Message);
            }
            return WorkResult.Done(claim.Id, claim.Slug);
        }, () => ClaimChange.GaveUp);
    }

    public Task<WorkResult> ChangeSlugAsync(int claimId, string newSlug, string user, CancellationToken cancellationToken = default) =>
        ClaimChange.RunAsync(db, claimId, q => q, async claim =>
        {
            var slug = newSlug.Trim();
            if (slug == claim.WorkingSlug)
            {
                return;
            }
            if (await db.Claims.AnyAsync(c => c.Id != claimId && (c.Slug == slug || c.PendingSlug == slug), cancellationToken)
                || await db.SlugRedirects.AnyAsync(r => r.OldSlug == slug && r.ClaimId != claimId, cancellationToken))
            {
                throw new DomainRuleException("Slug", $"The slug “{slug}” is taken by another claim.");
            }
            // A published claim keeps its public slug until the revision is approved (ClaimWorkflow adds the redirect then).
            claim.ChangeSlug(slug, user, Now);
        }, cancellationToken);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private static WorkResult Conflict(Claim current) => WorkResult.Invalid(string.Empty,
        $"{current.UpdatedBy} saved this claim at {current.UpdatedAtUtc:yyyy-MM-dd HH:mm} UTC while you were editing. " +
        "Nothing of yours was saved: compare with the current version below, then save again.") with { IsConflict = true };
}
