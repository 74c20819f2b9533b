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
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
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
        var result = slug.ToString().Trim('-');
        if (result.Length > MaxLength)
        {
            result = result[..MaxLength];
            var cut = result.LastIndexOf('-');
            result = (cut > MaxLength / 2 ? result[..cut] : result).Trim('-');
        }
        return result.Length == 0 ? "claim" : result;
    }

    /// <summary>The slug, or the slug with -2, -3 … appended until <paramref name="taken"/> says it is free.</summary>
    public static string Unique(string baseSlug, Func<string, bool> taken)
    {
        if (!taken(baseSlug))
        {
            return baseSlug;
        }
        for (var n = 2; ; n++)
        {
            var candidate = $"{baseSlug}-{n}";
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
