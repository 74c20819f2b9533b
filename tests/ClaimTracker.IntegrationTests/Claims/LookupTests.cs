using System.Net;
using System.Text.Json;
using ClaimTracker.Domain.Accounts;
using ClaimTracker.IntegrationTests.Infrastructure;

namespace ClaimTracker.IntegrationTests.Claims;

/// <summary>The type-ahead endpoint: staff only, actors by any of their names, claims by headline giving their slug.</summary>
public sealed class LookupTests(DevelopmentFactory factory) : IClassFixture<DevelopmentFactory>
{
    private static async Task<List<(string Value, string Label)>> SuggestionsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.EnumerateArray().Select(s => (s.GetProperty("value").GetString()!, s.GetProperty("label").GetString()!)).ToList();
    }

    [Fact]
    public async Task Actors_AreFoundByAnyOfTheirNames_CaseAndAccentsAside()
    {
        var editor = await factory.SignedInAsync($"vorschlag-{Guid.NewGuid():N}@example.org", Roles.Reviewer);

        var north = await SuggestionsAsync(await editor.GetAsync("/editor/lookup/actors?q=north%20k"));
        Assert.Contains(("Nordkorea", "Nordkorea (North Korea)"), north);
        var sued = await SuggestionsAsync(await editor.GetAsync("/editor/lookup/actors?q=SUDKOR"));
        Assert.Equal("Südkorea", sued.First().Value);
        Assert.Empty(await SuggestionsAsync(await editor.GetAsync("/editor/lookup/actors?q=")));
    }

    [Fact]
    public async Task Claims_AreFoundByHeadline_AndSuggestTheirSlug()
    {
        var editor = await factory.SignedInAsync($"vorschlag-claim-{Guid.NewGuid():N}@example.org", Roles.Editor);

        var found = await SuggestionsAsync(await editor.GetAsync("/editor/lookup/claims?q=artillerie%20und"));

        Assert.Contains(found, s => s.Value == ClaimTracker.Infrastructure.Seeding.DemoData.ArmsSlug && s.Label == "Nordkorea liefert Russland Artillerie und Raketen");
        Assert.Empty(await SuggestionsAsync(await editor.GetAsync("/editor/lookup/claims?q=%25")));
    }

    [Fact]
    public async Task Readers_GetNothing()
    {
        var response = await factory.CreateBrowser().GetAsync("/editor/lookup/actors?q=nord");
        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
    }
}
