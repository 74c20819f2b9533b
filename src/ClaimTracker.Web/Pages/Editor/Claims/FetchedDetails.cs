using ClaimTracker.Infrastructure.Claims;
using ClaimTracker.Infrastructure.Evidence;

namespace ClaimTracker.Web.Pages.Editor.Claims;

/// <summary>The new-source form filled from a fetched page: what was filled, and what the editor should know about it.</summary>
public static class FetchedDetails
{
    /// <param name="Filled">The fields filled, in words ("title", "publication date").</param>
    /// <param name="UnknownOutlet">The site name the page gives when no outlet in the directory has it.</param>
    public sealed record Note(IReadOnlyList<string> Filled, string? UnknownOutlet, string ContentType, int Length);

    /// <summary>Fills what the page states (a field the page is silent on keeps what the editor typed) and keeps the copy's id.</summary>
    public static Note Fill(Sources.SourceInput input, FetchedSource result, IReadOnlyList<ActorOption> outlets)
    {
        var page = result.Metadata;
        var filled = new List<string>();
        if (!string.Equals(result.Fetch.FinalUrl, result.Fetch.RequestedUrl.Trim(), StringComparison.Ordinal))
        {
            input.Url = result.Fetch.FinalUrl;
            filled.Add(Localisation.Ui.T("address (where it led)"));
        }
        if (page.Title is { } title)
        {
            input.Title = Cut(title, Domain.Claims.Source.TitleMaxLength);
            filled.Add(Localisation.Ui.T("title"));
        }
        if (page.Author is { } author)
        {
            input.Author = Cut(author, Domain.Claims.Source.AuthorMaxLength);
            filled.Add(Localisation.Ui.T("author"));
        }
        if (page.PublishedOn is { } date)
        {
            input.PublishedOn = date;
            filled.Add(Localisation.Ui.T("publication date"));
        }
        if (page.Language is { } language)
        {
            input.Language = language;
            filled.Add(Localisation.Ui.T("language"));
        }
        string? unknownOutlet = null;
        if (page.SiteName is { } site)
        {
            if (outlets.FirstOrDefault(o => string.Equals(o.Name, site, StringComparison.OrdinalIgnoreCase)) is { } outlet)
            {
                input.OutletId = outlet.Id;
                filled.Add(Localisation.Ui.T("outlet"));
            }
            else
            {
                unknownOutlet = site;
            }
        }
        input.CaptureId = result.CaptureId;
        return new Note(filled, unknownOutlet, result.Fetch.ContentType!, result.Fetch.Body!.Length);
    }

    private static string Cut(string text, int max) => text.Length > max ? text[..max] : text;
}
