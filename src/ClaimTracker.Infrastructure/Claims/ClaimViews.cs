using ClaimTracker.Domain.Claims;
using ClaimTracker.Domain.Text;

namespace ClaimTracker.Infrastructure.Claims;

// What the desk's pages show of claims (the claim page shows an approved ClaimDetails); each page's own form data sits beside the page.

public sealed record ClaimFilter(string? Query = null, string? Status = null, string? Topic = null, int? ActorId = null,
    string? Language = null, bool? IsPublic = null);

public sealed record StatusBadge(string Key, string Name, string Colour);

public sealed record ClaimRow(int Id, string Slug, string Headline, StatusBadge? Status, DateOnly? StatusSince,
    bool IsPublic, string Language, DateTime UpdatedAtUtc, string UpdatedBy, DateOnly? ReviewBy,
    Domain.Workflow.ReviewState Review = Domain.Workflow.ReviewState.Approved, bool WasPublished = true)
{
    /// <summary>Where the claim stands for readers and in review, for the desk's lists.</summary>
    public string Stage => (IsPublic, WasPublished, Review) switch
    {
        (true, _, Domain.Workflow.ReviewState.Approved) => "public",
        (true, _, var review) => "public · revision " + Domain.Workflow.WorkflowText.Describe(review),
        (false, true, _) => "withdrawn",
        (false, false, var review) => Domain.Workflow.WorkflowText.Describe(review),
    };
}

public sealed record ActorRef(int Id, string Name, ActorKind Kind, string? ProvenanceLabel);

/// <param name="JointWith">Those who said it together with <paramref name="Actor"/>; null in snapshots approved before
/// joint statements existed.</param>
public sealed record StatementView(int Id, ActorRef Actor, Stance Stance, DateOnly MadeOn, string? Quote, string QuoteLanguage,
    string? Translation, IReadOnlyList<int> SourceIds, bool IsWalkBack, IReadOnlyList<ActorRef>? JointWith = null)
{
    /// <summary>Everyone who said it, the first named first.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IReadOnlyList<ActorRef> Speakers => [Actor, .. JointWith ?? []];
}

public sealed record LinkedSourceView(int SourceId, string Title, string? Url, string? Outlet, string? Provenance,
    DateOnly? PublishedOn, string Language, string? ArchiveUrl, string? Excerpt, string? ExcerptSha256,
    DateTime? ExcerptCapturedAtUtc, SourceStance Stance, string? Quote, string? Note);

public sealed record StatusChangeView(int Id, StatusBadge Status, DateOnly EffectiveOn, SanitisedHtml Rationale,
    IReadOnlyList<int> SourceIds, int? CorrectsId, bool IsCorrected, string RecordedBy, DateTime RecordedAtUtc);

public sealed record FieldChangeView(string Field, string? Before, string? After);


public sealed record ClaimDetails(int Id, string Slug, string Headline, string OriginalText, string Language,
    string? Translation, string? Translator, bool IsMachineTranslated, DateOnly? FirstMadeOn, SanitisedHtml Summary,
    DateOnly? ReviewBy, bool IsPublic, StatusBadge? Status, DateOnly? StatusSince, Guid Version,
    string CreatedBy, DateTime CreatedAtUtc, string UpdatedBy, DateTime UpdatedAtUtc,
    IReadOnlyList<ActorRef> Claimants, IReadOnlyList<ActorRef> Subjects, IReadOnlyList<string> Topics,
    ClaimRow? Parent, IReadOnlyList<ClaimRow> SubClaims, IReadOnlyList<RelatedClaim> Relations,
    IReadOnlyList<StatementView> Statements, IReadOnlyList<LinkedSourceView> Sources, IReadOnlyList<StatusChangeView> History,
    string? ClaimReviewed = null, IReadOnlyList<ClaimantRef>? ClaimantDetails = null, string? AssignedTo = null,
    int? ReviewIntervalDays = null, string? PendingSlug = null, IReadOnlyList<ActorProfile>? ActorProfiles = null);

/// <summary>What readers see of an actor the claim names (on the actor's own page), for review and for the snapshot.</summary>
public sealed record ActorProfile(int Id, string Name, string? Description, string? WikidataId);

public sealed record ClaimantRef(string Name, ActorKind Kind, string? WikidataId);

public sealed record RelatedClaim(string Label, ClaimRow Claim);
