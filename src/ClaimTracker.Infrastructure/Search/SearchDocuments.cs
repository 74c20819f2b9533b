using ClaimTracker.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace ClaimTracker.Infrastructure.Search;

/// <summary>
/// What a search index holds of one claim, folded once (lower case, ß → ss): its headline, and as body
/// everything else searched: the claim as made, its translation, summary, statements and sources.
/// </summary>
public sealed record SearchDocument(int ClaimId, string Language, string Headline, string Body);

/// <summary>Reads the texts both engines' indexes are built from: the working copy and the approved version readers see.</summary>
public static class SearchDocuments
{
    /// <summary>How many claims one reindex round reads and writes.</summary>
    public const int ChunkSize = 400;

    /// <summary>
    /// Reads these claims' documents a chunk at a time and hands each chunk's ids, working copies, the ids whose
    /// approved versions are to be rewritten (those of <paramref name="publishedClaimIds"/> in the chunk; all when it
    /// is null) and those approved versions to the engine's writer: the reindex loop both engines share.
    /// </summary>
    public static async Task InChunksAsync(AppDbContext db, IReadOnlyCollection<int> claimIds, IReadOnlyCollection<int>? publishedClaimIds,
        Func<int[], List<SearchDocument>, int[], List<SearchDocument>, Task> write, CancellationToken cancellationToken)
    {
        var rewritePublished = publishedClaimIds?.ToHashSet();
        foreach (var chunk in claimIds.Concat(publishedClaimIds ?? []).Distinct().Order().Chunk(ChunkSize))
        {
            var publishedIds = rewritePublished is null ? chunk : chunk.Where(rewritePublished.Contains).ToArray();
            var (working, published) = await LoadAsync(db, chunk, publishedIds, cancellationToken);
            await write(chunk, working, publishedIds, published);
        }
    }

    /// <summary>The working copies of these claims, and the approved versions of those of <paramref name="publishedIds"/> that are public.</summary>
    public static async Task<(List<SearchDocument> Working, List<SearchDocument> Published)> LoadAsync(AppDbContext db,
        IReadOnlyList<int> ids, IReadOnlyList<int> publishedIds, CancellationToken cancellationToken)
    {
        var claims = await db.Claims.AsNoTracking().Where(c => ids.Contains(c.Id))
            .Select(c => new { c.Id, c.Language, c.Headline, c.OriginalText, c.Translation, c.Summary }).ToListAsync(cancellationToken);
        var statements = (await db.Statements.AsNoTracking().Where(s => ids.Contains(s.ClaimId))
            .Select(s => new { s.ClaimId, s.Quote, s.Translation }).ToListAsync(cancellationToken)).ToLookup(s => s.ClaimId);
        var sources = (await db.ClaimSources.AsNoTracking().Where(cs => ids.Contains(cs.ClaimId))
            .Select(cs => new { cs.ClaimId, cs.Quote, cs.Source!.Title, cs.Source.Excerpt }).ToListAsync(cancellationToken)).ToLookup(s => s.ClaimId);
        var snapshots = publishedIds.Count == 0 ? []
            : await db.Claims.AsNoTracking().Where(c => publishedIds.Contains(c.Id) && c.IsPublic)
                .Join(db.ClaimVersions, c => new { c.Id, Number = c.PublishedVersion!.Value }, v => new { Id = v.ClaimId, v.Number }, (c, v) => new { c.Id, v.Snapshot })
                .ToListAsync(cancellationToken);

        var working = claims.Select(c => Document(c.Id, c.Language, c.Headline, c.OriginalText, c.Translation, c.Summary.Html,
            statements[c.Id].SelectMany(s => new[] { s.Quote, s.Translation }),
            sources[c.Id].SelectMany(s => new[] { s.Quote, s.Title, s.Excerpt }))).ToList();
        var published = snapshots.Select(v =>
        {
            var claim = Workflow.ClaimSnapshot.Read(v.Snapshot);
            return Document(v.Id, claim.Language, claim.Headline, claim.OriginalText, claim.Translation, claim.Summary.Html,
                claim.Statements.SelectMany(s => new[] { s.Quote, s.Translation }),
                claim.Sources.SelectMany(s => new[] { s.Quote, s.Title, s.Excerpt }));
        }).ToList();
        return (working, published);
    }

    private static SearchDocument Document(int id, string language, string headline, string originalText, string? translation, string summaryHtml,
        IEnumerable<string?> statements, IEnumerable<string?> sources) =>
        new(id, language, SearchText.Fold(headline), SearchText.Fold(string.Join('\n',
            new[] { originalText, translation, SearchText.FromHtml(summaryHtml) }.Concat(statements).Concat(sources).Where(t => t is not null))));
}
