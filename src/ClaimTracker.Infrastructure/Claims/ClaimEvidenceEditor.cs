using ClaimTracker.Domain;
using ClaimTracker.Domain.Claims;
using ClaimTracker.Infrastructure.Data;
using ClaimTracker.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace ClaimTracker.Infrastructure.Claims;

/// <summary>
/// The editors' use cases on what a claim rests on: who said what (statements), which sources it cites and how, and its
/// status changes. Rules live in the domain; this class loads, applies and saves (<see cref="ClaimChange"/>).
/// </summary>
public sealed class ClaimEvidenceEditor(AppDbContext db, RichTextFormat richText, TimeProvider clock, SourceLibrary library)
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

    /// <param name="currentStance">Which citation, when the claim cites the source more than once.</param>
    public Task<WorkResult> EditSourceLinkAsync(int claimId, int sourceId, SourceStance stance, string? quote, string? note,
        string user, CancellationToken cancellationToken = default, SourceStance? currentStance = null) =>
        ClaimChange.RunAsync(db, claimId, q => q.Include(c => c.Sources), claim =>
        {
            claim.EditSourceLink(sourceId, currentStance, stance, quote, note, user, Now);
            return Task.CompletedTask;
        }, cancellationToken);

    public Task<WorkResult> DetachSourceAsync(int claimId, int sourceId, string user, CancellationToken cancellationToken = default,
        SourceStance? stance = null) =>
        ClaimChange.RunAsync(db, claimId, q => q.Include(c => c.Sources).Include(c => c.Statements).ThenInclude(s => s.Sources)
            .Include(c => c.StatusChanges).ThenInclude(s => s.Sources), claim =>
        {
            claim.DetachSource(sourceId, stance, user, Now);
            return Task.CompletedTask;
        }, cancellationToken);

    public Task<WorkResult> AttachSourceAsync(int claimId, int sourceId, SourceStance stance, string? quote, string? note,
        string user, CancellationToken cancellationToken = default) =>
        ClaimChange.RunAsync(db, claimId, q => q.Include(c => c.Sources), async claim =>
        {
            if (!await db.Sources.AnyAsync(s => s.Id == sourceId, cancellationToken))
            {
                throw new DomainRuleException("SourceId", "Choose a source from the library.");
            }
            claim.AttachSource(sourceId, stance, quote, note, user, Now);
        }, cancellationToken);

    /// <summary>Prefix of the fields of a refused new source in <see cref="AttachNewSourceAsync"/>'s errors.</summary>
    public const string NewSourceField = "Source.";

    /// <summary>
    /// Creates a source and attaches it in one save: either both are stored or neither (a source made and then not attached
    /// used to stay behind in the library). The new source's problems come as fields named "Source.…".
    /// </summary>
    public async Task<WorkResult> AttachNewSourceAsync(int claimId, Source.Draft draft, SourceStance stance, string? quote, string? note,
        string user, CancellationToken cancellationToken = default)
    {
        WorkResult? refused = null;
        var result = await ClaimChange.RunAsync(db, claimId, q => q.Include(c => c.Sources), async claim =>
        {
            var (source, problem) = await library.PrepareAsync(draft, user, cancellationToken);
            if (source is null)
            {
                refused = problem!;
                throw new DomainRuleException(NewSourceField + refused.Errors[0].Field, refused.Errors[0].Message);
            }
            claim.AttachNewSource(source, stance, quote, note, user, Now);
        }, cancellationToken);
        return refused is { } source && !result.Succeeded
            ? WorkResult.Invalid(source.Errors.Select(e => e with { Field = NewSourceField + e.Field }).ToList()) with { Id = source.Id }
            : result;
    }

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
