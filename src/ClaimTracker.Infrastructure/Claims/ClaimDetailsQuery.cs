using ClaimTracker.Domain.Claims;
using ClaimTracker.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace ClaimTracker.Infrastructure.Claims;

/// <summary>
/// A claim's working copy as the desk's claim page shows it (and as the workflow snapshots it when a reviewer approves): the
/// claim with its actors, topics, statements, citations, status history and related claims; no entity leaves this class.
/// </summary>
public sealed class ClaimDetailsQuery(AppDbContext db)
{
    public async Task<ClaimDetails?> GetAsync(int id, CancellationToken cancellationToken = default)
    {
        var claim = await db.Claims.AsNoTracking()
            .Include(c => c.Actors).ThenInclude(a => a.Actor)
            .Include(c => c.Topics).ThenInclude(t => t.Topic)
            .Include(c => c.Statements).ThenInclude(s => s.Actor)
            .Include(c => c.Statements).ThenInclude(s => s.Sources)
            .Include(c => c.Statements).ThenInclude(s => s.JointActors).ThenInclude(j => j.Actor)
            .Include(c => c.Sources).ThenInclude(s => s.Source).ThenInclude(s => s!.Outlet)
            .Include(c => c.StatusChanges).ThenInclude(s => s.Status)
            .Include(c => c.StatusChanges).ThenInclude(s => s.Sources)
            .Include(c => c.Relations)
            .AsSplitQuery()
            .FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (claim is null)
        {
            return null;
        }
        var statuses = await db.Statuses.AsNoTracking().ToDictionaryAsync(s => s.Id, cancellationToken);
        var incoming = await db.Set<ClaimRelation>().AsNoTracking().Where(r => r.ToClaimId == id).ToListAsync(cancellationToken);
        var related = claim.Relations.Select(r => r.ToClaimId).Concat(incoming.Select(r => r.FromClaimId)).Append(claim.ParentClaimId ?? 0).ToList();
        var relatedRows = await db.Claims.AsNoTracking().Where(c => related.Contains(c.Id) || c.ParentClaimId == id).AsRows(db)
            .ToListAsync(cancellationToken);
        var subClaimIds = await db.Claims.Where(c => c.ParentClaimId == id).Select(c => c.Id).ToListAsync(cancellationToken);

        var statements = claim.Statements.OrderBy(s => s.MadeOn).ThenBy(s => s.Id).ToList();
        var corrected = claim.StatusChanges.Where(c => c.CorrectsId is not null).Select(c => c.CorrectsId!.Value).ToHashSet();
        static ActorRef Ref(Actor a) => new(a.Id, a.Name, a.Kind, a.ProvenanceLabel);
        StatusBadge Badge(int statusId) => new(statuses[statusId].Key, statuses[statusId].NameEn, statuses[statusId].Colour);

        return new ClaimDetails(claim.Id, claim.Slug, claim.Headline, claim.OriginalText, claim.Language, claim.Translation,
            claim.Translator, claim.IsMachineTranslated, claim.FirstMadeOn, claim.Summary, claim.ReviewBy, claim.IsPublic,
            claim.CurrentStatusId is { } current ? Badge(current) : null, claim.CurrentStatusSince, claim.Version,
            claim.CreatedBy, claim.CreatedAtUtc, claim.UpdatedBy, claim.UpdatedAtUtc,
            claim.Actors.Where(a => a.Role == ClaimRole.Claimant).Select(a => Ref(a.Actor!)).OrderBy(a => a.Name).ToList(),
            claim.Actors.Where(a => a.Role == ClaimRole.Subject).Select(a => Ref(a.Actor!)).OrderBy(a => a.Name).ToList(),
            claim.Topics.Select(t => t.Topic!.Name).Order().ToList(),
            relatedRows.FirstOrDefault(r => r.Id == claim.ParentClaimId),
            relatedRows.Where(r => subClaimIds.Contains(r.Id)).ToList(),
            claim.Relations.Select(r => new RelatedClaim(r.Kind.Describe(), relatedRows.First(x => x.Id == r.ToClaimId)))
                .Concat(incoming.Select(r => new RelatedClaim(r.Kind switch
                {
                    RelationKind.Contradicts => "contradicted by",
                    RelationKind.DuplicateOf => "has a duplicate",
                    _ => "followed up by",
                }, relatedRows.First(x => x.Id == r.FromClaimId)))).ToList(),
            statements.Select(s => new StatementView(s.Id, Ref(s.Actor!), s.Stance, s.MadeOn, s.Quote, s.QuoteLanguage, s.Translation,
                s.Sources.Select(x => x.SourceId).ToList(),
                // A walk-back: one of those who said it said the opposite earlier (alone or with others).
                s.Stance is Stance.Confirms or Stance.Retracts
                && statements.Any(e => e.ActorIds.Intersect(s.ActorIds).Any() && e.MadeOn <= s.MadeOn && e.Id != s.Id
                                       && (s.Stance == Stance.Confirms ? e.Stance == Stance.Denies : e.Stance is Stance.Asserts or Stance.Confirms)),
                s.JointActors.Select(j => Ref(j.Actor!)).OrderBy(a => a.Name).ToList()))
                .ToList(),
            claim.Sources.OrderBy(s => s.Source!.PublishedOn).Select(s => new LinkedSourceView(s.SourceId, s.Source!.Title, s.Source.Url,
                s.Source.Outlet?.Name, s.Source.Outlet?.ProvenanceLabel, s.Source.PublishedOn, s.Source.Language, s.Source.ArchiveUrl,
                s.Source.Excerpt, s.Source.ExcerptSha256, s.Source.ExcerptCapturedAtUtc, s.Stance, s.Quote, s.Note)).ToList(),
            claim.StatusChanges.OrderByDescending(c => c.EffectiveOn).ThenByDescending(c => c.RecordedAtUtc)
                .Select(c => new StatusChangeView(c.Id, Badge(c.StatusId), c.EffectiveOn, c.Rationale,
                    c.Sources.Select(s => s.SourceId).ToList(), c.CorrectsId, corrected.Contains(c.Id), c.RecordedBy, c.RecordedAtUtc))
                .ToList(),
            claim.ClaimReviewed,
            claim.Actors.Where(a => a.Role == ClaimRole.Claimant).Select(a => new ClaimantRef(a.Actor!.Name, a.Actor.Kind, a.Actor.WikidataId)).ToList(),
            claim.AssignedTo, claim.ReviewIntervalDays, claim.PendingSlug,
            claim.Actors.Select(a => a.Actor!).Concat(claim.Statements.SelectMany(s => s.JointActors.Select(j => j.Actor!).Prepend(s.Actor!))).DistinctBy(a => a.Id).OrderBy(a => a.Id)
                .Select(a => new ActorProfile(a.Id, a.Name, a.Description, a.WikidataId)).ToList());
    }
}
