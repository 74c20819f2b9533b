using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using ClaimTracker.Domain.Text;
using Markdig;
using Markdig.Extensions.EmphasisExtras;
using Markdig.Syntax;

namespace ClaimTracker.Infrastructure.Security;

/// <summary>
/// What editors type into rich-text fields: Markdown (CommonMark with strike-through, sub-/superscript, pipe tables and bare
/// links; raw HTML is shown as text, never interpreted), turned into HTML by Markdig and then through the sanitiser like any
/// other rich text. A single line break stays a line break, as in a comment box.
/// Stored is the sanitised HTML alone; an edit form gets Markdown back from it (<see cref="ToMarkdown"/>), so texts saved as
/// HTML before Markdown came keep rendering as they did and become editable as Markdown.
/// </summary>
public sealed class RichTextFormat(HtmlSanitiser sanitiser)
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UseEmphasisExtras(EmphasisExtraOptions.Strikethrough | EmphasisExtraOptions.Subscript | EmphasisExtraOptions.Superscript)
        .UsePipeTables()
        .UseAutoLinks()
        .UseSoftlineBreakAsHardlineBreak()
        .Build();

    private readonly HtmlParser parser = new();

    /// <summary>The editor's Markdown as sanitised HTML; an empty text is empty HTML.</summary>
    public SanitiseResult Render(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return sanitiser.SanitiseInput(markdown);
        }
        var document = Markdown.Parse(markdown.Replace("\r\n", "\n"), Pipeline);
        if (document.Descendants<Markdig.Syntax.Inlines.LinkInline>().Any(link => link.IsImage))
        {
            return new SanitiseResult(null, "Images cannot be shown inside the text. Link to the image instead: [description](https://…).");
        }
        // A page has its own h1 (the headline): "# Heading" becomes h2, and the levels below follow, down to h4.
        foreach (var heading in document.Descendants<HeadingBlock>())
        {
            heading.Level = Math.Min(heading.Level + 1, 4);
        }
        return sanitiser.SanitiseInput(document.ToHtml(Pipeline).TrimEnd('\n'));
    }

    /// <summary>Stored rich text as Markdown for an edit form: what <see cref="Render"/> turns back into the same HTML for
    /// everything Markdown can say. Underline, abbreviations, inline quotes and spans keep their text without the mark-up.</summary>
    public string ToMarkdown(SanitisedHtml html)
    {
        if (html.IsEmpty)
        {
            return string.Empty;
        }
        var body = parser.ParseDocument($"<body>{html.Html}</body>").Body!;
        var writer = new MarkdownWriter();
        writer.Blocks(body.ChildNodes);
        return writer.ToString();
    }

    private sealed class MarkdownWriter
    {
        private readonly StringBuilder text = new();

        public override string ToString() => text.ToString().Trim('\n');

        public void Blocks(INodeList nodes)
        {
            var inline = new StringBuilder();
            foreach (var node in nodes)
            {
                if (node is IElement element && IsBlock(element.LocalName))
                {
                    FlushParagraph(inline);
                    Block(element);
                }
                else
                {
                    inline.Append(Inline(node));
                }
            }
            FlushParagraph(inline);
        }

        private void FlushParagraph(StringBuilder inline)
        {
            var paragraph = inline.ToString().Trim();
            inline.Clear();
            if (paragraph.Length > 0)
            {
                Paragraph(TextLines(paragraph));
            }
        }

        /// <summary>Lines of running text: a line that would start a list, quote, heading or rule keeps its first character
        /// as text.</summary>
        private static string TextLines(string paragraph) =>
            string.Join('\n', paragraph.Split('\n').Select(line => line.TrimStart(' ')).Select(line =>
                line.Length > 0 && line[0] is '-' or '+' or '=' or '#' or '>' ? "\\" + line
                : NumberedItemDigits(line) is > 0 and var digits ? line[..digits] + "\\" + line[digits..]
                : line));

        /// <summary>How many digits start the line when they are followed by "." or ")" (an ordered list item); else 0.</summary>
        private static int NumberedItemDigits(string line)
        {
            var digits = 0;
            while (digits < line.Length && char.IsAsciiDigit(line[digits]))
            {
                digits++;
            }
            return digits > 0 && digits < line.Length && line[digits] is '.' or ')' ? digits : 0;
        }

        private void Paragraph(string paragraph) => text.Append(paragraph).Append("\n\n");

        private static bool IsBlock(string name) => name is "p" or "h2" or "h3" or "h4" or "ul" or "ol" or "blockquote" or "pre" or "hr" or "table";

        private void Block(IElement element)
        {
            switch (element.LocalName)
            {
                case "p":
                    Paragraph(TextLines(InlineContent(element).Trim()));
                    break;
                case "h2" or "h3" or "h4":
                    Paragraph(new string('#', element.LocalName[1] - '1') + " " + InlineContent(element).Trim().Replace("\n", " "));
                    break;
                case "hr":
                    Paragraph("---");
                    break;
                case "pre":
                    var code = element.TextContent.TrimEnd('\n');
                    var fence = new string('`', Math.Max(3, LongestRun(code, '`') + 1));
                    Paragraph($"{fence}\n{code}\n{fence}");
                    break;
                case "blockquote":
                    var inner = new MarkdownWriter();
                    inner.Blocks(element.ChildNodes);
                    Paragraph(string.Join('\n', inner.ToString().Split('\n').Select(line => line.Length == 0 ? ">" : "> " + line)));
                    break;
                case "ul" or "ol":
                    Paragraph(List(element));
                    break;
                case "table":
                    Paragraph(Table(element));
                    break;
            }
        }

        private static string List(IElement list)
        {
            var ordered = list.LocalName == "ol";
            var lines = new StringBuilder();
            var number = 1;
            foreach (var item in list.Children.Where(c => c.LocalName == "li"))
            {
                var marker = ordered ? $"{number++}. " : "- ";
                var inner = new MarkdownWriter();
                inner.Blocks(item.ChildNodes);
                var itemLines = inner.ToString().Split('\n');
                lines.Append(marker).Append(itemLines[0]).Append('\n');
                foreach (var line in itemLines.Skip(1))
                {
                    lines.Append(line.Length == 0 ? string.Empty : new string(' ', marker.Length) + line).Append('\n');
                }
            }
            return lines.ToString().TrimEnd('\n');
        }

        private static string Table(IElement table)
        {
            var rows = table.QuerySelectorAll("tr").ToList();
            if (rows.Count == 0)
            {
                return string.Empty;
            }
            static string Row(IElement row) =>
                "| " + string.Join(" | ", row.Children.Where(c => c.LocalName is "th" or "td")
                    .Select(cell => InlineContent(cell).Trim().Replace("\n", " ").Replace("|", "\\|"))) + " |";
            var header = Row(rows[0]);
            var columns = rows[0].Children.Count(c => c.LocalName is "th" or "td");
            return string.Join('\n', new[] { header, "|" + string.Concat(Enumerable.Repeat(" --- |", Math.Max(1, columns))) }
                .Concat(rows.Skip(1).Select(Row)));
        }

        private static string InlineContent(INode parent) => string.Concat(parent.ChildNodes.Select(Inline));

        private static string Inline(INode node)
        {
            if (node is IText textNode)
            {
                return Escape(CollapseSpace(textNode.Data));
            }
            if (node is not IElement element)
            {
                return string.Empty;
            }
            var content = InlineContent(element);
            return element.LocalName switch
            {
                "br" => "\n",
                "strong" or "b" => Wrap("**", content),
                "em" or "i" => Wrap("*", content),
                "s" or "del" => Wrap("~~", content),
                "sub" => Wrap("~", content),
                "sup" => Wrap("^", content),
                "code" => Code(element.TextContent),
                "a" when element.GetAttribute("href") is { Length: > 0 } href =>
                    $"[{content}](<{href.Replace("<", "%3C").Replace(">", "%3E")}>{Title(element.GetAttribute("title"))})",
                "p" or "h2" or "h3" or "h4" or "ul" or "ol" or "blockquote" or "pre" or "table" or "hr" => "\n" + content + "\n",
                _ => content,
            };
        }

        private static string Title(string? title) =>
            string.IsNullOrEmpty(title) ? string.Empty : $" \"{title.Replace("\\", "\\\\").Replace("\"", "\\\"")}\"";

        private static string Wrap(string mark, string content)
        {
            var trimmed = content.Trim();
            if (trimmed.Length == 0)
            {
                return content;
            }
            // Emphasis must hug its text: the spaces go outside the marks.
            var lead = content[..(content.Length - content.TrimStart().Length)];
            var trail = content[content.TrimEnd().Length..];
            return lead + mark + trimmed + mark + trail;
        }

        private static string Code(string code)
        {
            var ticks = new string('`', LongestRun(code, '`') + 1);
            var pad = code.StartsWith('`') || code.EndsWith('`') || (code.StartsWith(' ') && code.EndsWith(' ') && code.Trim().Length > 0) ? " " : string.Empty;
            return ticks + pad + code + pad + ticks;
        }

        private static int LongestRun(string text, char c)
        {
            int longest = 0, run = 0;
            foreach (var ch in text)
            {
                run = ch == c ? run + 1 : 0;
                longest = Math.Max(longest, run);
            }
            return longest;
        }

        private static string CollapseSpace(string text)
        {
            var collapsed = new StringBuilder(text.Length);
            var space = false;
            foreach (var ch in text)
            {
                if (ch is ' ' or '\n' or '\t' or '\r')
                {
                    space = true;
                    continue;
                }
                if (space)
                {
                    collapsed.Append(' ');
                    space = false;
                }
                collapsed.Append(ch);
            }
            if (space)
            {
                collapsed.Append(' ');
            }
            return collapsed.ToString();
        }

        /// <summary>Backslash before every character Markdown could read as mark-up, so text stays text.</summary>
        private static string Escape(string text)
        {
            var escaped = new StringBuilder(text.Length + 8);
            for (var i = 0; i < text.Length; i++)
            {
                var ch = text[i];
                var entity = ch == '&' && i + 1 < text.Length && (char.IsAsciiLetterOrDigit(text[i + 1]) || text[i + 1] == '#');
                if (entity || ch is '\\' or '*' or '_' or '[' or ']' or '`' or '<' or '~' or '^' or '|')
                {
                    escaped.Append('\\');
                }
                escaped.Append(ch);
            }
            return escaped.ToString();
        }
    }
}
