namespace ClaimTracker.Web.Pages.Editor.Sources;

/// <summary>The source form's fields, shared by the claim's "cite a new source" page and the library's edit page.</summary>
public sealed class SourceInput
{
    public string? Url { get; set; }

    public string? Title { get; set; }

    public int? OutletId { get; set; }

    public string? Author { get; set; }

    public DateOnly? PublishedOn { get; set; }

    public string? Language { get; set; } = "de";

    public string? ArchiveUrl { get; set; }

    public string? Excerpt { get; set; }

    /// <summary>The copy kept by "Fetch details", to go with the source when it is created.</summary>
    public int? CaptureId { get; set; }

    /// <summary>The editor looked at the likely duplicates and says this is another article.</summary>
    public bool ConfirmedDistinct { get; set; }
}
