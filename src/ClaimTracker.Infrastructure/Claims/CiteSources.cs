using ClaimTracker.Domain;
using ClaimTracker.Domain.Claims;
using ClaimTracker.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace ClaimTracker.Infrastructure.Claims;

/// <summary>Which sources a claim cites and how: attach one from the library or a new one (in one save), change or remove a citation.</summary>
public sealed class CiteSources(AppDbContext db, TimeProvider clock, SourceLibrary library)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

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
}
