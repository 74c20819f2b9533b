using ClaimTracker.Domain.Accounts;
using ClaimTracker.Infrastructure.Claims;
using ClaimTracker.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace ClaimTracker.IntegrationTests.Public;

public sealed class CachingTests(ClaimTrackerFactory factory) : IClassFixture<ClaimTrackerFactory>
{
    [Fact]
    public async Task ClaimPage_IsServedFromCache_AndAnApprovedChangeShowsOnTheVeryNextRequest()
    {
        var id = await factory.CreateClaimAsync("Zwischengespeicherte Behauptung");
        var slug = await factory.PublishAsync(id);
        var reader = factory.CreateBrowser();

        var first = await reader.GetAsync($"/claims/{slug}");
        var second = await reader.GetAsync($"/claims/{slug}");
        Assert.False(first.Headers.Contains("Age"));
        Assert.True(second.Headers.Contains("Age"), "The second anonymous request should come from the output cache.");

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var queries = scope.ServiceProvider.GetRequiredService<ClaimDetailsQuery>();
            var editor = scope.ServiceProvider.GetRequiredService<EditClaim>();
            var version = (await queries.GetAsync(id))!.Version;
            Assert.True((await editor.EditAsync(id, version, new ClaimInput("Geänderte Überschrift", "Ein Satz, wie er gesagt wurde.", "de",
                null, null, false, null, null, null, [], [], null, null), "cache@example.org")).Succeeded);
        }

        var pending = await reader.GetAsync($"/claims/{slug}", expectOk: true);
        Assert.Equal("Zwischengespeicherte Behauptung", pending.GetElementById("claim-headline")!.TextContent);

        await factory.PublishAsync(id);
        var after = await reader.GetAsync($"/claims/{slug}", expectOk: true);
        Assert.Equal("Geänderte Überschrift", after.GetElementById("claim-headline")!.TextContent);
        using var api = System.Text.Json.JsonDocument.Parse(await reader.GetStringAsync($"/api/claims/{slug}"));
        Assert.Equal("Geänderte Überschrift", api.RootElement.GetProperty("headline").GetString());
    }

    [Fact]
    public async Task SignedInStaff_NeverGetACachedPageWithAnotherUsersName()
    {
        var id = await factory.CreateClaimAsync("Persönliche Seite");
        var slug = await factory.PublishAsync(id);
        var anonymous = factory.CreateBrowser();
        await anonymous.GetAsync($"/claims/{slug}");
        await anonymous.GetAsync($"/claims/{slug}");
        var editor = await factory.SignedInAsync($"cache-{Guid.NewGuid():N}@example.org", Roles.Editor);

        var page = await editor.GetAsync($"/claims/{slug}");

        Assert.False(page.Headers.Contains("Age"));
        Assert.NotNull((await Html.ParseAsync(page)).GetElementById("logout-form"));
    }

    [Fact]
    public async Task Caching_CanBeSwitchedOff()
    {
        using var uncached = new ConfiguredFactory(new Dictionary<string, string> { ["Performance:OutputCache"] = "false" });
        var id = await uncached.CreateClaimAsync("Ohne Zwischenspeicher");
        var slug = await uncached.PublishAsync(id);
        var reader = uncached.CreateBrowser();
        await reader.GetAsync($"/claims/{slug}");
        Assert.False((await reader.GetAsync($"/claims/{slug}")).Headers.Contains("Age"));
    }
}
