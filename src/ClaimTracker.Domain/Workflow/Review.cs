namespace ClaimTracker.Domain.Workflow;

/// <summary>Where the claim's working copy stands in the four-eye review.</summary>
public enum ReviewState
{
    /// <summary>Being written, or changed since the last approved version and not yet submitted.</summary>
    Draft = 0,

    /// <summary>Submitted; waits for a reviewer who did not write it.</summary>
    InReview = 1,

    /// <summary>A reviewer returned it with a comment; the author changes it and submits again.</summary>
    SentBack = 2,

    /// <summary>The working copy is the approved version: nothing is pending.</summary>
    Approved = 3,
}

/// <summary>What an approved version was to readers.</summary>
public enum VersionKind
{
    /// <summary>The claim's first publication.</summary>
    FirstPublication = 0,

    /// <summary>New reporting: a new status, statements or sources.</summary>
    Update = 1,

    /// <summary>Fixes an error in what was published; carries a public correction note.</summary>
    Correction = 2,

    /// <summary>Published again after it was withdrawn.</summary>
    Republication = 3,
}

public enum WorkflowAction
{
    Submitted = 0,
    Approved = 1,
    SentBack = 2,
    Withdrawn = 3,
}

public static class WorkflowText
{
    public static string Describe(this ReviewState state) => state switch
    {
        ReviewState.Draft => "draft",
        ReviewState.InReview => "in review",
        ReviewState.SentBack => "sent back",
        _ => "approved",
    };

    public static string Describe(this VersionKind kind) => kind switch
    {
        VersionKind.FirstPublication => "first publication",
        VersionKind.Update => "update",
        VersionKind.Correction => "correction",
        _ => "republication",
    };

    public static string Describe(this WorkflowAction action) => action switch
    {
        WorkflowAction.Submitted => "submitted for review",
        WorkflowAction.Approved => "approved and published",
        WorkflowAction.SentBack => "sent back",
        _ => "withdrawn from readers",
    };
}

/// <summary>
/// One approved, published version of a claim page: what readers saw from <see cref="ApprovedAtUtc"/>
/// until the next version. Immutable; the snapshot is the reader-facing page as approved.
/// </summary>
public sealed class ClaimVersion
{
    public const int NoteMaxLength = 2000;

    private ClaimVersion()
    {
    }

    public int Id { get; private set; }

    public int ClaimId { get; private set; }

    /// <summary>1, 2, 3 … per claim.</summary>
    public int Number { get; private set; }

    public VersionKind Kind { get; private set; }

    /// <summary>The public correction note (corrections only).</summary>
    public string? CorrectionNote { get; private set; }

    public string Headline { get; private set; } = string.Empty;

    public int? StatusId { get; private set; }

    public DateOnly? StatusSince { get; private set; }

    /// <summary>The reader-facing page as approved (JSON written by the infrastructure).</summary>
    public string Snapshot { get; private set; } = string.Empty;

    public string SubmittedBy { get; private set; } = string.Empty;

    public string ApprovedBy { get; private set; } = string.Empty;

    public DateTime ApprovedAtUtc { get; private set; }

    public static ClaimVersion Create(int claimId, Claims.Claim.Approval approval, string snapshot) => new()
    {
        ClaimId = claimId,
        Number = approval.Number,
        Kind = approval.Kind,
        CorrectionNote = approval.CorrectionNote,
        Headline = approval.Headline,
        StatusId = approval.StatusId,
        StatusSince = approval.StatusSince,
        Snapshot = snapshot,
        SubmittedBy = approval.SubmittedBy,
        ApprovedBy = approval.ApprovedBy,
        ApprovedAtUtc = approval.ApprovedAtUtc,
    };
}

/// <summary>One step of a claim's workflow: who did what, when, and what they said.</summary>
public sealed class WorkflowEvent
{
    private WorkflowEvent()
    {
    }

    public int Id { get; private set; }

    public int ClaimId { get; private set; }

    public WorkflowAction Action { get; private set; }

    public string Actor { get; private set; } = string.Empty;

    public DateTime OccurredAtUtc { get; private set; }

    public string? Comment { get; private set; }

    /// <summary>The version an approval published.</summary>
    public int? VersionNumber { get; private set; }

    public static WorkflowEvent Create(int claimId, WorkflowAction action, string actor, DateTime nowUtc, string? comment, int? versionNumber = null) => new()
    {
        ClaimId = claimId,
        Action = action,
        Actor = actor,
        OccurredAtUtc = nowUtc,
        Comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim(),
        VersionNumber = versionNumber,
    };
}
