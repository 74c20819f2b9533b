using ClaimTracker.Domain.Claims;
using ClaimTracker.Domain.Text;
using ClaimTracker.Infrastructure.Data;
using ClaimTracker.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace ClaimTracker.Infrastructure.Claims;

/// <summary>Logs a new claim from the claim form: checked, given a free permalink and a first review date, saved once.</summary>
public sealed class LogClaim(AppDbContext db, TimeProvider clock, ActorDirectory actors, RichTextFormat richText)
{
    private readonly ClaimFields fields = new(db, richText, actors);

    public async Task<WorkResult> CreateAsync(ClaimInput input, string user, CancellationToken cancellationToken = default)
    {
        input = await fields.ResolvedAsync(input, cancellationToken);
        var (draft, errors) = await fields.CheckAsync(input, claimId: null, cancellationToken);
        if (errors.Count > 0)
        {
            return WorkResult.Invalid(errors);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        if (draft!.ReviewBy is null)
        {
            // Every open claim has a next review date from the start.
            draft = draft with { ReviewBy = DateOnly.FromDateTime(now).AddDays(draft.ReviewIntervalDays ?? await ClaimChange.DefaultReviewDaysAsync(db, cancellationToken)) };
        }
        return await LostRace.RetryAsync(db, async () =>
        {
            if (input.SubmissionId is { } submission && await CreatedByAsync(submission, cancellationToken) is { } earlier)
            {
                // The same form posted again (a double click, a retry after a lost answer): the claim it made already.
                return WorkResult.Done(earlier);
            }
            var slug = await FreeSlugAsync(Slug.From(draft.Headline), cancellationToken);
            var claim = Claim.Create(draft, slug, user, now, input.SubmissionId);
            db.Claims.Add(claim);
            await fields.ApplyRelationsAsync(claim, input, user, now, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            return WorkResult.Done(claim.Id, claim.Slug);
        }, () => ClaimChange.GaveUp);
    }

    /// <summary>The claim the "log a claim" form with this submission id created, if it was saved.</summary>
    public Task<int?> CreatedByAsync(Guid submissionId, CancellationToken cancellationToken = default) =>
        db.Claims.Where(c => c.SubmissionId == submissionId).Select(c => (int?)c.Id).FirstOrDefaultAsync(cancellationToken);

    private async Task<string> FreeSlugAsync(string baseSlug, CancellationToken cancellationToken)
    {
        // Slugs sharing the first 30 characters: a long slug is shortened to take its suffix, so "…-2" may begin with less of it.
        var prefix = baseSlug[..Math.Min(baseSlug.Length, 30)];
        var taken = await db.Claims.Where(c => c.Slug.StartsWith(prefix)).Select(c => c.Slug)
            .Concat(db.Claims.Where(c => c.PendingSlug != null && c.PendingSlug.StartsWith(prefix)).Select(c => c.PendingSlug!))
            .Concat(db.SlugRedirects.Where(r => r.OldSlug.StartsWith(prefix)).Select(r => r.OldSlug))
            .ToListAsync(cancellationToken);
        return Slug.Unique(baseSlug, taken.Contains);
    }
}
