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
