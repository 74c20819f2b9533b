using System.Globalization;
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

    /// <summary>
    /// Rebuilds both indexes' rows of these claims, a few hundred at a time with one query per table.
    /// Rows are keyed by rowid = claim id, so replacing one is a key lookup, not a scan of the index.
    /// </summary>
    public async Task ReindexAsync(AppDbContext db, IReadOnlyCollection<int> claimIds, CancellationToken cancellationToken = default)
    {
        foreach (var chunk in claimIds.Distinct().Order().Chunk(400))
        {
            var ids = chunk.ToList();
            var claims = await db.Claims.AsNoTracking().Where(c => ids.Contains(c.Id))
                .Select(c => new { c.Id, c.Headline, c.OriginalText, c.Translation, c.Summary }).ToListAsync(cancellationToken);
            var statements = (await db.Statements.AsNoTracking().Where(s => ids.Contains(s.ClaimId))
                .Select(s => new { s.ClaimId, s.Quote, s.Translation }).ToListAsync(cancellationToken)).ToLookup(s => s.ClaimId);
            var sources = (await db.ClaimSources.AsNoTracking().Where(cs => ids.Contains(cs.ClaimId))
                .Select(cs => new { cs.ClaimId, cs.Quote, cs.Source!.Title, cs.Source.Excerpt }).ToListAsync(cancellationToken)).ToLookup(s => s.ClaimId);
            var snapshots = await db.Claims.AsNoTracking().Where(c => ids.Contains(c.Id) && c.IsPublic)
                .Join(db.ClaimVersions, c => new { c.Id, Number = c.PublishedVersion!.Value }, v => new { Id = v.ClaimId, v.Number }, (c, v) => new { c.Id, v.Snapshot })
                .ToListAsync(cancellationToken);

            var working = claims.Select(c => (c.Id, c.Headline, Body: Body(c.OriginalText, c.Translation, c.Summary.Html,
                statements[c.Id].SelectMany(s => new[] { s.Quote, s.Translation }),
                sources[c.Id].SelectMany(s => new[] { s.Quote, s.Title, s.Excerpt })))).ToList();
            var published = snapshots.Select(v =>
            {
                var claim = Workflow.ClaimSnapshot.Read(v.Snapshot);
                return (v.Id, claim.Headline, Body: Body(claim.OriginalText, claim.Translation, claim.Summary.Html,
                    claim.Statements.SelectMany(s => new[] { s.Quote, s.Translation }),
                    claim.Sources.SelectMany(s => new[] { s.Quote, s.Title, s.Excerpt })));
            }).ToList();

            await ReplaceAsync(db, "ClaimSearch", ids, working, cancellationToken);
            await ReplaceAsync(db, "ClaimSearchPublished", ids, published, cancellationToken);
        }
    }

    /// <summary>What is searched besides the headline: the claim as made, its translation, summary, statements and sources.</summary>
    private static string Body(string originalText, string? translation, string summaryHtml, IEnumerable<string?> statements, IEnumerable<string?> sources) =>
        string.Join('\n', new[] { originalText, translation, SearchText.FromHtml(summaryHtml) }.Concat(statements).Concat(sources).Where(t => t is not null));

    /// <param name="table">One of the two index tables (a constant, never input).</param>
    private static async Task ReplaceAsync(AppDbContext db, string table, IReadOnlyList<int> ids, IReadOnlyList<(int Id, string Headline, string Body)> rows,
        CancellationToken cancellationToken)
    {
        // Ids are integers formatted here, not text from outside.
        var idList = string.Join(",", ids.Select(id => id.ToString(CultureInfo.InvariantCulture)));
        var delete = "DELETE FROM " + table + " WHERE rowid IN (" + idList + ")";
        await db.Database.ExecuteSqlRawAsync(delete, cancellationToken);
        if (rows.Count == 0)
        {
            return;
        }
        var values = new StringBuilder();
        var parameters = new List<object>(rows.Count * 2);
        foreach (var (id, headline, body) in rows)
        {
            var at = parameters.Count;
            values.Append(values.Length == 0 ? "" : ",").Append(CultureInfo.InvariantCulture, $"({id}, {id}, {{{at}}}, {{{at + 1}}})");
            parameters.Add(SearchText.Fold(headline));
            parameters.Add(SearchText.Fold(body));
        }
        // The texts travel as parameters ({0}, {1} …); only integers and the table name are in the SQL.
        var insert = "INSERT INTO " + table + " (rowid, claim_id, headline, body) VALUES " + values;
        await db.Database.ExecuteSqlRawAsync(insert, parameters, cancellationToken);
    }

    public Task<IReadOnlyList<SearchHit>> SearchAsync(AppDbContext db, string query, int limit,
        CancellationToken cancellationToken = default, bool published = false) =>
        MatchAsync(db, string.Join(' ', SearchText.Words(query).Select(w => $"\"{w}\"*")), limit, cancellationToken, published);

    public Task<IReadOnlyList<SearchHit>> SimilarAsync(AppDbContext db, string text, int limit,
        CancellationToken cancellationToken = default) =>
        MatchAsync(db, string.Join(" OR ", SearchText.Words(text).Where(w => w.Length > 2 && !StopWords.Contains(w)).Select(w => $"\"{w}\"")),
            limit, cancellationToken);

    /// <summary>How many of the newest matching claims a search ranks by relevance; older matches beyond them are not listed.</summary>
    public const int RankedCandidates = 500;

    private static async Task<IReadOnlyList<SearchHit>> MatchAsync(AppDbContext db, string match, int limit,
        CancellationToken cancellationToken, bool published = false)
    {
        if (match.Length == 0)
        {
            return [];
        }
        // Every word is quoted: FTS5 syntax typed by a user is searched for, never interpreted.
        // Ranking every match of common words costs O(matches) (at 100,000 claims two words can match 80,000):
        // the index is walked backwards (rowid = claim id, newest first) and only the newest RankedCandidates
        // matches are scored, then sorted here.
        var candidates = published
            ? await db.Database
                .SqlQuery<SearchHit>($"""
                    SELECT claim_id AS ClaimId, bm25(ClaimSearchPublished, 0.0, 5.0, 1.0) AS Score FROM ClaimSearchPublished
                    WHERE ClaimSearchPublished MATCH {match} ORDER BY rowid DESC LIMIT {RankedCandidates}
                    """)
                .ToListAsync(cancellationToken)
            : await db.Database
                .SqlQuery<SearchHit>($"""
                    SELECT claim_id AS ClaimId, bm25(ClaimSearch, 0.0, 5.0, 1.0) AS Score FROM ClaimSearch
                    WHERE ClaimSearch MATCH {match} ORDER BY rowid DESC LIMIT {RankedCandidates}
                    """)
                .ToListAsync(cancellationToken);
        // bm25 is lower for better matches; ties go to the newer claim.
        return candidates.OrderBy(h => h.Score).ThenByDescending(h => h.ClaimId).Take(limit).ToList();
    }
}
