using ClaimTracker.Domain.Text;
using DiffPlex;

namespace ClaimTracker.Infrastructure.Workflow;

/// <summary>
/// A word-level difference of two texts, for reviewers comparing a pending revision with the published version: DiffPlex's
/// Myers diff over words (each with the whitespace that follows it, so joining the parts gives the texts back). Its memory is
/// linear in the words; its time is (words) × (differences), so texts longer than <see cref="MaxWords"/> together are shown
/// as removed and added whole (a few milliseconds at the limit, whatever the texts).
/// </summary>
public static class WordDiff
{
    public const int MaxWords = 10_000;

    private static readonly WordChunker Chunker = new();

    public static IReadOnlyList<DiffPart> Compare(string? before, string? after)
    {
        var a = Chunker.Chunk(before ?? string.Empty);
        var b = Chunker.Chunk(after ?? string.Empty);
        if (a.Count + b.Count > MaxWords)
        {
            return Merge([new DiffPart(DiffKind.Removed, before ?? string.Empty), new DiffPart(DiffKind.Added, after ?? string.Empty)]);
        }
        var result = Differ.Instance.CreateDiffs(before ?? string.Empty, after ?? string.Empty, ignoreWhiteSpace: false, ignoreCase: false, Chunker);
        var parts = new List<DiffPart>();
        int x = 0, y = 0;
        foreach (var block in result.DiffBlocks)
        {
            parts.AddRange(a.Skip(x).Take(block.DeleteStartA - x).Select(w => new DiffPart(DiffKind.Same, w)));
            parts.AddRange(a.Skip(block.DeleteStartA).Take(block.DeleteCountA).Select(w => new DiffPart(DiffKind.Removed, w)));
            parts.AddRange(b.Skip(block.InsertStartB).Take(block.InsertCountB).Select(w => new DiffPart(DiffKind.Added, w)));
            x = block.DeleteStartA + block.DeleteCountA;
            y = block.InsertStartB + block.InsertCountB;
        }
        parts.AddRange(a.Skip(x).Select(w => new DiffPart(DiffKind.Same, w)));
        return Merge(parts);
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

    /// <summary>Words with the whitespace that follows them.</summary>
    private sealed class WordChunker : IChunker
    {
        public IReadOnlyList<string> Chunk(string text)
        {
            var words = new List<string>();
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
    }
}
