using System.Net;
using ClaimTracker.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ClaimTracker.IntegrationTests.Public;

public sealed class PublicPagesTests(ClaimTrackerFactory factory) : IClassFixture<ClaimTrackerFactory>
{
    [Fact]
    public async Task Draft_Is404EverywhereForReaders_UntilApproved_AndWithdrawnLeavesOnlyItsNote()
    {
        var marker = "Entwurfsmarker" + Guid.NewGuid().ToString("N")[..6];
        var id = await factory.CreateClaimAsync(marker + " Behauptung", topics: "Entwurfsthema");
        var slug = await factory.WithDbAsync(db => db.Claims.Where(c => c.Id == id).Select(c => c.Slug).SingleAsync());
        var reader = factory.CreateBrowser();

        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync($"/claims/{slug}")).StatusCode);
        Assert.DoesNotContain(marker, await Text(reader, $"/claims?q={marker}"));
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync("/topics/entwurfsthema")).StatusCode);
        Assert.DoesNotContain(marker, await Text(reader, "/"));

        await factory.PublishAsync(id);
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync($"/claims/{slug}")).StatusCode);
        Assert.Contains(marker, await Text(reader, $"/claims?q={marker}"));
        Assert.Contains(marker, await Text(reader, "/topics/entwurfsthema"));

        await factory.PublishAsync(id, isPublic: false);
        var withdrawn = await reader.GetAsync($"/claims/{slug}");
        Assert.Equal(HttpStatusCode.Gone, withdrawn.StatusCode);
        var page = await Html.ParseAsync(withdrawn);
        Assert.Contains("Zurückgezogen für einen Test.", page.GetElementById("withdrawal-note")!.TextContent);
        Assert.Null(page.GetElementById("timeline"));
        foreach (var path in new[] { $"/api/claims/{slug}", $"/claims/{slug}/badge.svg", $"/claims/{slug}/embed", $"/claims/{slug}/versions", $"/claims/{slug}/versions/1" })
        {
            Assert.True((await reader.GetAsync(path)).StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Gone, path);
        }
        Assert.DoesNotContain(marker, await Text(reader, $"/claims?q={marker}"));
    }

    [Fact]
    public async Task List_PagesByKeyset_NewestStatusFirst_WithoutGapsOrRepeats()
    {
        var topic = "Seitenthema" + Guid.NewGuid().ToString("N")[..6];
        var expected = new List<string>();
        for (var i = 0; i < 30; i++)
        {
            var id = await factory.CreateClaimAsync($"Seitenfall {i:00} {topic}", topics: topic);
            await factory.SetStatusAsync(id, "open", new DateOnly(2024, 1, 1).AddDays(i % 10));
            expected.Add(await factory.PublishAsync(id));
        }
        var reader = factory.CreateBrowser();
        var topicSlug = ClaimTracker.Domain.Text.Slug.From(topic);

        var first = await reader.GetAsync($"/claims?topic={topicSlug}", expectOk: true);
        var next = first.GetElementById("next-page")!.GetAttribute("href")!;
        var second = await reader.GetAsync(next, expectOk: true);

        var firstSlugs = Slugs(first);
        var secondSlugs = Slugs(second);
        Assert.Equal(25, firstSlugs.Count);
        Assert.Equal(5, secondSlugs.Count);
        Assert.Null(second.GetElementById("next-page"));
        Assert.Equal(expected.Order(), firstSlugs.Concat(secondSlugs).Order());
        var dates = first.QuerySelectorAll(".public-claims time").Concat(second.QuerySelectorAll(".public-claims time"))
            .Select(t => t.GetAttribute("datetime")!).ToList();
        Assert.Equal(dates.OrderDescending(), dates);
    }

    [Fact]
    public async Task ClaimPage_ShowsOnlyPublishedSubClaims()
    {
        var parent = await factory.CreateClaimAsync("Oberbehauptung " + Guid.NewGuid().ToString("N")[..6]);
        var publicSub = await factory.CreateClaimAsync("Öffentliche Teilbehauptung", parentId: parent);
        var draftSub = await factory.CreateClaimAsync("Geheime Teilbehauptung im Entwurf", parentId: parent);
        var slug = await factory.PublishAsync(parent);
        await factory.PublishAsync(publicSub);

        var page = await factory.CreateBrowser().GetAsync($"/claims/{slug}", expectOk: true);

        var subs = page.GetElementById("sub-claims")!.TextContent;
        Assert.Contains("Öffentliche Teilbehauptung", subs);
        Assert.DoesNotContain("Geheime Teilbehauptung", page.DocumentElement.OuterHtml);
        _ = draftSub;
    }

    [Fact]
    public async Task UnknownActorTopicOrClaim_Is404()
    {
        var reader = factory.CreateBrowser();
        foreach (var path in new[] { "/claims/gibt-es-nicht", "/actors/niemand", "/topics/nichts" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync(path)).StatusCode);
        }
    }

    [Fact]
    public async Task Statuses_ExplainsTheScaleWithRatings()
    {
        var page = await factory.CreateBrowser().GetAsync("/statuses", expectOk: true);
        var rows = page.QuerySelectorAll("#scale tbody tr").Select(r => r.TextContent).ToList();
        Assert.Equal(6, rows.Count);
        Assert.Contains(rows, r => r.Contains("Corroborated") && r.Contains("Erhärtet") && r.Contains("4 of 5"));
        Assert.Contains(rows, r => r.Contains("Open — under review") && r.Contains("not a verdict"));
    }

    private static List<string> Slugs(AngleSharp.Dom.IDocument page) =>
        page.QuerySelectorAll(".public-claims a").Select(a => a.GetAttribute("href")!["/claims/".Length..]).ToList();

    /// <summary>The claims a page lists (not, say, the search box echoing the query).</summary>
    [Fact]
    public async Task Search_WithAStatusFilter_ListsOnlyMatchesWithThatStatus_HeadlineMatchesFirst()
    {
        var word = "Filterwort" + Guid.NewGuid().ToString("N")[..6];
        var open = await factory.CreateClaimAsync($"{word} im Titel, offen");
        var confirmedInText = await factory.CreateClaimAsync("Bestätigt, Wort nur im Text", $"Hier steht {word} im Text.");
        var confirmedInHeadline = await factory.CreateClaimAsync($"{word} im Titel, bestätigt");
        await factory.SetStatusAsync(open, "open", new DateOnly(2025, 3, 1));
        await factory.SetStatusAsync(confirmedInText, "confirmed", new DateOnly(2025, 3, 2));
        await factory.SetStatusAsync(confirmedInHeadline, "confirmed", new DateOnly(2025, 3, 3));
        foreach (var id in new[] { open, confirmedInText, confirmedInHeadline })
        {
            await factory.PublishAsync(id);
        }

        var rows = (await factory.CreateBrowser().GetAsync($"/claims?q={word[..^2]}&status=confirmed", expectOk: true))
            .QuerySelectorAll(".public-claims a").Select(a => a.TextContent.Trim()).ToList();

        Assert.Equal([$"{word} im Titel, bestätigt", "Bestätigt, Wort nur im Text"], rows);
    }

    private static async Task<string> Text(HttpClient client, string url) =>
        string.Join(" | ", (await client.GetAsync(url, expectOk: true)).QuerySelectorAll(".public-claims, #latest-changes").Select(e => e.TextContent));
}

public sealed class DemoClaimPageTests(DevelopmentFactory factory) : IClassFixture<DevelopmentFactory>
{
    [Fact]
    public async Task ArmsClaimPage_ShowsVerdictTimelineDenialsSourcesSubClaimAndCounterClaim()
    {
        var page = await factory.CreateBrowser().GetAsync($"/claims/{ClaimTracker.Infrastructure.Seeding.DemoData.ArmsSlug}", expectOk: true);

        Assert.Equal("Nordkorea liefert Russland Artillerie und Raketen", page.GetElementById("claim-headline")!.TextContent);
        Assert.Equal("Corroborated", page.QuerySelector(".verdict .status-badge")!.TextContent);
        Assert.Contains("Several independent sources", page.GetElementById("status-explanation")!.TextContent);
        Assert.Equal(["2024-11-30", "2024-06-18", "2023-09-04", "2023-08-15"],
            page.QuerySelectorAll("#timeline > li > strong time").Select(t => t.GetAttribute("datetime")!));
        // Pyongyang and Moscow denied together three times: three joint entries naming both.
        var denials = page.QuerySelectorAll("li.statement[data-stance=Denies]");
        Assert.Equal(3, denials.Length);
        Assert.All(denials, d => Assert.Equal("Nordkorea and Russland", d.QuerySelector("strong")!.TextContent));
        Assert.Equal("de", page.GetElementById("original-text")!.GetAttribute("lang"));
        Assert.Contains("Unbekannte Nachrichtenagentur (unknown)", page.GetElementById("sources")!.TextContent);
        Assert.Contains("Nordkorea liefert Russland Artilleriesysteme", page.GetElementById("sub-claims")!.TextContent);
        Assert.Contains("contradicted by", page.GetElementById("related")!.TextContent);
    }

    [Fact]
    public async Task Home_ShowsCountsAndLatestChanges()
    {
        var page = await factory.CreateBrowser().GetAsync("/", expectOk: true);
        Assert.Contains("12 published claims", page.GetElementById("counts-heading")!.TextContent);
        Assert.NotEmpty(page.QuerySelectorAll("#latest-changes li"));
        Assert.NotNull(page.QuerySelector("form#search-form[action='/claims'] input[name=q]"));
    }

    [Fact]
    public async Task PublicSearch_FindsTroopsWithoutUmlauts()
    {
        var page = await factory.CreateBrowser().GetAsync("/claims?q=Soldaten%20Russland", expectOk: true);
        Assert.Contains("Nordkorea hat mehr als 10.000 Soldaten nach Russland geschickt", page.QuerySelector(".public-claims")!.TextContent);
    }
}
