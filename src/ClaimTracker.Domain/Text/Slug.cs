using System.Globalization;
using System.Text;

namespace ClaimTracker.Domain.Text;

/// <summary>Readable, stable permalink parts: "Nordkorea liefert Waffen an Rußland" → "nordkorea-liefert-waffen-an-russland".</summary>
public static class Slug
{
    public const int MaxLength = 80;

    public static string From(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Trim().ToLowerInvariant())
        {
            builder.Append(c switch
            {
                'ä' => "ae",
                'ö' => "oe",
                'ü' => "ue",
                'ß' => "ss",
                _ => c.ToString(),
            });
        }
        var decomposed = builder.ToString().Normalize(NormalizationForm.FormD);
        var slug = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            // Accents go with their letter; invisible characters (zero-width space, direction marks) separate nothing.
            if (CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.Format)
            {
                continue;
            }
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                slug.Append(c);
            }
            else if (slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }
        var result = Shortened(slug.ToString().Trim('-'), MaxLength);
        return result.Length == 0 ? "claim" : result;
    }

    /// <summary>At most <paramref name="length"/> characters, cut at a hyphen when one is in the second half.</summary>
    private static string Shortened(string slug, int length)
    {
        if (slug.Length <= length)
        {
            return slug;
        }
        var result = slug[..length];
        var cut = result.LastIndexOf('-');
        return (cut > length / 2 ? result[..cut] : result).Trim('-');
    }

    /// <summary>
    /// The slug, or the slug with -2, -3 … appended until <paramref name="taken"/> says it is free; a long slug is shortened
    /// so that slug and suffix stay within <see cref="MaxLength"/>.
    /// </summary>
    public static string Unique(string baseSlug, Func<string, bool> taken)
    {
        if (!taken(baseSlug))
        {
            return baseSlug;
        }
        for (var n = 2; ; n++)
        {
            var suffix = $"-{n}";
            var candidate = Shortened(baseSlug, MaxLength - suffix.Length) + suffix;
            if (!taken(candidate))
            {
                return candidate;
            }
        }
    }

    public static bool IsValid(string? slug) =>
        !string.IsNullOrEmpty(slug) && slug.Length <= MaxLength
        && slug.All(c => c is >= 'a' and <= 'z' or >= '0' and <= '9' or '-')
        && !slug.StartsWith('-') && !slug.EndsWith('-') && !slug.Contains("--", StringComparison.Ordinal);
}
