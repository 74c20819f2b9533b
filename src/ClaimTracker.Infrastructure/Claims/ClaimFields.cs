using ClaimTracker.Domain;
using ClaimTracker.Domain.Claims;
using ClaimTracker.Domain.Text;
using ClaimTracker.Infrastructure.Data;
using ClaimTracker.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace ClaimTracker.Infrastructure.Claims;

/// <summary>
/// The claim form's fields as logging and editing share them: names typed resolved, every rule checked before anything is
/// saved, and the claim's actors, topics and parent set from them.
/// </summary>
internal sealed class ClaimFields(AppDbContext db, RichTextFormat richText, ActorDirectory actors)
{
    /// <summary>
    /// What the form names by text, resolved for the use case: the parent by slug (empty: none) to its id, and the
    /// actors named by name joined to those kept by id. Names the directory does not hold are reported by
    /// <see cref="CheckAsync"/>; nothing is saved then.
    /// </summary>
    public async Task<ClaimInput> ResolvedAsync(ClaimInput input, CancellationToken cancellationToken)
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

    public async Task<(Claim.Draft? Draft, List<FieldError> Errors)> CheckAsync(ClaimInput input, int? claimId,
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

    public async Task ApplyRelationsAsync(Claim claim, ClaimInput input, string user, DateTime now, CancellationToken cancellationToken)
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

    /// <summary>The topic names typed, one per permalink ("Dup Test; dup-test" is one topic).</summary>
    internal static IEnumerable<string> TopicNames(string? topics) =>
        (topics ?? string.Empty).Split([',', ';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .DistinctBy(Slug.From);
}
