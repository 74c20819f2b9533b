using System.Text;
using AngleSharp.Dom;

namespace ClaimTracker.Infrastructure.Security;

/// <summary>
/// Writes a sanitised tree as HTML in one pass, as AngleSharp would serialise it (its own serialiser took time quadratic in the
/// number of siblings), and refuses to write any element the allowlist does not hold.
/// </summary>
internal static class SanitisedWriter
{
    /// <summary>Elements with no content and no end tag.</summary>
    public static readonly HashSet<string> VoidElements = ["br", "hr"];

    public static void Write(INode node, StringBuilder html)
    {
        switch (node)
        {
            case IText text:
                Escape(text.Data, html, inAttribute: false);
                break;
            case IElement element:
                WriteElement(element, html);
                break;
            // Comments, processing instructions, CDATA and doctypes are dropped.
        }
    }

    private static void WriteElement(IElement element, StringBuilder html)
    {
        var name = element.LocalName;
        if (element.NamespaceUri != AngleSharp.Dom.NamespaceNames.HtmlUri || !HtmlSanitiser.AllowedElements.Contains(name))
        {
            // HtmlSanitizer removed everything not on the list; anything else here is a fault of this class, never output.
            throw new InvalidOperationException($"The sanitiser's core left a <{name}> element that is not allowed.");
        }
        html.Append('<').Append(name);
        foreach (var attribute in element.Attributes)
        {
            html.Append(' ').Append(attribute.Name).Append("=\"");
            Escape(attribute.Value, html, inAttribute: true);
            html.Append('"');
        }
        html.Append('>');
        if (VoidElements.Contains(name))
        {
            return;
        }
        if (name == "pre" && element.FirstChild is IText { Data: ['\n', ..] })
        {
            // A parser drops the first line break of a pre: one more keeps the text's own.
            html.Append('\n');
        }
        foreach (var child in element.ChildNodes)
        {
            Write(child, html);
        }
        html.Append("</").Append(name).Append('>');
    }

    /// <summary>As AngleSharp serialises: &amp;, no-break space, &lt; and &gt; everywhere, &quot; in attribute values.</summary>
    private static void Escape(string value, StringBuilder html, bool inAttribute)
    {
        foreach (var c in value)
        {
            switch (c)
            {
                case '&':
                    html.Append("&amp;");
                    break;
                case '\u00A0':
                    html.Append("&nbsp;");
                    break;
                case '"' when inAttribute:
                    html.Append("&quot;");
                    break;
                case '<':
                    html.Append("&lt;");
                    break;
                case '>':
                    html.Append("&gt;");
                    break;
                default:
                    html.Append(c);
                    break;
            }
        }
    }
}
