using ClaimTracker.Domain.Accounts;
using ClaimTracker.Infrastructure.Claims;
using ClaimTracker.Infrastructure.Data;
using ClaimTracker.Infrastructure.Search;
using ClaimTracker.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace ClaimTracker.IntegrationTests.Claims;

/// <summary>Search over German text on the real FTS5 index, kept in sync by every save.</summary>
public sealed class ClaimSearchTests(ClaimTrackerFactory factory) : IClassFixture<ClaimTrackerFactory>, IAsyncLifetime
{
    private int munich;
    private int street;
    private int missiles;
    private int bodyOnly;

    public async ValueTask InitializeAsync()
    {
        munich = await SeedAsync("Treffen in München abgesagt", "Das Treffen in München fand nicht statt.");
        street = await SeedAsync("Panzer auf der Hauptstraße gesichtet", "Augenzeugen sahen Panzer auf der Straße.");
        missiles = await SeedAsync("Pjöngjang liefert ballistische Raketen", "Die verbotenen ballistischen Raketen des Nordens.");
        bodyOnly = await SeedAsync("Ein Besuch im Fernen Osten", "Dabei ging es auch um Raketen und Munition.");
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Theory]
    [InlineData("Munchen")]
    [InlineData("münchen")]
    [InlineData("MÜNCHEN")]
    public async Task Search_WithoutOrWithDiacritics_FindsMunchen(string query) =>
        Assert.Contains(munich, await IdsAsync(query));

    [Theory]
    [InlineData("strasse")]
    [InlineData("Straße")]
    [InlineData("hauptstrasse")]
    public async Task Search_SsAndEszett_FindEachOther(string query) =>
        Assert.Contains(street, await IdsAsync(query));

    [Fact]
    public async Task Search_Prefix_FindsLongerWords() => Assert.Contains(missiles, await IdsAsync("Pjong ballist"));

    [Fact]
    public async Task Search_HeadlineMatch_RanksAboveBodyMatch()
    {
        var ids = await IdsAsync("Raketen");
        Assert.True(ids.IndexOf(missiles) >= 0 && ids.IndexOf(missiles) < ids.IndexOf(bodyOnly), string.Join(",", ids));
    }

    [Fact]
    public async Task Search_HeadlineMatchesThenOtherMatches_NewestFirstWithinEach()
    {
        var older = await SeedAsync("Kasachstan meldet Drohnenfund", "Ein Fund.");
        var inBody = await SeedAsync("Ein Bericht aus Zentralasien", "Der Drohnenfund in Kasachstan ist bestätigt.");
        var newer = await SeedAsync("Erneuter Drohnenfund in Kasachstan", "Noch ein Fund.");

        var ids = (await IdsAsync("kasachst drohnenf")).Where(i => i == older || i == newer || i == inBody).ToList();

        Assert.Equal([newer, older, inBody], ids);
    }

    [Fact]
    public async Task Search_EveryWordMustMatch() => Assert.DoesNotContain(munich, await IdsAsync("München Raketen"));

    [Theory]
    [InlineData("\"")]
    [InlineData("NEAR(a b")]
    [InlineData("*")]
    [InlineData("münchen OR AND NOT")]
    public async Task Search_Fts5SyntaxInTheQuery_IsSearchedForNotInterpreted(string query) =>
        await IdsAsync(query); // must not throw

    [Fact]
    public async Task Search_FollowsEdits_OldWordsDisappear()
    {
        var id = await SeedAsync("Zwischenfall in Wladiwostok", "Ein Zwischenfall.");
        Assert.Contains(id, await IdsAsync("Wladiwostok"));
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var queries = scope.ServiceProvider.GetRequiredService<ClaimDetailsQuery>();
            var details = (await queries.GetAsync(id))!;
            var editor = scope.ServiceProvider.GetRequiredService<EditClaim>();
            var result = await editor.EditAsync(id, details.Version, new ClaimInput("Zwischenfall in Chabarowsk", "Ein Zwischenfall.", "de",
                null, null, false, null, null, null, [], [], null, null), "search@example.org");
            Assert.True(result.Succeeded);
        }
        Assert.DoesNotContain(id, await IdsAsync("Wladiwostok"));
        Assert.Contains(id, await IdsAsync("Chabarowsk"));
    }

    [Fact]
    public async Task Search_HeadlineEditedAway_TheClaimIsNoLongerAHeadlineMatch_ForReadersOnceApproved()
    {
        var id = await SeedAsync("Frachter vor Wladiwostok entladen", "Augenzeugen sahen den Frachter vor Wladiwostok.");
        await factory.PublishAsync(id);
        Assert.Equal((0.0, 0.0), await HeadlineScoresAsync(id, "frachter wladiwostok"));

        await EditHeadlineAsync(id, "Frachter im Hafen entladen");
        // The desk searches the working copy at once; readers keep the approved headline until a reviewer approves.
        Assert.Equal((1.0, 0.0), await HeadlineScoresAsync(id, "frachter wladiwostok"));
        await factory.PublishAsync(id);
        Assert.Equal((1.0, 1.0), await HeadlineScoresAsync(id, "frachter wladiwostok"));
        Assert.Equal((0.0, 0.0), await HeadlineScoresAsync(id, "frachter hafen"));
    }

    /// <summary>The claim's score in the desk's search and in the readers' search: 0 headline match, 1 elsewhere.</summary>
    private async Task<(double Working, double Published)> HeadlineScoresAsync(int id, string query)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var search = scope.ServiceProvider.GetRequiredService<IClaimSearch>();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var working = (await search.SearchAsync(db, query, 500)).Single(h => h.ClaimId == id);
        var published = (await search.SearchAsync(db, query, 500, published: true)).Single(h => h.ClaimId == id);
        return (working.Score, published.Score);
    }

    private async Task EditHeadlineAsync(int id, string headline)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var details = (await scope.ServiceProvider.GetRequiredService<ClaimDetailsQuery>().GetAsync(id))!;
        var result = await scope.ServiceProvider.GetRequiredService<EditClaim>().EditAsync(id, details.Version, new ClaimInput(headline,
            details.OriginalText, "de", null, null, false, null, null, null, [], [], null, null), "search@example.org");
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Message)));
    }

    [Fact]
    public async Task Search_FindsStatementQuotesAndSourceExcerpts()
    {
        var editor = await factory.SignedInAsync($"suche-{Guid.NewGuid():N}@example.org", Roles.Editor);
        var id = await SeedAsync("Fall mit Auszug", "Kurz.");
        await editor.SubmitAsync(await editor.GetAsync($"/editor/claims/source/{id}", expectOk: true), "new-source-form",
            ("Source.Url", $"https://agentur.example/{Guid.NewGuid():N}"), ("Source.Title", "Interfax-Meldung"),
            ("Source.Excerpt", "Man wählt seine Nachbarn nicht aus, zitierte ihn die Nachrichtenagentur."));

        Assert.Contains(id, await IdsAsync("Nachbarn"));
        Assert.Contains(id, await IdsAsync("interfax"));
    }

    [Fact]
    public async Task ClaimList_SearchBox_ShowsBestMatchesFirst()
    {
        var editor = await factory.SignedInAsync($"liste-{Guid.NewGuid():N}@example.org", Roles.Editor);
        var page = await editor.GetAsync("/editor/claims?q=Raketen", expectOk: true);
        var headlines = page.QuerySelectorAll("table.claims tbody tr td:first-child").Select(td => td.TextContent.Trim()).ToList();
        Assert.True(headlines.IndexOf("Pjöngjang liefert ballistische Raketen") < headlines.IndexOf("Ein Besuch im Fernen Osten"));
    }

    private Task<int> SeedAsync(string headline, string text) => factory.CreateClaimAsync(headline, text);

    private async Task<List<int>> IdsAsync(string query)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var rows = await scope.ServiceProvider.GetRequiredService<ClaimTracker.Web.Pages.Editor.Claims.DeskListQuery>().GetAsync(new ClaimFilter(Query: query));
        return rows.Select(r => r.Id).ToList();
    }
}
