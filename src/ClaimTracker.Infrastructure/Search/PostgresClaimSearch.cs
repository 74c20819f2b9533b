using System.Globalization;
using System.Text;
using ClaimTracker.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace ClaimTracker.Infrastructure.Search;

/// <summary>
/// PostgreSQL full-text search (tsvector columns with GIN indexes), with the same rules as the SQLite
/// index: diacritics removed and ß folded to ss on both sides ("Munchen" finds "München", "strasse"
/// finds "Straße"), every word also a prefix, headline matches first, then newest first. Each claim is
/// indexed with the plain words ('simple') and with the stems of its language ('german' for de,
/// 'english' for en), so "Rakete" also finds "Raketen". Two tables, like the SQLite indexes:
/// ClaimSearch for the desk's working copies, ClaimSearchPublished for the approved versions readers see.
/// </summary>
public sealed class PostgresClaimSearch : IClaimSearch
{
    /// <summary>The text search configuration of a claim's language: stems for German and English, plain words otherwise.</summary>
    public static string ConfigurationFor(string language) =>
        (language.Split('-', 2)[0].ToLowerInvariant()) switch
        {
            "de" => "german",
            "en" => "english",
            _ => "simple",
        };

    /// <summary>Diacritics removed where FTS5's tokenizer removes them on SQLite (Latin letters), after the shared folding.</summary>
    private static string Plain(string folded) => SearchText.WithoutDiacritics(folded);

    public Task ReindexAsync(AppDbContext db, IReadOnlyCollection<int> claimIds, IReadOnlyCollection<int>? publishedClaimIds = null,
        CancellationToken cancellationToken = default) =>
        SearchDocuments.InChunksAsync(db, claimIds, publishedClaimIds, async (ids, working, publishedIds, published) =>
        {
            await ReplaceAsync(db, "ClaimSearch", ids, working, cancellationToken);
            if (publishedIds.Length > 0)
            {
                await ReplaceAsync(db, "ClaimSearchPublished", publishedIds, published, cancellationToken);
            }
        }, cancellationToken);

    /// <param name="table">One of the two index tables (a constant, never input).</param>
    private static async Task ReplaceAsync(AppDbContext db, string table, int[] ids, List<SearchDocument> rows, CancellationToken cancellationToken)
    {
        // Only the table name (a constant) is put into the SQL; values travel as parameters.
        var delete = $"DELETE FROM \"{table}\" WHERE \"ClaimId\" = ANY({{0}})";
        await db.Database.ExecuteSqlRawAsync(delete, [ids], cancellationToken);
        if (rows.Count == 0)
        {
            return;
        }
        // One statement for the chunk: the texts travel as four arrays, unnested row by row.
        var insert = $$"""
            INSERT INTO "{{table}}" ("ClaimId", "Headline", "Document")
            SELECT d.id,
                   to_tsvector('simple', d.headline) || to_tsvector(d.config::regconfig, d.headline),
                   to_tsvector('simple', d.headline || E'\n' || d.body) || to_tsvector(d.config::regconfig, d.headline || E'\n' || d.body)
            FROM unnest({0}, {1}, {2}, {3}) AS d(id, config, headline, body)
            """;
        await db.Database.ExecuteSqlRawAsync(insert,
            [
                rows.Select(r => r.ClaimId).ToArray(), rows.Select(r => ConfigurationFor(r.Language)).ToArray(),
                rows.Select(r => Plain(r.Headline)).ToArray(), rows.Select(r => Plain(r.Body)).ToArray(),
            ], cancellationToken);
    }

    public async Task<IReadOnlyList<SearchHit>> SearchAsync(AppDbContext db, string query, int limit,
        CancellationToken cancellationToken = default, bool published = false)
    {
        var words = SearchText.Words(query).Select(Plain).Distinct().ToList();
        if (words.Count == 0)
        {
            return [];
        }
        var table = published ? "ClaimSearchPublished" : "ClaimSearch";
        var match = AllWords(words.Count);
        var inHeadline = await NewestAsync(db, table, "Headline", match, words, limit, cancellationToken);
        var hits = inHeadline.Select(id => new SearchHit(id, 0)).ToList();
        if (hits.Count < limit)
        {
            var first = inHeadline.ToHashSet();
            hits.AddRange((await NewestAsync(db, table, "Document", match, words, limit + inHeadline.Count, cancellationToken))
                .Where(id => !first.Contains(id)).Take(limit - hits.Count).Select(id => new SearchHit(id, 1)));
        }
        return hits;
    }

    /// <summary>
    /// A tsquery requiring every word ({0}, {1} … are the words): each as a prefix of a plain word, or as a
    /// German or English stem. Words are letters and digits only (SearchText.Words), so none is query syntax.
    /// </summary>
    private static string AllWords(int count)
    {
        var sql = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            var p = "{" + i.ToString(CultureInfo.InvariantCulture) + "}";
            sql.Append(i == 0 ? "" : " && ")
                .Append("(to_tsquery('simple', ").Append(p).Append(" || ':*') || to_tsquery('german', ").Append(p)
                .Append(") || to_tsquery('english', ").Append(p).Append("))");
        }
        return sql.ToString();
    }

    /// <param name="table">An index table, a constant.</param>
    /// <param name="column">Headline or Document, a constant.</param>
    private static Task<List<int>> NewestAsync(AppDbContext db, string table, string column, string match, List<string> words, int limit,
        CancellationToken cancellationToken)
    {
        // Names are constants and the match holds only placeholders; the words travel as parameters.
        var sql = $"SELECT \"ClaimId\" AS \"Value\" FROM \"{table}\" WHERE \"{column}\" @@ ({match}) ORDER BY \"ClaimId\" DESC LIMIT {limit.ToString(CultureInfo.InvariantCulture)}";
        return db.Database.SqlQueryRaw<int>(sql, words.Cast<object>().ToArray()).ToListAsync(cancellationToken);
    }

    /// <summary>How many of the newest claims sharing a word with the text are ranked by relevance.</summary>
    private const int SimilarCandidates = 500;

    /// <summary>Claims sharing any (non-trivial) word with the text; ranked with headline words counting five times.</summary>
    public async Task<IReadOnlyList<SearchHit>> SimilarAsync(AppDbContext db, string text, int limit, CancellationToken cancellationToken = default)
    {
        var words = SearchText.Words(text).Where(w => w.Length > 2 && !SearchText.StopWords.Contains(w)).Select(Plain).Distinct().ToArray();
        if (words.Length == 0)
        {
            return [];
        }
        var similar = $$"""
            WITH q AS (SELECT to_tsquery('simple', string_agg(w, ' | ')) AS query FROM unnest({0}::text[]) AS w)
            SELECT c."ClaimId", -(5 * ts_rank(c."Headline", q.query) + ts_rank(c."Document", q.query))::float8 AS "Score"
            FROM (SELECT "ClaimId", "Headline", "Document" FROM "ClaimSearch", q WHERE "Document" @@ q.query
                  ORDER BY "ClaimId" DESC LIMIT {{SimilarCandidates.ToString(CultureInfo.InvariantCulture)}}) AS c, q
            """;
        var candidates = await db.Database.SqlQueryRaw<SearchHit>(similar, [words]).ToListAsync(cancellationToken);
        // A lower score is a better match (the ranks are negated); ties go to the newer claim.
        return candidates.OrderBy(h => h.Score).ThenByDescending(h => h.ClaimId).Take(limit).ToList();
    }
}
