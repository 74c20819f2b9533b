using ClaimTracker.Domain;
using ClaimTracker.Domain.Claims;
using ClaimTracker.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace ClaimTracker.Infrastructure.Claims;

/// <summary>Records who said what about a claim (alone or jointly), and corrects a statement recorded before.</summary>
public sealed class RecordStatement(AppDbContext db, TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public Task<WorkResult> AddStatementAsync(int claimId, Statement.Draft draft, string user, CancellationToken cancellationToken = default) =>
        ClaimChange.RunAsync(db, claimId, q => q.Include(c => c.Sources), async claim =>
        {
            if (Statement.Validate(draft) is [var first, ..])
            {
                throw new DomainRuleException(first.Field, first.Message);
            }
            await CheckSpeakersAsync(draft, cancellationToken);
            claim.AddStatement(draft, user, Now);
        }, cancellationToken);

    /// <summary>Everyone named as having said it is in the directory.</summary>
    private async Task CheckSpeakersAsync(Statement.Draft draft, CancellationToken cancellationToken)
    {
        var ids = draft.AllActorIds;
        if (await db.Actors.CountAsync(a => ids.Contains(a.Id), cancellationToken) != ids.Count)
        {
            throw new DomainRuleException(nameof(Statement.Draft.ActorId), "Choose an actor from the directory.");
        }
    }

    public Task<WorkResult> EditStatementAsync(int claimId, int statementId, Statement.Draft draft, string user,
        CancellationToken cancellationToken = default) =>
        ClaimChange.RunAsync(db, claimId, q => q.Include(c => c.Sources).Include(c => c.Statements).ThenInclude(s => s.Sources)
            .Include(c => c.Statements).ThenInclude(s => s.JointActors), async claim =>
        {
            await CheckSpeakersAsync(draft, cancellationToken);
            claim.EditStatement(statementId, draft, user, Now);
        }, cancellationToken);
}
