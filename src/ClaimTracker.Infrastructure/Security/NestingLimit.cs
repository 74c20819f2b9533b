using AngleSharp.Dom;

namespace ClaimTracker.Infrastructure.Security;

/// <summary>
/// The sanitiser's guard against deep nesting, which costs a parser time quadratic in its depth: a count of the tags before
/// parsing, and the depth of the parsed tree.
/// </summary>
internal static class NestingLimit
{
    /// <summary>Whether the tree under <paramref name="root"/> is deeper than <paramref name="maxDepth"/>.</summary>
    public static bool DepthExceeds(INode root, int maxDepth)
    {
        var stack = new Stack<(INode Node, int Depth)>();
        stack.Push((root, 1));
        while (stack.Count > 0)
        {
            var (node, depth) = stack.Pop();
            if (depth > maxDepth)
            {
                return true;
            }
            foreach (var child in node.ChildNodes)
            {
                stack.Push((child, depth + 1));
            }
        }
        return false;
    }

    /// <summary>Elements a parser closes by itself when the next one starts (an unclosed "&lt;p&gt;" or "&lt;li&gt;" nests nothing).</summary>
    private static readonly HashSet<string> ClosedImplicitly =
        ["p", "li", "dt", "dd", "tr", "td", "th", "thead", "tbody", "tfoot", "option", "optgroup", "rb", "rt", "rtc", "rp", "colgroup", "caption"];

    /// <summary>
    /// Whether the tags, counted as written, open more than <paramref name="limit"/> elements that are still open: an upper bound
    /// of the nesting a parser would build, found in one pass over the text.
    /// </summary>
    public static bool NestsTooDeep(string input, int limit)
    {
        var open = 0;
        for (var at = input.IndexOf('<'); at >= 0 && at + 1 < input.Length; at = input.IndexOf('<', at + 1))
        {
            var closing = input[at + 1] == '/';
            var start = at + (closing ? 2 : 1);
            var end = start;
            while (end < input.Length && char.IsAsciiLetterOrDigit(input[end]))
            {
                end++;
            }
            if (end == start || !char.IsAsciiLetter(input[start]))
            {
                continue;
            }
            var name = input[start..end].ToLowerInvariant();
            if (SanitisedWriter.VoidElements.Contains(name) || ClosedImplicitly.Contains(name) || name is "img" or "input" or "meta" or "link" or "wbr" or "col")
            {
                continue;
            }
            var close = input.IndexOf('>', end);
            if (!closing && close > 0 && input[close - 1] == '/')
            {
                continue;
            }
            open = closing ? Math.Max(0, open - 1) : open + 1;
            if (open > limit)
            {
                return true;
            }
        }
        return false;
    }
}
