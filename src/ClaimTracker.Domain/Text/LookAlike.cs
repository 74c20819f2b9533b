using System.Globalization;
using System.Text;

namespace ClaimTracker.Domain.Text;

/// <summary>
/// What a name looks like, as a key: two names with the same key read the same to a person ("Kim Jong Un", "KIM JONG UN",
/// "Kim Jong\u200BUn", the same typed in another Unicode normal form, or with a Cyrillic "о" for the Latin "o"). NFKC, no
/// invisible characters, case folded, accents and letters that look like Latin ones mapped to them, runs of spaces as one.
/// </summary>
public static class LookAlike
{
    /// <summary>Cyrillic and Greek letters drawn like Latin ones (the usual homoglyphs of confusable names).</summary>
    private static readonly Dictionary<char, char> Latin = new()
    {
        ['а'] = 'a', ['в'] = 'b', ['е'] = 'e', ['ё'] = 'e', ['к'] = 'k', ['м'] = 'm', ['н'] = 'h', ['о'] = 'o', ['р'] = 'p', ['с'] = 'c',
        ['т'] = 't', ['у'] = 'y', ['х'] = 'x', ['ѕ'] = 's', ['і'] = 'i', ['ї'] = 'i', ['ј'] = 'j', ['һ'] = 'h', ['ԁ'] = 'd', ['ԛ'] = 'q',
        ['ԝ'] = 'w', ['α'] = 'a', ['β'] = 'b', ['ε'] = 'e', ['η'] = 'n', ['ι'] = 'i', ['κ'] = 'k', ['ν'] = 'v', ['ο'] = 'o', ['ρ'] = 'p',
        ['τ'] = 't', ['υ'] = 'u', ['χ'] = 'x', ['ϲ'] = 'c', ['ӏ'] = 'l', ['ɡ'] = 'g',
    };

    public static string Key(string name)
    {
        var folded = name.Normalize(NormalizationForm.FormKC).ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var key = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.Format)
            {
                continue;
            }
            if (char.IsWhiteSpace(c) || c is '-' or '‐' or '–' or '.')
            {
                if (key.Length > 0 && key[^1] != ' ')
                {
                    key.Append(' ');
                }
                continue;
            }
            if (c == 'ß')
            {
                // Case folding: "STRASSE" is "Straße".
                key.Append("ss");
                continue;
            }
            key.Append(Latin.GetValueOrDefault(c, c));
        }
        return key.ToString().Trim();
    }

    /// <summary>The words of a title that carry meaning (three letters or more), folded like <see cref="Key"/>.</summary>
    public static HashSet<string> Words(string? title) =>
        string.IsNullOrWhiteSpace(title) ? []
            : Key(title).Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Select(w => new string(w.Where(char.IsLetterOrDigit).ToArray())).Where(w => w.Length >= 3).ToHashSet(StringComparer.Ordinal);

    /// <summary>How much of the shorter title the other one holds (0–1): 1 for the same words, whatever the order and case.</summary>
    public static double Overlap(string? a, string? b)
    {
        var (first, second) = (Words(a), Words(b));
        return first.Count == 0 || second.Count == 0 ? 0 : (double)first.Intersect(second).Count() / Math.Min(first.Count, second.Count);
    }
}
