using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using ClaimTracker.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace ClaimTracker.Infrastructure.Search;

public sealed record SearchHit(int ClaimId, double Score);

/// <summary>
/// Full-text search over claims: headline, claim text, translation, summary, statement quotes,
/// source titles and excerpts. One implementation per database engine.
/// </summary>
public interface IClaimSearch
{
    /// <summary>Rebuilds the index entries of these claims from the database (inside the caller's transaction).</summary>
    Task ReindexAsync(AppDbContext db, IReadOnlyCollection<int> claimIds, CancellationToken cancellationToken = default);

    /// <summary>
    /// Best matches first. Every word must match; each word also matches as a prefix. With
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

    public static IReadOnlyList<string> Words(string text) =>
        WordPattern().Matches(Fold(text)).Select(m => m.Value).Distinct().ToList();

    /// <summary>Markup to plain text for indexing.</summary>
    public static string FromHtml(string html) => WebUtility.HtmlDecode(TagPattern().Replace(html, " "));

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex WordPattern();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex TagPattern();
}

/// <summary>
/// SQLite FTS5 (unicode61, diacritics removed): "Munchen" finds "München", "strasse" finds "Straße".
/// Two indexes: ClaimSearch holds the working copy (the desk searches it), ClaimSearchPublished the
/// approved version of each public claim (readers search it).
/// </summary>
public sealed class SqliteClaimSearch : IClaimSearch
{
    private static readonly HashSet<string> StopWords =
    [
        "der", "die", "das", "und", "oder", "ein", "eine", "einer", "eines", "den", "dem", "des", "zu", "von", "mit", "an",
        "in", "im", "auf", "für", "ist", "hat", "haben", "the", "and", "of", "to", "a", "an", "is", "in", "on", "for", "sich", "als",
    ];

    public async Task ReindexAsync(AppDbContext db, IReadOnlyCollection<int> claimIds, CancellationToken cancellationToken = default)
    {
        foreach (var id in claimIds.Distinct())
        {
            await db.Database.ExecuteSqlAsync($"DELETE FROM ClaimSearch WHERE claim_id = {id}", cancellationToken);
            var claim = await db.Claims.AsNoTracking().Where(c => c.Id == id)
                .Select(c => new { c.Headline, c.OriginalText, c.Translation, c.Summary })
                .FirstOrDefaultAsync(cancellationToken);
            if (claim is null)
            {
                continue;
            }
            var statements = await db.Statements.AsNoTracking().Where(s => s.ClaimId == id)
                .Select(s => new { s.Quote, s.Translation }).ToListAsync(cancellationToken);
            var sources = await db.ClaimSources.AsNoTracking().Where(cs => cs.ClaimId == id)
                .Select(cs => new { cs.Quote, cs.Source!.Title, cs.Source.Excerpt }).ToListAsync(cancellationToken);
            var body = new StringBuilder()
                .AppendLine(claim.OriginalText).AppendLine(claim.Translation).AppendLine(SearchText.FromHtml(claim.Summary.Html));
            statements.ForEach(s => body.AppendLine(s.Quote).AppendLine(s.Translation));
            sources.ForEach(s => body.AppendLine(s.Quote).AppendLine(s.Title).AppendLine(s.Excerpt));
            var headline = SearchText.Fold(claim.Headline);
            var text = SearchText.Fold(body.ToString());
            await db.Database.ExecuteSqlAsync(
                $"INSERT INTO ClaimSearch (claim_id, headline, body) VALUES ({id}, {headline}, {text})", cancellationToken);
            await ReindexPublishedAsync(db, id, cancellationToken);
        }
    }

    /// <summary>The approved snapshot readers see, or nothing when readers see nothing of the claim.</summary>
    private static async Task ReindexPublishedAsync(AppDbContext db, int id, CancellationToken cancellationToken)
    {
        await db.Database.ExecuteSqlAsync($"DELETE FROM ClaimSearchPublished WHERE claim_id = {id}", cancellationToken);
        var snapshot = await db.Claims.AsNoTracking().Where(c => c.Id == id && c.IsPublic)
            .Join(db.ClaimVersions, c => new { c.Id, Number = c.PublishedVersion!.Value }, v => new { Id = v.ClaimId, v.Number }, (c, v) => v.Snapshot)
            .FirstOrDefaultAsync(cancellationToken);
        if (snapshot is null)
        {
            return;
        }
        var claim = Workflow.ClaimSnapshot.Read(snapshot);
        var body = new StringBuilder()
            .AppendLine(claim.OriginalText).AppendLine(claim.Translation).AppendLine(SearchText.FromHtml(claim.Summary.Html));
        claim.Statements.ToList().ForEach(s => body.AppendLine(s.Quote).AppendLine(s.Translation));
        claim.Sources.ToList().ForEach(s => body.AppendLine(s.Quote).AppendLine(s.Title).AppendLine(s.Excerpt));
        var headline = SearchText.Fold(claim.Headline);
        var text = SearchText.Fold(body.ToString());
        await db.Database.ExecuteSqlAsync(
            $"INSERT INTO ClaimSearchPublished (claim_id, headline, body) VALUES ({id}, {headline}, {text})", cancellationToken);
    }

    public Task<IReadOnlyList<SearchHit>> SearchAsync(AppDbContext db, string query, int limit,
        CancellationToken cancellationToken = default, bool published = false) =>
        MatchAsync(db, string.Join(' ', SearchText.Words(query).Select(w => $"\"{w}\"*")), limit, cancellationToken, published);

    public Task<IReadOnlyList<SearchHit>> SimilarAsync(AppDbContext db, string text, int limit,
        CancellationToken cancellationToken = default) =>
        MatchAsync(db, string.Join(" OR ", SearchText.Words(text).Where(w => w.Length > 2 && !StopWords.Contains(w)).Select(w => $"\"{w}\"")),
            limit, cancellationToken);

    private static async Task<IReadOnlyList<SearchHit>> MatchAsync(AppDbContext db, string match, int limit,
        CancellationToken cancellationToken, bool published = false)
    {
        if (match.Length == 0)
        {
            return [];
        }
        // Every word is quoted: FTS5 syntax typed by a user is searched for, never interpreted.
        return published
            ? await db.Database
                .SqlQuery<SearchHit>($"SELECT claim_id AS ClaimId, bm25(ClaimSearchPublished, 0.0, 5.0, 1.0) AS Score FROM ClaimSearchPublished WHERE ClaimSearchPublished MATCH {match} ORDER BY Score LIMIT {limit}")
                .ToListAsync(cancellationToken)
            : await db.Database
                .SqlQuery<SearchHit>($"SELECT claim_id AS ClaimId, bm25(ClaimSearch, 0.0, 5.0, 1.0) AS Score FROM ClaimSearch WHERE ClaimSearch MATCH {match} ORDER BY Score LIMIT {limit}")
                .ToListAsync(cancellationToken);
    }
}
