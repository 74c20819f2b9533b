using System.Globalization;
using System.Text;
using System.Text.Json;
using ClaimTracker.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace ClaimTracker.Infrastructure.Search;

/// <summary>
/// SQLite FTS5 (unicode61, diacritics removed): "Munchen" finds "München", "strasse" finds "Straße".
/// Two indexes: ClaimSearch holds the working copy (the desk searches it), ClaimSearchPublished the
/// approved version of each public claim (readers search it); each has a headline-only twin
/// (ClaimSearchHeadline, ClaimSearchPublishedHeadline) for the headline matches a search lists first.
/// </summary>
/// <param name="statements">Where the search's own queries keep their compiled statements (absent when switched off).</param>
public sealed class SqliteClaimSearch(SqliteStatementCache? statements = null) : IClaimSearch
{
    /// <summary>
    /// Rebuilds both indexes' rows of these claims, a few hundred at a time with one query per table.
    /// Rows are keyed by rowid = claim id, so replacing one is a key lookup, not a scan of the index.
    /// </summary>
    public Task ReindexAsync(AppDbContext db, IReadOnlyCollection<int> claimIds, IReadOnlyCollection<int>? publishedClaimIds = null,
        CancellationToken cancellationToken = default) =>
        SearchDocuments.InChunksAsync(db, claimIds, publishedClaimIds, async (ids, working, publishedIds, published) =>
        {
            await ReplaceAsync(db, "ClaimSearch", ids, working, cancellationToken);
            await ReplaceAsync(db, "ClaimSearchHeadline", ids, working, cancellationToken, headlineOnly: true);
            if (publishedIds.Length > 0)
            {
                await ReplaceAsync(db, "ClaimSearchPublished", publishedIds, published, cancellationToken);
                await ReplaceAsync(db, "ClaimSearchPublishedHeadline", publishedIds, published, cancellationToken, headlineOnly: true);
            }
            await RememberTermsAsync(db, working.Concat(published).SelectMany(r => new[] { r.Headline, r.Body }).ToList(), cancellationToken);
        }, cancellationToken);

    /// <summary>
    /// Adds the words of these folded texts to the search vocabulary (SearchTerms), spelled as the index spells
    /// them: the texts go through a scratch index with the same tokenizer (a temporary table of this
    /// connection) whose own vocabulary is copied. Words are never removed: a word no claim holds any
    /// more only adds an empty alternative to a search.
    /// </summary>
    private static async Task RememberTermsAsync(AppDbContext db, IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        if (texts.Count == 0)
        {
            return;
        }
        await db.Database.ExecuteSqlRawAsync(
            // Contentless, so it can be emptied at once ('delete-all'): deleting rows one by one would leave the
            // scratch index growing with delete markers that later saves pay to merge (measured: 30–85 ms stalls).
            "CREATE VIRTUAL TABLE IF NOT EXISTS temp.SearchScratch USING fts5(text, content = '', tokenize = 'unicode61 remove_diacritics 2'); " +
            "CREATE VIRTUAL TABLE IF NOT EXISTS temp.SearchScratchTerms USING fts5vocab(temp, SearchScratch, row);", cancellationToken);
        // The texts travel as parameters; only their placeholders are in the SQL.
        var values = string.Join(",", texts.Select((_, i) => "({" + i.ToString(CultureInfo.InvariantCulture) + "})"));
        var insert = "INSERT INTO temp.SearchScratch (text) VALUES " + values;
        await db.Database.ExecuteSqlRawAsync(insert, texts, cancellationToken);
        await db.Database.ExecuteSqlRawAsync(
            "INSERT OR IGNORE INTO SearchTerms (Term) SELECT term FROM temp.SearchScratchTerms; " +
            "INSERT INTO temp.SearchScratch (SearchScratch) VALUES ('delete-all');", cancellationToken);
    }

    /// <param name="table">One of the index tables (a constant, never input).</param>
    /// <param name="headlineOnly">The table is a headline index (one column), not a full one (claim id, headline, body).</param>
    private static async Task ReplaceAsync(AppDbContext db, string table, IReadOnlyList<int> ids, IReadOnlyList<SearchDocument> rows,
        CancellationToken cancellationToken, bool headlineOnly = false)
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
        foreach (var row in rows)
        {
            var at = parameters.Count;
            values.Append(values.Length == 0 ? "" : ",");
            if (headlineOnly)
            {
                values.Append(CultureInfo.InvariantCulture, $"({row.ClaimId}, {{{at}}})");
                parameters.Add(row.Headline);
                continue;
            }
            values.Append(CultureInfo.InvariantCulture, $"({row.ClaimId}, {row.ClaimId}, {{{at}}}, {{{at + 1}}})");
            parameters.Add(row.Headline);
            parameters.Add(row.Body);
        }
        // The texts travel as parameters ({0}, {1} …); only integers and the table name are in the SQL.
        var insert = "INSERT INTO " + table + (headlineOnly ? " (rowid, headline)" : " (rowid, claim_id, headline, body)") + " VALUES " + values;
        await db.Database.ExecuteSqlRawAsync(insert, parameters, cancellationToken);
    }

    /// <remarks>
    /// The order readers can predict: claims whose headline holds every word first, then claims that hold
    /// them anywhere else (text, summary, statements, sources); newest first within each. Both are walks of
    /// the index from the newest claim (rowid = claim id) that stop at the limit, so a search costs the
    /// same whether two common words match 100 claims or 80,000 (scoring every match by relevance did not:
    /// ~1 s at 100,000 claims). Headline matches come from the headline-only index: asking the full index for
    /// its headline column would walk every claim holding the words anywhere (most, for common words).
    /// </remarks>
    public async Task<IReadOnlyList<SearchHit>> SearchAsync(AppDbContext db, string query, int limit,
        CancellationToken cancellationToken = default, bool published = false)
    {
        var words = SearchText.Words(query);
        if (words.Count == 0)
        {
            return [];
        }
        var match = string.Join(" AND ", await PrefixTermsAsync(db, words, cancellationToken));
        var inHeadline = await NewestAsync(db, published, headline: true, match, limit, cancellationToken);
        var hits = inHeadline.Select(id => new SearchHit(id, 0)).ToList();
        if (hits.Count < limit)
        {
            var first = inHeadline.ToHashSet();
            hits.AddRange((await NewestAsync(db, published, headline: false, match, limit + inHeadline.Count, cancellationToken))
                .Where(id => !first.Contains(id)).Take(limit - hits.Count).Select(id => new SearchHit(id, 1)));
        }
        return hits;
    }

    /// <summary>The newest claims matching an FTS5 expression in one of the four indexes, newest first.</summary>
    private Task<List<int>> NewestAsync(AppDbContext db, bool published, bool headline, string match, int limit, CancellationToken cancellationToken)
    {
        // The table name is one of four constants; the match and the limit travel as parameters.
        var table = (published, headline) switch
        {
            (true, true) => "ClaimSearchPublishedHeadline",
            (true, false) => "ClaimSearchPublished",
            (false, true) => "ClaimSearchHeadline",
            (false, false) => "ClaimSearch",
        };
        return ReadAsync(db, "SELECT rowid FROM " + table + " WHERE " + table + " MATCH $match ORDER BY rowid DESC LIMIT $limit",
            [("$match", match), ("$limit", limit)], reader => reader.GetInt32(0), cancellationToken);
    }

    /// <summary>
    /// Runs one of this class's own SQL statements on the context's connection (inside its transaction, if any) and
    /// reads its rows. A search runs two or three such statements per page view; through EF's raw-SQL queries each
    /// one paid for building its SQL and a reader delegate anew, several times the cost of the statement itself.
    /// Outside a transaction they run on kept statements like EF's queries (<see cref="SqliteStatementCache"/>).
    /// </summary>
    private async Task<List<T>> ReadAsync<T>(AppDbContext db, string sql, (string Name, object Value)[] parameters,
        Func<System.Data.Common.DbDataReader, T> read, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = sql;
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            foreach (var (name, value) in parameters)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = name;
                parameter.Value = value;
                command.Parameters.Add(parameter);
            }
            var rows = new List<T>();
            await using var reader = statements is not null && command is Microsoft.Data.Sqlite.SqliteCommand sqlite
                ? statements.ExecuteReader(sqlite, db, cancellationToken)
                : await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add(read(reader));
            }
            return rows;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>How many indexed words a search word may begin before the index's own prefix search is used instead of naming them.</summary>
    public const int PrefixExpansionLimit = 32;

    /// <summary>
    /// Each search word as a prefix: the indexed words it begins, named one by one ("raketen" → raketen OR
    /// raketenangriff), which the index walks newest first and lazily. The index's own prefix query
    /// ("raketen"*) would merge the entries of every matching word before returning the first match —
    /// at 100,000 claims most of a search's time. A word that begins many indexed words (a single letter),
    /// or that the vocabulary does not know, is left to the prefix query. One query for all words.
    /// </summary>
    private async Task<IEnumerable<string>> PrefixTermsAsync(AppDbContext db, IReadOnlyList<string> words, CancellationToken cancellationToken)
    {
        var keys = JsonSerializer.Serialize(words.Select(SearchText.WithoutDiacritics));
        // Every word beginning with a key sorts between the key and the key followed by the last code point, U+10FFFF.
        var completions = await ReadAsync(db, $"""
            SELECT (SELECT json_group_array(Term) FROM (SELECT Term FROM SearchTerms
                    WHERE Term >= k.value AND Term < k.value || char(1114111) ORDER BY Term LIMIT {PrefixExpansionLimit + 1}))
            FROM json_each($keys) AS k ORDER BY k.key
            """, [("$keys", keys)], reader => reader.GetString(0), cancellationToken);
        return words.Select((word, i) => JsonSerializer.Deserialize<List<string>>(completions[i]) is { Count: > 0 and <= PrefixExpansionLimit } named
            ? "(" + string.Join(" OR ", named.Select(Quoted)) + ")"
            : Quoted(word) + "*");
    }

    /// <summary>A word as an FTS5 string: searched for, never interpreted as query syntax.</summary>
    private static string Quoted(string word) => "\"" + word.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    public Task<IReadOnlyList<SearchHit>> SimilarAsync(AppDbContext db, string text, int limit,
        CancellationToken cancellationToken = default) =>
        MatchAsync(db, string.Join(" OR ", SearchText.Words(text).Where(w => w.Length > 2 && !SearchText.StopWords.Contains(w)).Select(w => $"\"{w}\"")),
            limit, cancellationToken);

    /// <summary>How many of the newest claims sharing a word with the text are ranked by relevance.</summary>
    private const int SimilarCandidates = 500;

    private static async Task<IReadOnlyList<SearchHit>> MatchAsync(AppDbContext db, string match, int limit, CancellationToken cancellationToken)
    {
        if (match.Length == 0)
        {
            return [];
        }
        // Every word is quoted: FTS5 syntax in the text is searched for, never interpreted. Only the newest
        // candidates are scored (bm25 costs O(matches); common words can match most of a large archive).
        var candidates = await db.Database
            .SqlQuery<SearchHit>($"""
                SELECT rowid AS ClaimId, bm25(ClaimSearch, 0.0, 5.0, 1.0) AS Score FROM ClaimSearch
                WHERE ClaimSearch MATCH {match} ORDER BY rowid DESC LIMIT {SimilarCandidates}
                """)
            .ToListAsync(cancellationToken);
        // bm25 is lower for better matches; ties go to the newer claim.
        return candidates.OrderBy(h => h.Score).ThenByDescending(h => h.ClaimId).Take(limit).ToList();
    }
}
