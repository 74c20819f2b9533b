using ClaimTracker.Domain.Accounts;
using ClaimTracker.Infrastructure.Claims;
using ClaimTracker.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ClaimTracker.IntegrationTests.Claims;

/// <summary>The activity trail speaks the desk's words, pages by keyset and filters by person, claim and day.</summary>
public sealed class ActivityTrailTests(FakeClockFactory factory) : IClassFixture<FakeClockFactory>
{
    [Fact]
    public async Task StatusChange_ReadsAsStatusNames_RichTextAsText_TimesToTheSecond()
    {
        var id = await factory.CreateClaimAsync($"Verlauf in Worten {Guid.NewGuid().ToString("N")[..6]}");
        await factory.SetStatusAsync(id, "unproven", new DateOnly(2024, 6, 18));
        await factory.SetStatusAsync(id, "corroborated", new DateOnly(2024, 11, 30));
        var editor = await factory.SignedInAsync($"verlauf-{Guid.NewGuid():N}@example.org", Roles.Editor);

        var page = await editor.GetAsync($"/editor/activity?claim={id}", expectOk: true);

        var rows = page.QuerySelectorAll("#changes tbody tr").Select(r => r.TextContent).ToList();
        Assert.Contains(rows, r => r.Contains("changed claim") && r.Contains("Current status") && r.Contains("Unproven") && r.Contains("Corroborated"));
        Assert.DoesNotContain(rows, r => r.Contains("StatusId") || r.Contains("<p>"));
        Assert.Contains("Verlauf in Worten", page.GetElementById("activity-claim")!.TextContent);
        Assert.All(page.QuerySelectorAll("#changes time"), t => Assert.Matches(@"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$", t.TextContent));
    }

    [Fact]
    public async Task Trail_FiltersByPersonClaimAndDay_AndPagesWithoutGapsOrRepeats()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var person = $"anna-{tag}@example.org";
        var browser = await factory.SignedInAsync(person, Roles.Editor);
        var day1 = DateOnly.FromDateTime(factory.Clock.GetUtcNow().UtcDateTime);
        var first = await factory.CreateClaimAsync($"Erster Tag {tag}");
        await browser.SubmitAsync(await browser.GetAsync($"/editor/claims/edit/{first}", expectOk: true), "claim-form", ("Input.Headline", $"Erster Tag {tag}, bearbeitet"));
        factory.Clock.Advance(TimeSpan.FromDays(3));
        var later = await factory.CreateClaimAsync($"Später {tag}");
        for (var i = 0; i < 11; i++)
        {
            await using var scope = factory.Services.CreateAsyncScope();
            var editor = scope.ServiceProvider.GetRequiredService<EditClaim>();
            var data = (await scope.ServiceProvider.GetRequiredService<ClaimTracker.Web.Pages.Editor.Claims.ClaimEditQuery>().GetAsync(later))!;
            var result = await editor.EditAsync(later, data.Version, new ClaimInput($"Später {tag} ({i})", "Ein Satz.", "de", null, null, false, null, null,
                null, [], [], null, null), "builder@example.org");
            Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Message)));
        }
        // Three days on, the morning's session has ended: sign in again.
        browser = factory.CreateBrowser();
        await browser.SignInAsync(person, ClaimTrackerFactory.Password);

        var mine = await browser.GetAsync($"/editor/activity?person={Uri.EscapeDataString(person)}", expectOk: true);
        Assert.NotEmpty(mine.QuerySelectorAll("#changes tbody tr"));
        Assert.All(mine.QuerySelectorAll("#changes tbody tr"), r => Assert.Contains(person, r.TextContent));
        var mineLater = await browser.GetAsync($"/editor/activity?person={Uri.EscapeDataString(person)}&from={day1.AddDays(1):yyyy-MM-dd}", expectOk: true);
        Assert.NotNull(mineLater.GetElementById("no-activity"));
        var firstDay = await browser.GetAsync($"/editor/activity?claim={first}&from={day1:yyyy-MM-dd}&to={day1:yyyy-MM-dd}", expectOk: true);
        Assert.Contains($"Erster Tag {tag}, bearbeitet", firstDay.GetElementById("changes")!.TextContent);
        var laterOnFirstDay = await browser.GetAsync($"/editor/activity?claim={later}&to={day1:yyyy-MM-dd}", expectOk: true);
        Assert.NotNull(laterOnFirstDay.GetElementById("no-activity"));

        var expected = await factory.WithDbAsync(db => db.ChangeRecords.CountAsync(r => r.ClaimId == later));
        Assert.True(expected >= 12, $"{expected} changes");
        var seen = new List<string>();
        var path = $"/editor/activity?claim={later}&size=5";
        var pages = 0;
        while (path is not null)
        {
            var page = await browser.GetAsync(path, expectOk: true);
            var rows = page.QuerySelectorAll("#changes tbody tr").ToList();
            Assert.True(rows.Count <= 5);
            seen.AddRange(rows.Select(r => r.QuerySelector("time")!.GetAttribute("datetime") + r.TextContent));
            path = page.GetElementById("activity-older")?.GetAttribute("href");
            pages++;
        }
        Assert.Equal(expected, seen.Count);
        Assert.Equal((expected + 4) / 5, pages);
        Assert.Equal(seen.Count, seen.Distinct().Count());
    }

    [Fact]
    public async Task ClaimPage_ShowsTheLatestTwentyChanges_AndLinksTheFullTrail()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var id = await factory.CreateClaimAsync($"Viele Änderungen {tag}");
        for (var i = 0; i < 22; i++)
        {
            await using var scope = factory.Services.CreateAsyncScope();
            var data = (await scope.ServiceProvider.GetRequiredService<ClaimTracker.Web.Pages.Editor.Claims.ClaimEditQuery>().GetAsync(id))!;
            Assert.True((await scope.ServiceProvider.GetRequiredService<EditClaim>().EditAsync(id, data.Version, new ClaimInput(
                $"Viele Änderungen {tag} ({i})", "Ein Satz.", "de", null, null, false, null, null, null, [], [], null, null), "builder@example.org")).Succeeded);
        }
        var editor = await factory.SignedInAsync($"zwanzig-{tag}@example.org", Roles.Editor);

        var details = await editor.GetAsync($"/editor/claims/details/{id}", expectOk: true);

        Assert.Equal(20, details.QuerySelectorAll("#audit #changes tbody tr").Length);
        Assert.Equal($"/editor/activity?claim={id}", details.GetElementById("full-trail")!.GetAttribute("href"));
    }
}
