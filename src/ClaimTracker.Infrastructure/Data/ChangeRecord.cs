namespace ClaimTracker.Infrastructure.Data;

/// <summary>
/// One created, changed or deleted row of the claim data, with field-level before and after values
/// (JSON), who and when. Written by <see cref="ChangeTracking"/> in the same transaction as the change.
/// </summary>
public sealed class ChangeRecord
{
    public long Id { get; set; }

    public DateTime OccurredAtUtc { get; set; }

    public string Actor { get; set; } = string.Empty;

    public string EntityType { get; set; } = string.Empty;

    public string EntityId { get; set; } = string.Empty;

    /// <summary>The claim the row belongs to, for the per-claim audit tab; null for catalogue rows (actors, scale).</summary>
    public int? ClaimId { get; set; }

    /// <summary>Created, Changed or Deleted.</summary>
    public string Action { get; set; } = string.Empty;

    /// <summary>JSON array of {field, before, after}.</summary>
    public string Changes { get; set; } = "[]";
}
