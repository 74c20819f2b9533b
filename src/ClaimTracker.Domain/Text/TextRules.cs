using System.Text;

namespace ClaimTracker.Domain.Text;

/// <summary>
/// What plain text may contain. Titles, names and slugs are single lines without control characters,
/// broken surrogates or bidirectional controls (which can make "evil.exe" read as "exe.live");
/// multi-line text keeps its line breaks and tabs. Every message names the field.
/// </summary>
public static class TextRules
{
    /// <summary>An optional text as stored: trimmed and normalised, or null when nothing but white space was given.</summary>
    public static string? Optional(string? value) =>
        string.IsNullOrWhiteSpace(value) ? null : Normalise(value.Trim());

    public static RuleResult CheckSingleLine(string field, string? value, int maxLength) =>
        Check(field, value, maxLength, multiLine: false);

    public static RuleResult CheckMultiLine(string field, string? value, int maxLength) =>
        Check(field, value, maxLength, multiLine: true);

    private static RuleResult Check(string field, string? value, int maxLength, bool multiLine)
    {
        if (string.IsNullOrEmpty(value))
        {
            return RuleResult.Ok;
        }
        // Characters as PostgreSQL counts them: code points, not UTF-16 units.
        var length = value.EnumerateRunes().Count();
        if (length > maxLength)
        {
            return RuleResult.Fail($"{field} can have at most {maxLength} characters (this has {length}).");
        }
        if (value.All(c => char.IsWhiteSpace(c) || IsInvisible(c)))
        {
            return RuleResult.Fail($"{field} holds only invisible characters: type the text itself.");
        }
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
                continue;
            }
            if (char.IsSurrogate(c))
            {
                return RuleResult.Fail($"{field} contains a broken character (a lone UTF-16 surrogate at position {i + 1}). Retype or paste it again.");
            }
            if (IsBidiControl(c) || (!multiLine && IsDirectionMark(c)))
            {
                return RuleResult.Fail($"{field} contains an invisible text-direction character (U+{(int)c:X4}), which can disguise text. Remove it.");
            }
            if (IsNonCharacter(c))
            {
                return RuleResult.Fail($"{field} contains U+{(int)c:X4}, which is no character (feeds and other programs cannot carry it). Remove it.");
            }
            if (char.IsControl(c) && !(multiLine && c is '\n' or '\r' or '\t'))
            {
                var what = c == '\0' ? "a NUL character" : c is '\n' or '\r' ? "a line break" : $"a control character (U+{(int)c:X4})";
                var rule = multiLine ? string.Empty : "; it must be a single line of text";
                return RuleResult.Fail($"{field} contains {what}{rule}.");
            }
        }
        return RuleResult.Ok;
    }

    private static bool IsBidiControl(char c) => c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069';

    /// <summary>Left-to-right, right-to-left and Arabic letter marks: invisible, and in a name or title they only disguise.</summary>
    private static bool IsDirectionMark(char c) => c is '\u200E' or '\u200F' or '\u061C';

    /// <summary>U+FFFE, U+FFFF and U+FDD0–U+FDEF: code points Unicode keeps out of text; XML cannot carry the first two.</summary>
    private static bool IsNonCharacter(char c) => c is '\uFFFE' or '\uFFFF' or >= '\uFDD0' and <= '\uFDEF';

    /// <summary>Characters that show nothing: format characters (zero-width space and joiners, direction marks, soft hyphen …).</summary>
    private static bool IsInvisible(char c) => System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format;

    /// <summary>
    /// Rich text as typed, without what no formatted text needs and some programs cannot read: control characters other than
    /// line breaks and tabs (BEL, ESC, NUL …), direction overrides and isolates, and non-characters. Everything else stays.
    /// </summary>
    public static string WithoutUnsafeCharacters(string value)
    {
        if (!value.Any(Unsafe))
        {
            return value;
        }
        return string.Concat(value.Where(c => !Unsafe(c)));

        static bool Unsafe(char c) => (char.IsControl(c) && c is not ('\n' or '\r' or '\t')) || IsBidiControl(c) || IsNonCharacter(c);
    }

    /// <summary>Normalises to NFC so the same text typed on two systems compares equal.</summary>
    public static string Normalise(string value) => value.Normalize(NormalizationForm.FormC);
}
