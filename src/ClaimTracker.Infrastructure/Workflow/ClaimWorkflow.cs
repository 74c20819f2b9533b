using ClaimTracker.Domain.Accounts;
using ClaimTracker.Domain;
using ClaimTracker.Domain.Auditing;
using ClaimTracker.Domain.Claims;
using ClaimTracker.Domain.Workflow;
using ClaimTracker.Infrastructure.Auditing;
using ClaimTracker.Infrastructure.Claims;
using ClaimTracker.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace ClaimTracker.Infrastructure.Workflow;

public sealed record WorkflowState(ReviewState Review, bool IsPublic, int? PublishedVersion, DateTime? PublishedAtUtc,
    IReadOnlyList<string> Authors, string? SubmittedBy, DateTime? SubmittedAtUtc, string? SubmissionComment, string? CorrectionNote,
    string? SentBackBy, string? SentBackComment, string? WithdrawalNote, DateTime? WithdrawnAtUtc, Guid Version)
{
    public bool HasPendingChanges => Review != ReviewState.Approved;

    /// <summary>Readers see nothing yet (never approved).</summary>
    public bool IsNew => PublishedVersion is null;
}

public sealed record WorkflowEventRow(DateTime OccurredAtUtc, string Actor, WorkflowAction Action, string? Comment, int? VersionNumber);

public sealed record ReviewQueueRow(int Id, string Slug, string Headline, string SubmittedBy, DateTime SubmittedAtUtc, string? Comment,
    bool IsFirstPublication, bool IsCorrection, IReadOnlyList<string> Authors);

public sealed record VersionRow(int Number, VersionKind Kind, DateTime ApprovedAtUtc, string Headline, string? CorrectionNote);

public sealed record CorrectionRow(string Slug, string Headline, int Number, DateTime ApprovedAtUtc, string Note);

/// <summary>
/// The four-eye workflow: editors submit, a reviewer who did not write the change approves (a new
/// public version, snapshotted) or sends it back; reviewers withdraw published claims with a public note.
/// Every step is a workflow event and an audit entry, saved with the change itself.
/// </summary>
public sealed class ClaimWorkflow(AppDbContext db, ClaimDetailsQuery workingCopy, AuditLog audit, TimeProvider clock, Notifications.Inbox inbox)
{
    public async Task<WorkflowState?> StateAsync(int claimId, CancellationToken cancellationToken = default)
    {
        var claim = await db.Claims.AsNoTracking().FirstOrDefaultAsync(c => c.Id == claimId, cancellationToken);
        return claim is null ? null : new WorkflowState(claim.Review.State, claim.IsPublic, claim.PublishedVersion, claim.PublishedAtUtc,
            claim.Review.Authors.Names, claim.Review.SubmittedBy, claim.Review.SubmittedAtUtc, claim.Review.Comment, claim.Review.CorrectionNote,
            claim.Review.SentBackBy, claim.Review.SentBackComment, claim.WithdrawalNote, claim.WithdrawnAtUtc, claim.Version);
    }

    /// <summary>Whether this user may approve the claim now, and why not (the domain's four-eye rule).</summary>
    public async Task<RuleResult> ApprovalCheckAsync(int claimId, StaffMember reviewer, CancellationToken cancellationToken = default) =>
        await db.Claims.AsNoTracking().FirstOrDefaultAsync(c => c.Id == claimId, cancellationToken) is { } claim
            ? claim.Review.CanApprove(reviewer)
            : RuleResult.Fail("This claim no longer exists.");

    public async Task<IReadOnlyList<WorkflowEventRow>> HistoryAsync(int claimId, CancellationToken cancellationToken = default) =>
        await db.WorkflowEvents.AsNoTracking().Where(e => e.ClaimId == claimId).OrderByDescending(e => e.OccurredAtUtc).ThenByDescending(e => e.Id)
            .Select(e => new WorkflowEventRow(e.OccurredAtUtc, e.Actor, e.Action, e.Comment, e.VersionNumber)).ToListAsync(cancellationToken);

    /// <summary>Everything waiting for a reviewer, the longest waiting first.</summary>
    public async Task<IReadOnlyList<ReviewQueueRow>> QueueAsync(CancellationToken cancellationToken = default)
    {
        // The owned review as a whole (a no-tracking read): its pending authors come as the domain's list, not as a column name.
        var rows = await db.Claims.AsNoTracking().Where(c => c.Review.State == ReviewState.InReview).OrderBy(c => c.Review.SubmittedAtUtc).ThenBy(c => c.Id)
            .Select(c => new { c.Id, c.Slug, c.Headline, c.PublishedVersion, c.Review })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new ReviewQueueRow(r.Id, r.Slug, r.Headline, r.Review.SubmittedBy!, r.Review.SubmittedAtUtc!.Value, r.Review.Comment,
            r.PublishedVersion is null, r.Review.CorrectionNote is not null, r.Review.Authors.Names)).ToList();
    }

    /// <summary>What reviewers sent back to this author.</summary>
    public async Task<IReadOnlyList<ClaimRow>> SentBackToAsync(string user, CancellationToken cancellationToken = default)
    {
        var ids = await db.Claims.Where(c => c.Review.State == ReviewState.SentBack && c.Review.SubmittedBy == user).Select(c => c.Id).ToListAsync(cancellationToken);
        return ids.Count == 0 ? [] : (await db.ClaimRowsAsync(ids, cancellationToken));
    }

    public Task<WorkResult> SubmitAsync(int claimId, string user, string? comment, bool asCorrection, string? correctionNote,
        CancellationToken cancellationToken = default) =>
        OnClaimAsync(claimId, expected: null, q => q.Include(c => c.StatusChanges), async claim =>
        {
            claim.Submit(user, comment, asCorrection, correctionNote, Now);
            var kind = asCorrection ? "as a correction" : claim.PublishedVersion is null ? "first publication" : "as an update";
            Record(claim, WorkflowAction.Submitted, user, comment, AuditAction.ClaimSubmitted, kind);
            await inbox.NotifyRoleAsync(Domain.Accounts.Roles.Reviewer, user, NotificationKind.ReviewWaiting, claim.Id,
                $"“{claim.Headline}” waits for review ({kind}), submitted by {user}{Said(comment)}", cancellationToken);
        }, cancellationToken);

    private static string Said(string? comment) => string.IsNullOrWhiteSpace(comment) ? "." : $": „{comment.Trim()}“";

    /// <param name="seenVersion">The version the reviewer looked at: a claim changed since then is not approved.</param>
    /// <param name="comment">The reviewer's own note, for the workflow history (the author's note stays with the submission).</param>
    public Task<WorkResult> ApproveAsync(int claimId, Guid seenVersion, StaffMember reviewer, CancellationToken cancellationToken = default,
        string? comment = null) =>
        OnClaimAsync(claimId, seenVersion, WithPublishedParts, async claim =>
        {
            if (Domain.Text.TextRules.CheckMultiLine("Comment", comment, ClaimReview.CommentMaxLength) is { Succeeded: false } invalid)
            {
                throw new DomainRuleException("Comment", invalid.Error);
            }
            var user = reviewer.Email;
            if (claim.Review.CanApprove(reviewer) is { Succeeded: false } refused)
            {
                throw new DomainRuleException(string.Empty, refused.Error);
            }
            var details = await workingCopy.GetAsync(claimId, cancellationToken) ?? throw new DomainRuleException(string.Empty, "This claim no longer exists.");
            var approval = claim.Approve(reviewer, Now);
            await PublishAsync(claim, approval, details, cancellationToken);
            Record(claim, WorkflowAction.Approved, user, string.IsNullOrWhiteSpace(comment) ? null : comment.Trim(), AuditAction.ClaimApproved,
                $"version {approval.Number} ({approval.Kind.Describe()}), submitted by {approval.SubmittedBy}", approval.Number);
            inbox.Notify(approval.SubmittedBy, user, approval.Kind == VersionKind.Correction ? NotificationKind.Corrected : NotificationKind.Approved, claim.Id,
                (approval.Kind == VersionKind.Correction ? $"{user} approved your correction of “{claim.Headline}”; readers see it now"
                    : $"{user} approved “{claim.Headline}”; readers see version {approval.Number} now") + Said(comment));
        }, cancellationToken);

    /// <summary>What an approval reads besides the claim: everything it copies for readers (topics, actors, speakers).</summary>
    private static IQueryable<Claim> WithPublishedParts(IQueryable<Claim> claims) =>
        claims.Include(c => c.StatusChanges).Include(c => c.Topics).Include(c => c.Actors).Include(c => c.Statements).AsSplitQuery();

    public Task<WorkResult> SendBackAsync(int claimId, Guid seenVersion, StaffMember reviewer, string? comment,
        CancellationToken cancellationToken = default) =>
        OnClaimAsync(claimId, seenVersion, q => q, claim =>
        {
            var user = reviewer.Email;
            claim.SendBack(reviewer, comment, Now);
            Record(claim, WorkflowAction.SentBack, user, comment, AuditAction.ClaimSentBack, $"to {claim.Review.SubmittedBy}");
            inbox.Notify(claim.Review.SubmittedBy ?? string.Empty, user, NotificationKind.SentBack, claim.Id, $"{user} sent “{claim.Headline}” back to you{Said(comment)}");
            return Task.CompletedTask;
        }, cancellationToken);

    public Task<WorkResult> WithdrawAsync(int claimId, StaffMember reviewer, string? note, CancellationToken cancellationToken = default) =>
        OnClaimAsync(claimId, expected: null, q => q, claim =>
        {
            claim.Withdraw(reviewer, note, Now);
            Record(claim, WorkflowAction.Withdrawn, reviewer.Email, note, AuditAction.ClaimWithdrawn, "public note: " + note);
            return Task.CompletedTask;
        }, cancellationToken);

    /// <summary>The published version and the working copy, for editors comparing what is pending.</summary>
    public async Task<(ClaimDetails? Published, ClaimDetails Pending, IReadOnlyList<DiffLine> Lines)?> DiffAsync(int claimId,
        CancellationToken cancellationToken = default)
    {
        if (await workingCopy.GetAsync(claimId, cancellationToken) is not { } pending)
        {
            return null;
        }
        var snapshot = await db.ClaimVersions.AsNoTracking().Where(v => v.ClaimId == claimId).OrderByDescending(v => v.Number)
            .Select(v => v.Snapshot).FirstOrDefaultAsync(cancellationToken);
        var published = snapshot is null ? null : ClaimSnapshot.Read(snapshot);
        return (published, pending, ClaimDiff.Compare(published, ClaimSnapshot.ForReaders(pending)));
    }

    /// <summary>
    /// Claims that were public before the workflow existed get their current state as version 1, so
    /// readers keep seeing them. Runs at start; does nothing once every public claim has a version.
    /// </summary>
    public async Task<int> BackfillAsync(CancellationToken cancellationToken = default)
    {
        var ids = await db.Claims.Where(c => c.IsPublic && c.PublishedVersion == null).Select(c => c.Id).ToListAsync(cancellationToken);
        foreach (var id in ids)
        {
            await PublishDirectlyAsync(id, "Public before the review workflow existed.", cancellationToken);
        }
        return ids.Count;
    }

    /// <summary>Who approves what the app publishes by itself.</summary>
    public const string AppActor = "ClaimTracker (app)";

    /// <summary>
    /// Publishes without a second person, for data the app itself brings (the Development demo claims,
    /// claims public before the workflow existed). Never reachable from a page.
    /// </summary>
    public async Task PublishDirectlyAsync(int claimId, string reason, CancellationToken cancellationToken = default)
    {
        var claim = await WithPublishedParts(db.Claims).FirstAsync(c => c.Id == claimId, cancellationToken);
        if (claim.Review.State != ReviewState.InReview)
        {
            claim.Submit(claim.UpdatedBy, reason, false, null, Now);
        }
        var details = await workingCopy.GetAsync(claimId, cancellationToken);
        var approval = claim.Approve(StaffMember.Reviewer(AppActor), Now);
        await PublishAsync(claim, approval, details!, cancellationToken);
        db.WorkflowEvents.Add(WorkflowEvent.Create(claimId, WorkflowAction.Approved, AppActor, Now, reason, approval.Number));
        await db.SaveChangesAsync(cancellationToken);
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>
    /// The approved version, with the reader-facing page as it stood when approved; and everything readers find the
    /// claim by from now on: its topics, the actors it names (as they stand now), and its permalink (the old one redirects).
    /// </summary>
    private async Task PublishAsync(Claim claim, Claim.Approval approval, ClaimDetails details, CancellationToken cancellationToken)
    {
        db.ClaimVersions.Add(ClaimVersion.Create(claim.Id, approval,
            ClaimSnapshot.Write(details with { Slug = claim.Slug, PendingSlug = null, IsPublic = true })));

        var topicIds = claim.Topics.Select(t => t.TopicId).ToHashSet();
        var shownTopics = await db.PublishedClaimTopics.Where(p => p.ClaimId == claim.Id).ToListAsync(cancellationToken);
        db.PublishedClaimTopics.RemoveRange(shownTopics.Where(p => !topicIds.Contains(p.TopicId)));
        db.PublishedClaimTopics.AddRange(topicIds.Where(id => shownTopics.All(p => p.TopicId != id))
            .Select(id => new PublishedClaimTopic(claim.Id, id, approval.StatusSince)));
        foreach (var kept in shownTopics.Where(p => topicIds.Contains(p.TopicId)))
        {
            kept.Follow(approval.StatusSince);
        }

        var actorIds = claim.Actors.Select(a => a.ActorId).Concat(claim.Statements.SelectMany(s => s.ActorIds)).ToHashSet();
        var shownActors = await db.PublishedClaimActors.Where(p => p.ClaimId == claim.Id).ToListAsync(cancellationToken);
        db.PublishedClaimActors.RemoveRange(shownActors.Where(p => !actorIds.Contains(p.ActorId)));
        db.PublishedClaimActors.AddRange(actorIds.Where(id => shownActors.All(p => p.ActorId != id))
            .Select(id => new PublishedClaimActor(claim.Id, id, approval.StatusSince)));
        foreach (var kept in shownActors.Where(p => actorIds.Contains(p.ActorId)))
        {
            kept.Follow(approval.StatusSince);
        }
        foreach (var actor in await db.Actors.Where(a => actorIds.Contains(a.Id)).ToListAsync(cancellationToken))
        {
            actor.Publish();
        }

        if (approval.PreviousSlug is { } previous)
        {
            // The claim may take back a permalink it had before: that one no longer redirects.
            if (await db.SlugRedirects.FirstOrDefaultAsync(r => r.OldSlug == claim.Slug, cancellationToken) is { } ownOld)
            {
                db.SlugRedirects.Remove(ownOld);
            }
            db.SlugRedirects.Add(new SlugRedirect(previous, claim.Id));
        }
    }

    private void Record(Claim claim, WorkflowAction action, string user, string? comment, AuditAction auditAction, string details, int? version = null)
    {
        db.WorkflowEvents.Add(WorkflowEvent.Create(claim.Id, action, user, Now, comment, version));
        audit.Record(user, auditAction, claim.Slug, details);
    }

    private async Task<WorkResult> OnClaimAsync(int claimId, Guid? expected, Func<IQueryable<Claim>, IQueryable<Claim>> include,
        Func<Claim, Task> change, CancellationToken cancellationToken)
    {
        var claim = await include(db.Claims).FirstOrDefaultAsync(c => c.Id == claimId, cancellationToken);
        if (claim is null)
        {
            return WorkResult.NotFound("claim");
        }
        if (expected is { } seen && seen != claim.Version)
        {
            return Changed(claim);
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
        catch (DbUpdateException)
        {
            // Someone else saved the claim (or approved it) between our read and our write: the check of the claim's
            // version, or the unique number of its next approved version, refused our write. Any other failure is not ours to hide.
            if (await ChangedSinceAsync(claimId, cancellationToken) is { } current)
            {
                return Changed(current);
            }
            throw;
        }
        return WorkResult.Done(claim.Id, claim.Slug);
    }

    /// <summary>The claim as saved by someone else after we read it; null when nobody did.</summary>
    private async Task<Claim?> ChangedSinceAsync(int claimId, CancellationToken cancellationToken)
    {
        var tracked = db.ChangeTracker.Entries<Claim>().First(e => e.Entity.Id == claimId);
        var original = (Guid)tracked.Property(nameof(Claim.Version)).OriginalValue!;
        db.ChangeTracker.Clear();
        var current = await db.Claims.AsNoTracking().FirstOrDefaultAsync(c => c.Id == claimId, cancellationToken);
        return current is not null && current.Version != original ? current : null;
    }

    private static WorkResult Changed(Claim current) => WorkResult.Invalid(string.Empty,
        current is { Review.State: ReviewState.Approved, PublishedVersion: { } number }
            ? $"Already approved as version {number} by {current.UpdatedBy} at {current.UpdatedAtUtc:yyyy-MM-dd HH:mm} UTC. Nothing was done."
            : $"{current.UpdatedBy} changed this claim at {current.UpdatedAtUtc:yyyy-MM-dd HH:mm} UTC after you opened it. " +
              "Nothing was done: look at the changes again, then decide.") with { IsConflict = true };
}
