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

/// <summary>The editors' use cases on claims. Rules live in the domain; this class loads, applies and saves.</summary>
public sealed class ClaimEditor(AppDbContext db, RichTextFormat richText, TimeProvider clock, ActorDirectory actors, SourceLibrary library,
    Auditing.AuditLog audit, Notifications.Inbox inbox)
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
            draft = draft with { ReviewBy = DateOnly.FromDateTime(now).AddDays(draft.ReviewIntervalDays ?? await DefaultReviewDaysAsync(cancellationToken)) };
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
        }, () => GaveUp);
    }

    /// <summary>The claim the "log a claim" form with this submission id created, if it was saved.</summary>
    public Task<int?> CreatedByAsync(Guid submissionId, CancellationToken cancellationToken = default) =>
        db.Claims.Where(c => c.SubmissionId == submissionId).Select(c => (int?)c.Id).FirstOrDefaultAsync(cancellationToken);

    /// <summary>What an editor is told when others saved the same thing at the same moment, again and again.</summary>
    internal static readonly WorkResult GaveUp = WorkResult.Invalid(string.Empty,
        "Others saved this at the same moment, several times over; nothing of yours was saved. Your input is still in the form: save again.")
        with { IsConflict = true };

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
        }, () => GaveUp);
    }

    public Task<WorkResult> ChangeSlugAsync(int claimId, string newSlug, string user, CancellationToken cancellationToken = default) =>
        OnClaimAsync(claimId, q => q, async claim =>
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

    public Task<WorkResult> AddStatementAsync(int claimId, Statement.Draft draft, string user, CancellationToken cancellationToken = default) =>
        OnClaimAsync(claimId, q => q.Include(c => c.Sources), async claim =>
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
        OnClaimAsync(claimId, q => q.Include(c => c.Sources).Include(c => c.Statements).ThenInclude(s => s.Sources)
            .Include(c => c.Statements).ThenInclude(s => s.JointActors), async claim =>
        {
            await CheckSpeakersAsync(draft, cancellationToken);
            claim.EditStatement(statementId, draft, user, Now);
        }, cancellationToken);

    /// <param name="currentStance">Which citation, when the claim cites the source more than once.</param>
    public Task<WorkResult> EditSourceLinkAsync(int claimId, int sourceId, SourceStance stance, string? quote, string? note,
        string user, CancellationToken cancellationToken = default, SourceStance? currentStance = null) =>
        OnClaimAsync(claimId, q => q.Include(c => c.Sources), claim =>
        {
            claim.EditSourceLink(sourceId, currentStance, stance, quote, note, user, Now);
            return Task.CompletedTask;
        }, cancellationToken);

    public Task<WorkResult> DetachSourceAsync(int claimId, int sourceId, string user, CancellationToken cancellationToken = default,
        SourceStance? stance = null) =>
        OnClaimAsync(claimId, q => q.Include(c => c.Sources).Include(c => c.Statements).ThenInclude(s => s.Sources)
            .Include(c => c.StatusChanges).ThenInclude(s => s.Sources), claim =>
        {
            claim.DetachSource(sourceId, stance, user, Now);
            return Task.CompletedTask;
        }, cancellationToken);

    public Task<WorkResult> AttachSourceAsync(int claimId, int sourceId, SourceStance stance, string? quote, string? note,
        string user, CancellationToken cancellationToken = default) =>
        OnClaimAsync(claimId, q => q.Include(c => c.Sources), async claim =>
        {
            if (!await db.Sources.AnyAsync(s => s.Id == sourceId, cancellationToken))
            {
                throw new DomainRuleException("SourceId", "Choose a source from the library.");
            }
            claim.AttachSource(sourceId, stance, quote, note, user, Now);
        }, cancellationToken);

    /// <summary>
    /// Deletes a draft readers never saw, with everything recorded on it (statements, citations, status entries, discussion).
    /// The audit log records who deleted what; the change records of its fields stay in the activity trail.
    /// </summary>
    public async Task<WorkResult> DeleteDraftAsync(int claimId, string user, bool userIsAdmin, CancellationToken cancellationToken = default)
    {
        var claim = await db.Claims.FirstOrDefaultAsync(c => c.Id == claimId, cancellationToken);
        if (claim is null)
        {
            return WorkResult.NotFound("claim");
        }
        try
        {
            claim.CheckDeletion(user, userIsAdmin);
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
        var result = await OnClaimAsync(claimId, q => q.Include(c => c.Sources), async claim =>
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
        OnClaimAsync(claimId, q => q.Include(c => c.Sources).Include(c => c.StatusChanges), async claim =>
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
            claim.ChangeStatus(status, effectiveOn.Value, rationale.Html!, sourceIds, correctsId, user, Now, await DefaultReviewDaysAsync(cancellationToken));
        }, cancellationToken);

    /// <summary>Relates the claim to another one, named by its permalink slug (a list of every claim does not scale).</summary>
    public Task<WorkResult> AddRelationAsync(int claimId, RelationKind kind, string? otherSlug, string user,
        CancellationToken cancellationToken = default) =>
        OnClaimAsync(claimId, q => q.Include(c => c.Relations), async claim =>
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
        OnClaimAsync(claimId, q => q, async claim =>
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

    /// <summary>The site's interval from a status change to the next review of an open claim.</summary>
    private async Task<int> DefaultReviewDaysAsync(CancellationToken cancellationToken) =>
        await db.SiteSettings.Select(s => (int?)s.ReviewIntervalDays).FirstOrDefaultAsync(cancellationToken) ?? Domain.Site.SiteDefaults.ReviewIntervalDays;

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

    private async Task<WorkResult> OnClaimAsync(int claimId, Func<IQueryable<Claim>, IQueryable<Claim>> include,
        Func<Claim, Task> change, CancellationToken cancellationToken)
    {
        // A change that lost a race with another save of the claim (its version moved on, or a slug or topic was taken) is made
        // again on what that save left: two editors adding statements at once both get theirs, and the domain's rules are
        // checked again (the source someone else attached meanwhile, the slug someone else took).
        return await LostRace.RetryAsync(db, async () =>
        {
            var claim = await include(db.Claims).AsSplitQuery().FirstOrDefaultAsync(c => c.Id == claimId, cancellationToken);
            if (claim is null)
            {
                return WorkResult.NotFound("claim");
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
            return WorkResult.Done(claim.Id, claim.Slug);
        }, () => GaveUp);
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
