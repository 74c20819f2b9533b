using ClaimTracker.Domain;
using ClaimTracker.Domain.Claims;
using ClaimTracker.Domain.Text;
using ClaimTracker.Infrastructure.Data;
using ClaimTracker.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace ClaimTracker.Infrastructure.Claims;

/// <summary>
/// What an editor types into the claim form. Claimants and subjects are the actors kept (by id) plus those
/// named in <see cref="AddClaimants"/> and <see cref="AddSubjects"/> (directory names, separated by semicolons).
/// </summary>
public sealed record ClaimInput(string Headline, string OriginalText, string Language, string? Translation,
    string? Translator, bool IsMachineTranslated, DateOnly? FirstMadeOn, string? Summary, DateOnly? ReviewBy,
    IReadOnlyCollection<int> ClaimantIds, IReadOnlyCollection<int> SubjectIds, string? Topics, int? ParentClaimId,
    string? ClaimReviewed = null, int? ReviewIntervalDays = null, string? ParentSlug = null,
    string? AddClaimants = null, string? AddSubjects = null, Guid? SubmissionId = null)
{
    /// <summary>Names in the add fields the directory does not hold (found while the input is checked).</summary>
    internal IReadOnlyList<FieldError> NameProblems { get; init; } = [];
}

/// <summary>
/// The editors' use cases on a claim's own fields: log, edit, permalink, relations, assignment, deletion of a draft (statements,
/// sources and status changes: <see cref="ClaimEvidenceEditor"/>). Rules live in the domain; this class loads, applies and saves.
/// </summary>
public sealed class ClaimEditor(AppDbContext db, RichTextFormat richText, TimeProvider clock, ActorDirectory actors, Auditing.AuditLog audit,
    Notifications.Inbox inbox)
{
    public async Task<WorkResult> CreateAsync(ClaimInput input, string user, CancellationToken cancellationToken = default)
    {
        input = await ResolvedAsync(input, cancellationToken);
        var (draft, errors) = await CheckAsync(input, claimId: null, cancellationToken);
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
            await ApplyRelationsAsync(claim, input, user, now, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            return WorkResult.Done(claim.Id, claim.Slug);
        }, () => ClaimChange.GaveUp);
    }

    /// <summary>The claim the "log a claim" form with this submission id created, if it was saved.</summary>
    public Task<int?> CreatedByAsync(Guid submissionId, CancellationToken cancellationToken = default) =>
        db.Claims.Where(c => c.SubmissionId == submissionId).Select(c => (int?)c.Id).FirstOrDefaultAsync(cancellationToken);

    /// <summary>Saves an edit unless the claim changed since <paramref name="version"/> was read: then nothing is saved.</summary>
    public async Task<WorkResult> EditAsync(int claimId, Guid version, ClaimInput input, string user,
        CancellationToken cancellationToken = default)
    {
        // A lost race on a unique key (a new topic another editor added at the same moment) is tried again on what that save
        // left; a lost race on the claim's version is a conflict: the next try finds the claim changed.
        input = await ResolvedAsync(input, cancellationToken);
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
            var (draft, errors) = await CheckAsync(input, claimId, cancellationToken);
            if (errors.Count > 0)
            {
                return WorkResult.Invalid(errors);
            }
            var now = clock.GetUtcNow().UtcDateTime;
            try
            {
                claim.Edit(draft!, user, now);
                await ApplyRelationsAsync(claim, input, user, now, cancellationToken);
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

    /// <summary>
    /// Deletes a draft readers never saw, with everything recorded on it (statements, citations, status entries, discussion).
    /// The audit log records who deleted what; the change records of its fields stay in the activity trail.
    /// </summary>
    public async Task<WorkResult> DeleteDraftAsync(int claimId, Domain.Accounts.StaffMember by, CancellationToken cancellationToken = default)
    {
        var user = by.Email;
        var claim = await db.Claims.FirstOrDefaultAsync(c => c.Id == claimId, cancellationToken);
        if (claim is null)
        {
            return WorkResult.NotFound("claim");
        }
        try
        {
            claim.CheckDeletion(by);
        }
        catch (DomainRuleException rule)
        {
            return WorkResult.Invalid(rule.Field, rule.Message);
        }
        var referring = await db.Claims.Where(c => c.ParentClaimId == claimId).Select(c => c.Headline)
            .Concat(db.Set<ClaimRelation>().Where(r => r.ToClaimId == claimId && r.FromClaimId != claimId)
                .Join(db.Claims, r => r.FromClaimId, c => c.Id, (r, c) => c.Headline))
            .Take(3).ToListAsync(cancellationToken);
        if (referring.Count > 0)
        {
            return WorkResult.Invalid(string.Empty,
                $"Other claims refer to this draft ({string.Join("; ", referring.Select(h => $"“{h}”"))}): remove those references first.");
        }
        audit.Record(user, Domain.Auditing.AuditAction.DraftDeleted, $"claim #{claim.Id}",
            $"“{claim.Headline}” ({claim.Slug}), created by {claim.CreatedBy} on {claim.CreatedAtUtc:yyyy-MM-dd}, last changed by {claim.UpdatedBy}");
        db.Claims.Remove(claim);
        await db.SaveChangesAsync(cancellationToken);
        return WorkResult.Done(claimId);
    }

    /// <summary>Relates the claim to another one, named by its permalink slug (a list of every claim does not scale).</summary>
    public Task<WorkResult> AddRelationAsync(int claimId, RelationKind kind, string? otherSlug, string user,
        CancellationToken cancellationToken = default) =>
        ClaimChange.RunAsync(db, claimId, q => q.Include(c => c.Relations), async claim =>
        {
            if (!Enum.IsDefined(kind))
            {
                throw new DomainRuleException("Kind", "Choose how the claims are related.");
            }
            if (string.IsNullOrWhiteSpace(otherSlug))
            {
                throw new DomainRuleException("otherSlug", "Enter the other claim's permalink slug.");
            }
            var other = await db.ClaimIdBySlugAsync(otherSlug.Trim(), cancellationToken)
                        ?? throw new DomainRuleException("otherSlug", $"No claim has the permalink “{otherSlug.Trim()}”.");
            claim.AddRelation(kind, other, user, Now);
        }, cancellationToken);

    /// <summary>Assigns the claim to an active editor, or to nobody.</summary>
    public Task<WorkResult> AssignAsync(int claimId, string? editorEmail, string user, CancellationToken cancellationToken = default) =>
        ClaimChange.RunAsync(db, claimId, q => q, async claim =>
        {
            if (!string.IsNullOrWhiteSpace(editorEmail)
                && !(await Accounts.StaffAccounts.ActiveEditorsAsync(db, cancellationToken)).Contains(editorEmail.Trim(), StringComparer.OrdinalIgnoreCase))
            {
                throw new DomainRuleException("AssignedTo", "Choose an active editor.");
            }
            claim.AssignTo(editorEmail, user, Now);
            if (claim.AssignedTo is { } assignee)
            {
                inbox.Notify(assignee, user, Domain.Workflow.NotificationKind.Assigned, claim.Id, $"{user} assigned “{claim.Headline}” to you.");
            }
        }, cancellationToken);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>
    /// What the form names by text, resolved for the use case: the parent by slug (empty: none) to its id, and the
    /// actors named by name joined to those kept by id. Names the directory does not hold are reported by
    /// <see cref="CheckAsync"/>; nothing is saved then.
    /// </summary>
    private async Task<ClaimInput> ResolvedAsync(ClaimInput input, CancellationToken cancellationToken)
    {
        if (input.ParentSlug is not null)
        {
            input = input with { ParentClaimId = string.IsNullOrWhiteSpace(input.ParentSlug) ? null : await db.ClaimIdBySlugAsync(input.ParentSlug.Trim(), cancellationToken) };
        }
        var (claimants, claimantProblems) = await actors.FindByNamesAsync(input.AddClaimants, cancellationToken);
        var (subjects, subjectProblems) = await actors.FindByNamesAsync(input.AddSubjects, cancellationToken);
        return input with
        {
            ClaimantIds = input.ClaimantIds.Concat(claimants).Distinct().ToList(),
            SubjectIds = input.SubjectIds.Concat(subjects).Distinct().ToList(),
            NameProblems = [.. claimantProblems.Select(p => new FieldError(nameof(ClaimInput.AddClaimants), p)),
                .. subjectProblems.Select(p => new FieldError(nameof(ClaimInput.AddSubjects), p))],
        };
    }

    private static WorkResult Conflict(Claim current) => WorkResult.Invalid(string.Empty,
        $"{current.UpdatedBy} saved this claim at {current.UpdatedAtUtc:yyyy-MM-dd HH:mm} UTC while you were editing. " +
        "Nothing of yours was saved: compare with the current version below, then save again.") with { IsConflict = true };

    private async Task<(Claim.Draft? Draft, List<FieldError> Errors)> CheckAsync(ClaimInput input, int? claimId,
        CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>(input.NameProblems);
        if (!string.IsNullOrWhiteSpace(input.ParentSlug) && await db.ClaimIdBySlugAsync(input.ParentSlug.Trim(), cancellationToken) is null)
        {
            errors.Add(new FieldError(nameof(ClaimInput.ParentSlug), $"No claim has the permalink “{input.ParentSlug.Trim()}”."));
        }
        var summary = richText.Render(input.Summary);
        if (!summary.Succeeded)
        {
            errors.Add(new FieldError(nameof(ClaimInput.Summary), summary.Error));
        }
        var draft = new Claim.Draft(input.Headline ?? string.Empty, input.OriginalText ?? string.Empty, input.Language ?? string.Empty,
            input.Translation, input.Translator, input.IsMachineTranslated, input.FirstMadeOn, summary.Html ?? SanitisedHtml.Empty, input.ReviewBy,
            input.ClaimReviewed, input.ReviewIntervalDays);
        errors.AddRange(Claim.Validate(draft));
        foreach (var topic in TopicNames(input.Topics))
        {
            errors.AddIfFailed(nameof(ClaimInput.Topics), TextRules.CheckSingleLine("Topic", topic, Topic.NameMaxLength));
        }
        var actorIds = input.ClaimantIds.Concat(input.SubjectIds).Distinct().ToList();
        if (actorIds.Count > 0 && await db.Actors.CountAsync(a => actorIds.Contains(a.Id), cancellationToken) != actorIds.Count)
        {
            errors.Add(new FieldError(nameof(ClaimInput.ClaimantIds), "Choose claimants and subjects from the actor directory."));
        }
        if (input.ParentClaimId is { } parent && (parent == claimId || !await db.Claims.AnyAsync(c => c.Id == parent, cancellationToken)))
        {
            errors.Add(new FieldError(input.ParentSlug is null ? nameof(ClaimInput.ParentClaimId) : nameof(ClaimInput.ParentSlug),
                "Choose another existing claim as the parent."));
        }
        return (errors.Count == 0 ? draft : null, errors);
    }

    private async Task ApplyRelationsAsync(Claim claim, ClaimInput input, string user, DateTime now, CancellationToken cancellationToken)
    {
        claim.SetParticipants(input.ClaimantIds, input.SubjectIds, user, now);
        var topics = new List<Topic>();
        foreach (var name in TopicNames(input.Topics))
        {
            var slug = Slug.From(name);
            topics.Add(await db.Topics.FirstOrDefaultAsync(t => t.Slug == slug, cancellationToken)
                       ?? db.Topics.Local.FirstOrDefault(t => t.Slug == slug)
                       ?? db.Topics.Add(Topic.Create(name)).Entity);
        }
        claim.SetTopics(topics, user, now);
        if (claim.ParentClaimId != input.ParentClaimId)
        {
            var ancestors = new List<int>();
            for (var id = input.ParentClaimId; id is not null && ancestors.Count < 50;)
            {
                ancestors.Add(id.Value);
                var current = id;
                id = await db.Claims.Where(c => c.Id == current).Select(c => c.ParentClaimId).FirstOrDefaultAsync(cancellationToken);
            }
            claim.SetParent(input.ParentClaimId, ancestors, user, now);
        }
    }

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

    /// <summary>The topic names typed, one per permalink ("Dup Test; dup-test" is one topic).</summary>
    internal static IEnumerable<string> TopicNames(string? topics) =>
        (topics ?? string.Empty).Split([',', ';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .DistinctBy(Slug.From);
}
