namespace ClaimTracker.Domain.Workflow;

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
