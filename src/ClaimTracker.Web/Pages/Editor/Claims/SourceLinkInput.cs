using ClaimTracker.Domain.Claims;

namespace ClaimTracker.Web.Pages.Editor.Claims;

/// <summary>How a claim cites a source (stance, quote, note): the fields both source forms share (<c>_LinkFields</c>).</summary>
public sealed class SourceLinkInput
{
    public int SourceId { get; set; }

    public SourceStance Stance { get; set; } = SourceStance.Supports;

    public string? Quote { get; set; }

    public string? Note { get; set; }
}
