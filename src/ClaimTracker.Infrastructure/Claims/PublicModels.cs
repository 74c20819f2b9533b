using ClaimTracker.Domain.Workflow;

namespace ClaimTracker.Infrastructure.Claims;

// What readers are shown: the answers of the public read models (PublicLists, PublicClaimPage, PublicFeeds, PublicDirectory).

public sealed record PublicFilter(string? Query = null, string? Status = null, string? Topic = null, string? Actor = null,
    DateOnly? From = null, DateOnly? To = null, string? After = null);

public sealed record PublicRow(string Slug, string Headline, StatusBadge? Status, DateOnly? StatusSince);

public sealed record PublicPage(IReadOnlyList<PublicRow> Rows, string? NextCursor);

/// <summary>A published status change: shown with the day it was published, the order of the home page's list.</summary>
public sealed record TimelineEntry(string Slug, string Headline, StatusBadge Status, DateOnly EffectiveOn, bool IsCorrection, DateTime PublishedAtUtc);

public sealed record HomeView(IReadOnlyList<TimelineEntry> LatestChanges, IReadOnlyList<(StatusBadge Status, int Count)> Counts, int Total);

/// <summary>One entry of an Atom feed: a published status change, a correction or a withdrawal with its public note.</summary>
/// <param name="UpdatedAtUtc">When what the entry shows last changed: its headline is the claim's approved one, so a later
/// approval of the claim updates the entry too.</param>
public sealed record FeedEntry(string EntryId, string Slug, string Headline, StatusBadge? Status, DateOnly? EffectiveOn,
    string ContentHtml, DateTime PublishedAtUtc, bool IsCorrection, string? CorrectionNote = null, bool IsWithdrawal = false,
    DateTime? UpdatedAtUtc = null)
{
    public DateTime Updated => UpdatedAtUtc is { } updated && updated > PublishedAtUtc ? updated : PublishedAtUtc;
}

/// <summary>What a feed is about: its id, its name for the title and where readers see it on the site.</summary>
public sealed record FeedSubject(string Id, string Name, string Path);

/// <summary>A withdrawal readers are told of: the claim, when, and the reviewer's public note; whether the claim is public again.</summary>
public sealed record WithdrawalRow(int Id, string Slug, string Headline, DateTime WithdrawnAtUtc, string Note, bool IsPublicAgain);

public sealed record CorrectionNoteView(int Number, DateTime ApprovedAtUtc, string Note);

/// <summary>Which approved version a reader is looking at, and the corrections made up to it.</summary>
/// <param name="ReviewedBy">The byline name of the reviewer who approved the version; null when they are not named.</param>
public sealed record PublicationInfo(int Number, int Latest, DateTime ApprovedAtUtc, VersionKind Kind, IReadOnlyList<CorrectionNoteView> Corrections,
    string? ReviewedBy = null)
{
    public bool IsLatest => Number == Latest;
}

/// <summary>Actor pages by actor id and topic pages by topic name, for the links of a claim page.</summary>
public sealed record ReaderLinks(IReadOnlyDictionary<int, string> ActorSlugs, IReadOnlyDictionary<string, string> TopicSlugs)
{
    public static readonly ReaderLinks None = new(new Dictionary<int, string>(), new Dictionary<string, string>());
}

/// <summary>A claim readers could see once, withdrawn by a reviewer with a public note.</summary>
public sealed record WithdrawnClaim(string Slug, string Headline, DateTime WithdrawnAtUtc, string Note);

/// <summary>What a claim slug leads to on the public side.</summary>
public sealed record SlugLookup(ClaimDetails? Claim, string? RedirectTo, PublicationInfo? Publication = null, WithdrawnClaim? Withdrawn = null);
