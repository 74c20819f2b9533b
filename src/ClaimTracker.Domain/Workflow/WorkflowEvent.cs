namespace ClaimTracker.Domain.Workflow;

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
