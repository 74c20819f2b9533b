using System.Text.RegularExpressions;

namespace ClaimTracker.Domain.Text;

/// <summary>A BCP 47 language tag such as "de", "en-GB" or "ko-Kore". Checked for form, not against a registry.</summary>
public static partial class LanguageTag
{
    public const int MaxLength = 35;

    public static bool TryNormalise(string? input, out string tag, out string error)
    {
        tag = string.Empty;
        var candidate = input?.Trim() ?? string.Empty;
        if (candidate.Length == 0 || candidate.Length > MaxLength || !Pattern().IsMatch(candidate))
        {
            error = $"'{candidate}' is not a language tag. Use a code such as de, en, ru, ko or en-GB.";
            return false;
        }
        var parts = candidate.Split('-');
        parts[0] = parts[0].ToLowerInvariant();
        for (var i = 1; i < parts.Length; i++)
        {
            parts[i] = parts[i].Length switch
            {
                2 => parts[i].ToUpperInvariant(),
                4 => char.ToUpperInvariant(parts[i][0]) + parts[i][1..].ToLowerInvariant(),
                _ => parts[i].ToLowerInvariant(),
            };
        }
        tag = string.Join('-', parts);
        error = string.Empty;
        return true;
    }

    [GeneratedRegex("^[A-Za-z]{2,3}(-[A-Za-z]{4})?(-([A-Za-z]{2}|[0-9]{3}))?(-[A-Za-z0-9]{5,8})*$")]
    private static partial Regex Pattern();
}
