using ClaimTracker.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace ClaimTracker.Web.Pages.Editor.Claims;

/// <summary>
/// What the status form needs: the claim's current status, the sources a change can rest on (oldest first), and
/// the history entries a new one may correct (those not corrected yet, newest first).
/// </summary>
public sealed record StatusFormData(int Id, string Headline, int? CurrentStatusId, IReadOnlyList<SourceChoice> Sources,
    IReadOnlyList<CorrectableEntry> Correctable);

public sealed record SourceChoice(int SourceId, string Title);

public sealed record CorrectableEntry(int Id, DateOnly EffectiveOn, int StatusId);

/// <summary>The status form's data (<see cref="StatusFormData"/>).</summary>
public sealed class StatusFormQuery(AppDbContext db)
{
    public async Task<StatusFormData?> GetAsync(int id, CancellationToken cancellationToken = default)
    {
        var claim = await db.Claims.AsNoTracking().Where(c => c.Id == id)
            .Select(c => new { c.Id, c.Headline, c.CurrentStatusId }).FirstOrDefaultAsync(cancellationToken);
        if (claim is null)
        {
            return null;
        }
        var sources = await db.ClaimSources.AsNoTracking().Where(s => s.ClaimId == id)
            .Select(s => new { s.SourceId, s.Source!.Title, s.Source.PublishedOn }).ToListAsync(cancellationToken);
        var history = await db.StatusChanges.AsNoTracking().Where(c => c.ClaimId == id)
            .OrderByDescending(c => c.EffectiveOn).ThenByDescending(c => c.RecordedAtUtc)
            .Select(c => new { c.Id, c.EffectiveOn, c.StatusId, c.CorrectsId }).ToListAsync(cancellationToken);
        var corrected = history.Where(c => c.CorrectsId is not null).Select(c => c.CorrectsId!.Value).ToHashSet();
        // Ordered here: the engines sort undated sources differently.
        return new StatusFormData(claim.Id, claim.Headline, claim.CurrentStatusId,
            sources.OrderBy(s => s.PublishedOn).ThenBy(s => s.SourceId).Select(s => new SourceChoice(s.SourceId, s.Title)).ToList(),
            history.Where(c => !corrected.Contains(c.Id)).Select(c => new CorrectableEntry(c.Id, c.EffectiveOn, c.StatusId)).ToList());
    }
}
