namespace ClaimTracker.Domain.Text;

public enum DiffKind
{
    Same,
    Removed,
    Added,
}

public sealed record DiffPart(DiffKind Kind, string Text);

/// <summary>
/// A word-level difference of two texts (longest common subsequence of words), for reviewers
/// comparing a pending revision with the published version.
/// </summary>
public static class WordDiff
{
    /// <summary>Above this many word pairs the texts are shown as removed and added whole.</summary>
    public const int MaxCells = 4_000_000;

    public static IReadOnlyList<DiffPart> Compare(string? before, string? after)
    {
        var a = Words(before);
        var b = Words(after);
        if ((long)a.Count * b.Count > MaxCells)
        {
            return Merge([new DiffPart(DiffKind.Removed, before ?? string.Empty), new DiffPart(DiffKind.Added, after ?? string.Empty)]);
        }
        // lengths[i, j]: longest common subsequence of a[i..] and b[j..].
        var lengths = new int[a.Count + 1, b.Count + 1];
        for (var i = a.Count - 1; i >= 0; i--)
        {
            for (var j = b.Count - 1; j >= 0; j--)
            {
                lengths[i, j] = a[i] == b[j] ? lengths[i + 1, j + 1] + 1 : Math.Max(lengths[i + 1, j], lengths[i, j + 1]);
            }
        }
        var parts = new List<DiffPart>();
        int x = 0, y = 0;
        while (x < a.Count && y < b.Count)
        {
            if (a[x] == b[y])
            {
                parts.Add(new DiffPart(DiffKind.Same, a[x++]));
                y++;
            }
            else if (lengths[x + 1, y] >= lengths[x, y + 1])
            {
                parts.Add(new DiffPart(DiffKind.Removed, a[x++]));
            }
            else
            {
                parts.Add(new DiffPart(DiffKind.Added, b[y++]));
            }
        }
        parts.AddRange(a.Skip(x).Select(w => new DiffPart(DiffKind.Removed, w)));
        parts.AddRange(b.Skip(y).Select(w => new DiffPart(DiffKind.Added, w)));
        return Merge(parts);
    }

    /// <summary>Words with the whitespace that follows them, so joining the parts gives the text back.</summary>
    private static List<string> Words(string? text)
    {
        var words = new List<string>();
        if (string.IsNullOrEmpty(text))
        {
            return words;
        }
        var start = 0;
        for (var i = 1; i <= text.Length; i++)
        {
            if (i == text.Length || (char.IsWhiteSpace(text[i - 1]) && !char.IsWhiteSpace(text[i])))
            {
                words.Add(text[start..i]);
                start = i;
            }
        }
        return words;
    }

    private static List<DiffPart> Merge(IEnumerable<DiffPart> parts)
    {
        var merged = new List<DiffPart>();
        foreach (var part in parts.Where(p => p.Text.Length > 0))
        {
            if (merged.Count > 0 && merged[^1].Kind == part.Kind)
            {
                merged[^1] = part with { Text = merged[^1].Text + part.Text };
            }
            else
            {
                merged.Add(part);
            }
        }
        return merged;
    }
}
