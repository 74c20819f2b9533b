using ClaimTracker.Domain.Text;
using ClaimTracker.Infrastructure.Security;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace ClaimTracker.Web.TagHelpers;

/// <summary>
/// <c>&lt;rich-text content="@Model.Summary" /&gt;</c>: the one place in the app that writes HTML
/// unencoded. It takes only <see cref="SanitisedHtml"/> and sanitises it once more on render, so text
/// saved under an older, looser rule is still checked against today's.
/// </summary>
[HtmlTargetElement("rich-text", TagStructure = TagStructure.WithoutEndTag)]
public sealed class RichTextTagHelper(HtmlSanitiser sanitiser) : TagHelper
{
    public SanitisedHtml? Content { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "rich-text");
        // Text in any script: the block takes its direction from its own first letter and cannot reorder what surrounds it.
        output.Attributes.SetAttribute("dir", "auto");
        output.Content.SetHtmlContent(Content is null ? string.Empty : sanitiser.ForRender(Content).Html);
    }
}
