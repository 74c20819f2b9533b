using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using ClaimTracker.Infrastructure.Data;

namespace ClaimTracker.Infrastructure.Search;

/// <param name="Score">Lower is better: for a search 0 = every word in the headline, 1 = elsewhere; for similar claims the bm25 score.</param>
public sealed record SearchHit(int ClaimId, double Score);

/// <summary>
/// Full-text search over claims: headline, claim text, translation, summary, statement quotes,
/// source titles and excerpts. One implementation per database engine.
/// </summary>
public interface IClaimSearch
{
    /// <summary>
    /// Rebuilds the index entries of these claims from the database (inside the caller's transaction): the working
    /// copies' entries of <paramref name="claimIds"/>, and the approved versions' entries (what readers search) of
    /// <paramref name="publishedClaimIds"/>, or of every claim in <paramref name="claimIds"/> when that is null.
    /// </summary>
    Task ReindexAsync(AppDbContext db, IReadOnlyCollection<int> claimIds, IReadOnlyCollection<int>? publishedClaimIds = null,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// Claims whose headline holds every word first, then claims holding them anywhere else; newest first
    /// within each. Every word must match; each word also matches as a prefix. With
    /// <paramref name="published"/> only the approved versions readers see are searched, never a pending revision.
    /// </summary>
    Task<IReadOnlyList<SearchHit>> SearchAsync(AppDbContext db, string query, int limit, CancellationToken cancellationToken = default,
        bool published = false);

    /// <summary>Claims sharing any word with the text, best first: for "is this a duplicate?".</summary>
    Task<IReadOnlyList<SearchHit>> SimilarAsync(AppDbContext db, string text, int limit, CancellationToken cancellationToken = default);
}

/// <summary>Text folding shared by index and query, so both sides meet: lower case, ß → ss.</summary>
public static partial class SearchText
{
    public static string Fold(string text) =>
        text.ToLowerInvariant().Replace("ß", "ss", StringComparison.Ordinal).Replace("ẞ", "ss", StringComparison.Ordinal);

    /// <summary>Words too common to say that two claims are alike.</summary>
    public static readonly IReadOnlySet<string> StopWords = new HashSet<string>(StringComparer.Ordinal)
    {
        "der", "die", "das", "und", "oder", "ein", "eine", "einer", "eines", "den", "dem", "des", "zu", "von", "mit", "an",
        "in", "im", "auf", "für", "ist", "hat", "haben", "the", "and", "of", "to", "a", "an", "is", "in", "on", "for", "sich", "als",
    };

    public static IReadOnlyList<string> Words(string text) =>
        WordPattern().Matches(Fold(text)).Select(m => m.Value).Distinct().ToList();

    /// <summary>
    /// A folded word as the index spells it: the tokenizer removes diacritics from Latin letters only
    /// ("münchen" → "munchen", "dvořák" → "dvorak", but "ελλάδα" stays) and lower-cases what that leaves
    /// ("İstanbul" → "istanbul"). Letters without a decomposition (ø, ł) stay as they are, as in the index.
    /// </summary>
    public static string WithoutDiacritics(string word)
    {
        var decomposed = word.Normalize(NormalizationForm.FormD);
        var kept = new StringBuilder(decomposed.Length);
        var latinBase = false;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                if (!latinBase)
                {
                    kept.Append(c);
                }
                continue;
            }
            latinBase = c <= '\u024F' || c is >= '\u1E00' and <= '\u1EFF';
            kept.Append(c);
        }
        return kept.ToString().Normalize(NormalizationForm.FormC).ToLowerInvariant();
    }

    /// <summary>Markup to plain text for indexing.</summary>
    public static string FromHtml(string html) => WebUtility.HtmlDecode(TagPattern().Replace(html, " "));

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex WordPattern();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex TagPattern();
}
