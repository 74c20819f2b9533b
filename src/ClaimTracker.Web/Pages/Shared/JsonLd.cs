using System.Text.Json;
using Microsoft.AspNetCore.Html;

namespace ClaimTracker.Web.Pages.Shared;

/// <summary>
/// The one place JSON-LD is written. System.Text.Json's default encoder escapes &lt;, &gt;, &amp;, ' and non-ASCII,
/// so nothing inside can end the script element. A method rather than a partial view: on the claim page a
/// partial (view lookup, its own view context and buffer) cost more than writing the script itself.
/// </summary>
public static class JsonLd
{
    public static IHtmlContent Script(object data) =>
        new HtmlString("<script type=\"application/ld+json\">" + JsonSerializer.Serialize(data) + "</script>");
}
