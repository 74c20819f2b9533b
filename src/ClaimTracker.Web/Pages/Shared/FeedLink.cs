namespace ClaimTracker.Web.Pages.Shared;

/// <summary>
/// The Atom feed a reader page offers: the layout announces it to feed readers (<c>link rel="alternate"</c>) and shows
/// it as a link below the content, unless the page shows it itself.
/// </summary>
public sealed record FeedLink(string Href, string Title, bool ShownByPage = false)
{
    public const string Key = nameof(FeedLink);

    /// <summary>Every published status change, correction and withdrawal.</summary>
    public static FeedLink Site => new("/feeds/claims.atom", Localisation.Ui.T("All status changes"));

    public static FeedLink ForTopic(string slug, string name) =>
        new($"/topics/{Uri.EscapeDataString(slug)}/feed.atom", $"{Localisation.Ui.T("Topic")}: {name}");

    public static FeedLink ForActor(string slug, string name) =>
        new($"/actors/{Uri.EscapeDataString(slug)}/feed.atom", name);
}
