using ClaimTracker.Domain.Claims;

namespace ClaimTracker.Web.Pages.Editor.Actors;

/// <summary>The actor form's fields, shared by the directory page (a new actor) and the edit page.</summary>
public sealed class ActorInput
{
    public string? Name { get; set; }

    public ActorKind Kind { get; set; } = ActorKind.State;

    public string? Country { get; set; }

    public string? Description { get; set; }

    public string? WikidataId { get; set; }

    public string? ProvenanceLabel { get; set; }

    /// <summary>Other names, one per line.</summary>
    public string? Aliases { get; set; }

    public IReadOnlyList<string> AliasList => (Aliases ?? string.Empty).Split('\n').ToList();
}
