using ClaimTracker.Domain.Claims;
using ClaimTracker.Domain.Text;
using ClaimTracker.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace ClaimTracker.Web.Pages.Editor.Claims;

/// <summary>
/// What the claim edit form needs: the fields an editor changes, read at the version the save will check, and
/// what the conflict notice shows. Three or four small queries, where the claim page's details take a dozen.
/// </summary>
public sealed record ClaimEditData(int Id, string Slug, string Headline, string OriginalText, string Language, string? Translation,
    string? Translator, bool IsMachineTranslated, DateOnly? FirstMadeOn, SanitisedHtml Summary, DateOnly? ReviewBy, Guid Version,
    string UpdatedBy, DateTime UpdatedAtUtc, IReadOnlyList<int> ClaimantIds, IReadOnlyList<int> SubjectIds, IReadOnlyList<string> Topics,
    string? ParentSlug, string? ClaimReviewed, int? ReviewIntervalDays);

/// <summary>The claim edit form's data (<see cref="ClaimEditData"/>).</summary>
public sealed class ClaimEditQuery(AppDbContext db)
{
    public async Task<ClaimEditData?> GetAsync(int id, CancellationToken cancellationToken = default)
    {
        var claim = await db.Claims.AsNoTracking().Where(c => c.Id == id)
            .Select(c => new
            {
                c.Id, c.Slug, c.PendingSlug, c.Headline, c.OriginalText, c.Language, c.Translation, c.Translator, c.IsMachineTranslated, c.FirstMadeOn,
                c.Summary, c.ReviewBy, c.Version, c.UpdatedBy, c.UpdatedAtUtc, c.ClaimReviewed, c.ReviewIntervalDays, c.ParentClaimId,
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (claim is null)
        {
            return null;
        }
        var actors = await db.Set<ClaimActor>().AsNoTracking().Where(a => a.ClaimId == id)
            .Select(a => new { a.ActorId, a.Role }).ToListAsync(cancellationToken);
        var topics = await db.Set<ClaimTopic>().AsNoTracking().Where(t => t.ClaimId == id).Select(t => t.Topic!.Name).ToListAsync(cancellationToken);
        var parentSlug = claim.ParentClaimId is { } parentId
            ? await db.Claims.AsNoTracking().Where(p => p.Id == parentId).Select(p => p.Slug).FirstOrDefaultAsync(cancellationToken)
            : null;
        return new ClaimEditData(claim.Id, claim.PendingSlug ?? claim.Slug, claim.Headline, claim.OriginalText, claim.Language, claim.Translation, claim.Translator,
            claim.IsMachineTranslated, claim.FirstMadeOn, claim.Summary, claim.ReviewBy, claim.Version, claim.UpdatedBy, claim.UpdatedAtUtc,
            actors.Where(a => a.Role == ClaimRole.Claimant).Select(a => a.ActorId).ToList(),
            actors.Where(a => a.Role == ClaimRole.Subject).Select(a => a.ActorId).ToList(),
            topics.Order().ToList(), parentSlug, claim.ClaimReviewed, claim.ReviewIntervalDays);
    }
}
