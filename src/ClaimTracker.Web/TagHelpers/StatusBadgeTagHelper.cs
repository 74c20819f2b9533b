using ClaimTracker.Infrastructure.Claims;
using ClaimTracker.Web.Localisation;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace ClaimTracker.Web.TagHelpers;

/// <summary><c>&lt;status-badge badge="@row.Status" /&gt;</c>: the status label, coloured by /status-colours.css.</summary>
/// <remarks>
/// Made without services: a page of tallies shows ~400 badges, and resolving the request's <see cref="StatusNames"/> for
/// each took a quarter of the statistics page's time (thread-time trace); the names come from the request once.
/// </remarks>
[HtmlTargetElement("status-badge", TagStructure = TagStructure.WithoutEndTag)]
public sealed class StatusBadgeTagHelper : TagHelper
{
    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public StatusBadge? Badge { get; set; }

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        output.TagName = "span";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "status-badge");
        output.Attributes.SetAttribute("data-status", Badge?.Key ?? "none");
        output.Content.SetContent(await StatusNames.Of(ViewContext.HttpContext).NameAsync(Badge));
    }
}
