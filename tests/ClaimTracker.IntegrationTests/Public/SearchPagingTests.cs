using System.Text.Json;
using ClaimTracker.IntegrationTests.Infrastructure;

namespace ClaimTracker.IntegrationTests.Public;

/// <summary>A search with more matches than a page goes on to the next page, on the list and in the API; a bad page link says so.</summary>
public sealed class SearchPagingTests(ClaimTrackerFactory factory) : IClassFixture<ClaimTrackerFactory>
{
    [Fact]
    public async Task SearchWithThirtyMatches_ShowsTwentyFive_ThenTheRest_OnListAndApi()
    {
        var word = "Zwergkanonenboot" + Guid.NewGuid().ToString("N")[..6];
        var slugs = new List<string>();
        for (var i = 0; i < 30; i++)
        {
            slugs.Add(await factory.PublishAsync(await factory.CreateClaimAsync($"{word} Meldung {i}", $"Das {word} wurde gesichtet, Nummer {i}.")));
        }
        var reader = factory.CreateBrowser();

        var seen = new List<string>();
        var path = $"/claims?q={word}";
        var pages = 0;
        while (path is not null)
        {
            var page = await reader.GetAsync(path, expectOk: true);
            seen.AddRange(page.QuerySelectorAll(".public-claims li a").Select(a => a.GetAttribute("href")!["/claims/".Length..]));
            path = page.GetElementById("next-page")?.GetAttribute("href");
            pages++;
        }
        Assert.Equal(2, pages);
        Assert.Equal(slugs.Order(), seen.Order());

        var api = new List<string>();
        string? next = $"/api/claims?q={word}";
        while (next is not null)
        {
            using var json = JsonDocument.Parse(await reader.GetStringAsync(next));
            var items = json.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("slug").GetString()!).ToList();
            Assert.True(items.Count <= ClaimTracker.Infrastructure.Claims.PublicLists.PageSize);
            api.AddRange(items);
            next = json.RootElement.GetProperty("next").GetString() is { } link ? new Uri(link).PathAndQuery : null;
        }
        Assert.Equal(seen, api);
    }

    [Fact]
    public async Task ListWithABrokenPageLink_SaysSo_AndShowsTheFirstPage()
    {
        var newest = "Neueste Behauptung " + Guid.NewGuid().ToString("N")[..6];
        var id = await factory.CreateClaimAsync(newest);
        // Dated today by the app's clock: no claim of this class has a later status date.
        var today = DateOnly.FromDateTime(Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions
            .GetRequiredService<TimeProvider>(factory.Services).GetUtcNow().UtcDateTime);
        await factory.SetStatusAsync(id, "false", today);
        await factory.PublishAsync(id);

        var response = await factory.CreateBrowser().GetAsync("/claims?after=20241130-abc");

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.NotNull(page.GetElementById("cursor-refused"));
        // Under the notice: the first page, with the newest status change on top.
        Assert.Contains(newest, page.QuerySelector(".public-claims")!.TextContent);
    }
}
