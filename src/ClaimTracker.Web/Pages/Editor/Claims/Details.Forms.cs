using ClaimTracker.Domain.Claims;

namespace ClaimTracker.Web.Pages.Editor.Claims;

/// <summary>
/// What each form of the claim's page posts, one input model per form (the forms name their fields without a prefix, and the
/// handler binds them by name).
/// </summary>
public sealed partial class DetailsModel
{
    /// <summary>Hand the working copy to the reviewers; as a correction, with its public note.</summary>
    public sealed record SubmitForm(string? Comment, bool AsCorrection, string? CorrectionNote);

    /// <summary>Take a published claim from readers, with the public note shown where it was.</summary>
    public sealed record WithdrawForm(string? Note);

    /// <summary>Delete a draft readers never saw: only once the box is ticked.</summary>
    public sealed record DeleteDraftForm(bool Confirmed);

    /// <summary>Who works on the claim (empty: nobody).</summary>
    public sealed record AssignForm(string? AssignedTo);

    /// <summary>A comment in the claim's discussion.</summary>
    public sealed record CommentForm(string? Body);

    /// <summary>Change one citation of a source: its stance, quote and note.</summary>
    /// <param name="CitedAs">Which citation of the source (its stance as the form showed it).</param>
    public sealed record LinkForm(int SourceId, SourceStance Stance, string? Quote, string? Note, SourceStance? CitedAs);

    /// <summary>Remove one citation of a source.</summary>
    public sealed record DetachForm(int SourceId, SourceStance? CitedAs);

    /// <summary>Relate the claim to another one, named by its permalink slug.</summary>
    public sealed record RelationForm(RelationKind Kind, string? OtherSlug);
}
