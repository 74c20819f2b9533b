using ClaimTracker.Infrastructure.Claims;
using ClaimTracker.Web.Localisation;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace ClaimTracker.Web.TagHelpers;

/// <summary><c>&lt;status-badge badge="@row.Status" /&gt;</c>: the status label, coloured by /status-colours.css.</summary>
[HtmlTargetElement("status-badge", TagStructure = TagStructure.WithoutEndTag)]
public sealed class StatusBadgeTagHelper(StatusNames names) : TagHelper
{
    public StatusBadge? Badge { get; set; }

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        output.TagName = "span";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "status-badge");
        output.Attributes.SetAttribute("data-status", Badge?.Key ?? "none");
        output.Content.SetContent(await names.NameAsync(Badge));
    }
}
