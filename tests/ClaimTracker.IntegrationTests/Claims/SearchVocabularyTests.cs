using ClaimTracker.Infrastructure.Claims;
using ClaimTracker.Infrastructure.Search;
using ClaimTracker.IntegrationTests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ClaimTracker.IntegrationTests.Claims;

/// <summary>
/// Search words match as prefixes by naming the indexed words they begin (the search vocabulary): the
/// vocabulary must spell words as the index does, learn the words of every save, and fall back to the
/// index's prefix search where naming the words would not do.
/// </summary>
[Trait("Engine", "Sqlite")]
public sealed class SearchVocabularyTests(ClaimTrackerFactory factory) : IClassFixture<ClaimTrackerFactory>
{
    /// <summary>A query word is looked up in the vocabulary as the index's tokenizer spells it; a different spelling would miss claims.</summary>
    [Fact]
    public async Task QueryFolding_SpellsEveryWordOfTheSeedArticlesAsTheIndexDoes()
    {
        var text = SearchText.Fold(SeedArticles.All() + "\nŁódź Øresund Ærø naïve Café São Paulo İstanbul Straße ẞ Ångström Dvořák Ελλάδα Москва 2024 Nº");
        await using var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            CREATE VIRTUAL TABLE t USING fts5(text, tokenize = 'unicode61 remove_diacritics 2');
            CREATE VIRTUAL TABLE v USING fts5vocab(t, row);
            INSERT INTO t (text) VALUES ($text);
            SELECT term FROM v;
            """;
        command.Parameters.AddWithValue("$text", text);
        var indexed = new HashSet<string>(StringComparer.Ordinal);
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                indexed.Add(reader.GetString(0));
            }
        }

        var folded = SearchText.Words(text).Select(SearchText.WithoutDiacritics).ToHashSet(StringComparer.Ordinal);

        Assert.True(indexed.Count > 500, $"only {indexed.Count} words indexed");
        Assert.Empty(folded.Except(indexed).Order());
        Assert.Empty(indexed.Except(folded).Order());
    }

    [Fact]
    public async Task Save_AddsItsWordsToTheVocabulary_SoAPrefixFindsThem()
    {
        var id = await factory.CreateClaimAsync("Treffen in Wladiwostok bestätigt", "Die Gespräche über Munitionslieferungen dauerten zwei Tage.");

        var terms = await factory.WithDbAsync(db => db.Database.SqlQuery<string>($"SELECT Term AS Value FROM SearchTerms WHERE Term >= 'munitionsl' AND Term < 'munitionsm'").ToListAsync());
        Assert.Contains("munitionslieferungen", terms);
        Assert.Contains(id, await IdsAsync("Wladi bestat munitionsl"));
        Assert.Contains(id, await IdsAsync("WLADIWOSTOK Bestätigt"));
    }

    [Fact]
    public async Task WordBeginningMoreIndexedWordsThanTheLimit_StillMatchesAsAPrefix()
    {
        var words = Enumerable.Range(0, SqliteClaimSearch.PrefixExpansionLimit + 8).Select(i => "quarzwerk" + (char)('a' + i % 26) + (char)('a' + i / 26)).ToList();
        var id = await factory.CreateClaimAsync("Quarzwerke im Überblick", string.Join(' ', words) + ".");
        var other = await factory.CreateClaimAsync("Nur ein Quarzwerkzeug", "Kein Bezug.");

        var prefix = await IdsAsync("quarzwerk");
        Assert.Contains(id, prefix);
        Assert.Contains(other, prefix);
        Assert.Equal([id], (await IdsAsync(words[^1])).Where(i => i == id || i == other));
    }

    [Fact]
    public async Task UnknownWord_FindsNothing()
    {
        await factory.CreateClaimAsync("Ein ganz gewöhnlicher Fall", "Nichts Besonderes.");
        Assert.Empty(await IdsAsync("gewöhnlicher xylophonwerkstatt"));
    }

    private async Task<List<int>> IdsAsync(string query)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var rows = await scope.ServiceProvider.GetRequiredService<ClaimTracker.Web.Pages.Editor.Claims.DeskListQuery>().GetAsync(new ClaimFilter(Query: query));
        return rows.Select(r => r.Id).ToList();
    }
}
