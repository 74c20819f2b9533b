using System.Net;
using System.Xml.Linq;
using ClaimTracker.Domain.Accounts;
using ClaimTracker.Infrastructure.Seeding;
using ClaimTracker.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ClaimTracker.IntegrationTests.Public;

/// <summary>
/// The claim page reads as a fact-check (verdict box, byline, linked actors and topics), actor, topic and statistics pages
/// show tallies that match the database, and every reader page announces its feed.
/// </summary>
public sealed class FactCheckPageTests(DevelopmentFactory factory) : IClassFixture<DevelopmentFactory>
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    [Fact]
    public async Task ClaimPage_OpensWithTheVerdictBox_ThenTheTimeline()
    {
        var reader = factory.CreateBrowser();
        reader.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");

        var page = await reader.GetAsync($"/claims/{DemoData.ArmsSlug}", expectOk: true);

        var box = page.GetElementById("verdict")!;
        Assert.Equal("Corroborated", box.QuerySelector(".verdict-label .status-badge")!.TextContent);
        Assert.Contains("30 November 2024", box.QuerySelector(".verdict-label .as-of")!.TextContent);
        Assert.Contains("Several independent sources", box.QuerySelector("#status-explanation")!.TextContent);
        Assert.Equal("Our conclusion", box.QuerySelector("h3")!.TextContent);
        Assert.Contains("geliefert", box.QuerySelector("#conclusion")!.TextContent);
        // The verdict box comes before the timeline, and the byline names the publisher.
        var order = page.QuerySelectorAll("#verdict, #timeline-heading, #byline").Select(e => e.Id).ToList();
        Assert.Equal(["verdict", "byline", "timeline-heading"], order);
        Assert.Contains("ClaimTracker", page.GetElementById("byline")!.TextContent);
        // German desk text inside the English page is marked as German.
        Assert.Equal("de", page.GetElementById("claim-headline")!.GetAttribute("lang"));
        Assert.Equal("de", page.GetElementById("conclusion")!.GetAttribute("lang"));
    }

    [Fact]
    public async Task ClaimPage_LinksItsActorsAndTopics_ToPagesThatExist()
    {
        var reader = factory.CreateBrowser();
        var page = await reader.GetAsync($"/claims/{DemoData.ArmsSlug}", expectOk: true);

        var links = page.QuerySelectorAll("#claimants a, #subjects a, #topics a").Select(a => a.GetAttribute("href")!).ToList();
        Assert.Contains(links, l => l.StartsWith("/actors/", StringComparison.Ordinal));
        Assert.Contains("/topics/waffenlieferungen", links);
        Assert.Equal(4, page.QuerySelectorAll("#claimants a, #subjects a").Length);
        foreach (var link in links)
        {
            Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync(link)).StatusCode);
        }
    }

    [Fact]
    public async Task GermanReader_GetsGermanMetadata_AndRatingName()
    {
        var reader = factory.CreateBrowser();
        reader.DefaultRequestHeaders.AcceptLanguage.ParseAdd("de");

        var page = await reader.GetAsync($"/claims/{DemoData.ArmsSlug}", expectOk: true);

        Assert.StartsWith("Unsere Bewertung: Erhärtet", page.QuerySelector("meta[name=description]")!.GetAttribute("content"));
        Assert.StartsWith("Unsere Bewertung: Erhärtet", page.QuerySelector("meta[property='og:description']")!.GetAttribute("content"));
        Assert.Equal("de_DE", page.QuerySelector("meta[property='og:locale']")!.GetAttribute("content"));
        var review = System.Text.Json.JsonDocument.Parse(page.QuerySelector("script[type='application/ld+json']")!.TextContent);
        Assert.Equal("Erhärtet", review.RootElement.GetProperty("reviewRating").GetProperty("alternateName").GetString());
        // In the German page the German headline needs no mark of its own.
        Assert.Null(page.GetElementById("claim-headline")!.GetAttribute("lang"));
    }

    [Fact]
    public async Task Byline_NamesTheApprovingReviewer_OnceAnAdminGivesThemAName()
    {
        var id = await factory.CreateClaimAsync("Behauptung mit Autorenzeile " + Guid.NewGuid().ToString("N")[..6]);
        await factory.SetStatusAsync(id, "false", new DateOnly(2024, 3, 1));
        var slug = await factory.PublishAsync(id);
        var reader = factory.CreateBrowser();
        var before = await reader.GetAsync($"/claims/{slug}", expectOk: true);
        Assert.Contains("checked by a second editor before publication", before.GetElementById("byline")!.TextContent);

        var admin = await factory.SignedInAsync($"admin-{Guid.NewGuid():N}@example.org", Roles.Admin);
        // The factory's reviewer approves as an email; here they get an account an admin can name.
        var reviewerId = await factory.WithDbAsync(db => db.Users.Where(u => u.UserName == ClaimTrackerFactory.Reviewer).Select(u => u.Id).SingleOrDefaultAsync())
                         ?? (await factory.CreateUserAsync(ClaimTrackerFactory.Reviewer, Roles.Reviewer)).Id;
        var form = await admin.GetAsync($"/admin/users/edit/{reviewerId}", expectOk: true);
        var tooLong = await Html.ParseAsync(await admin.SubmitAsync(form, "byline-form", ("Input.BylineName", new string('x', 101))));
        Assert.Contains("at most 100 characters", tooLong.QuerySelector("[data-valmsg-for='Input.BylineName']")!.TextContent);
        Assert.Equal(new string('x', 101), tooLong.GetElementById("Input_BylineName")!.GetAttribute("value"));
        var saved = await admin.SubmitAsync(tooLong, "byline-form", ("Input.BylineName", "Erika Prüferin"));
        Assert.True(saved.StatusCode == HttpStatusCode.Redirect, (await Html.ParseAsync(saved)).QuerySelector(".errors, .field-error")?.TextContent);

        var after = await reader.GetAsync($"/claims/{slug}", expectOk: true);
        var byline = after.GetElementById("byline")!.TextContent;
        Assert.Contains("reviewed by Erika Prüferin", byline);
        Assert.DoesNotContain("@", byline);
        Assert.Contains(await factory.WithDbAsync(db => db.AuditEntries.Where(a => a.Action == Domain.Auditing.AuditAction.BylineNameChanged).Select(a => a.Details).ToListAsync()),
            d => d.Contains("Erika Prüferin"));
    }

    [Fact]
    public async Task ActorAndTopicPages_ShowTalliesThatMatchTheDatabase_WithChartAndTable()
    {
        var reader = factory.CreateBrowser();
        var (actorSlug, actorClaims) = await factory.WithDbAsync(async db =>
        {
            var actor = await db.Actors.Where(a => a.WikidataId != null && a.PublishedName != null).OrderBy(a => a.Id).FirstAsync();
            var count = await db.Claims.CountAsync(c => c.IsPublic && db.PublishedClaimActors.Any(p => p.ClaimId == c.Id && p.ActorId == actor.Id));
            return (actor.Slug, count);
        });

        var page = await reader.GetAsync($"/actors/{actorSlug}", expectOk: true);

        Assert.Equal(actorClaims, page.QuerySelectorAll("#actor-tally-by-status .count").Sum(c => int.Parse(c.TextContent)));
        Assert.NotNull(page.GetElementById("wikidata-link"));
        var bars = page.QuerySelectorAll("#actor-tally-chart rect").Select(r => int.Parse(r.GetAttribute("data-count")!)).ToList();
        var rows = page.QuerySelectorAll("#actor-tally-table tbody td").Select(td => int.Parse(td.TextContent)).ToList();
        Assert.Equal(bars, rows);
        Assert.Equal(actorClaims, rows.Sum());

        var topicCount = await factory.WithDbAsync(db => db.Claims.CountAsync(c => c.IsPublic
            && db.PublishedClaimTopics.Any(p => p.ClaimId == c.Id && p.Topic!.Slug == "waffenlieferungen")));
        var topic = await reader.GetAsync("/topics/waffenlieferungen", expectOk: true);
        Assert.Equal(topicCount, topic.QuerySelectorAll("#topic-tally-by-status .count").Sum(c => int.Parse(c.TextContent)));
    }

    [Fact]
    public async Task StatisticsPage_CountsByStatus_AndCountsAgainAfterAnApproval()
    {
        var reader = factory.CreateBrowser();
        async Task<Dictionary<string, int>> ByStatusAsync()
        {
            var page = await reader.GetAsync("/statistics", expectOk: true);
            return page.QuerySelectorAll("#site-tally-by-status a").ToDictionary(
                a => a.GetAttribute("href")!.Split("status=")[1], a => int.Parse(a.QuerySelector(".count")!.TextContent));
        }
        var before = await ByStatusAsync();
        var expected = await factory.WithDbAsync(async db =>
        {
            var keys = await db.Statuses.ToDictionaryAsync(s => s.Id, s => s.Key);
            return (await db.Claims.Where(c => c.IsPublic && c.PublishedStatusId != null).Select(c => c.PublishedStatusId!.Value).ToListAsync())
                .GroupBy(id => keys[id]).ToDictionary(g => g.Key, g => g.Count());
        });
        Assert.Equal(expected.OrderBy(e => e.Key), before.OrderBy(e => e.Key));

        var id = await factory.CreateClaimAsync("Behauptung für die Statistik " + Guid.NewGuid().ToString("N")[..6]);
        await factory.SetStatusAsync(id, "false", new DateOnly(2024, 5, 1));
        await factory.PublishAsync(id);

        var after = await ByStatusAsync();
        Assert.Equal(before.GetValueOrDefault("false") + 1, after["false"]);
    }

    [Fact]
    public async Task StatisticsPage_ActorTable_HasAColumnPerStatus_WhoseCountsMatchTheDatabase_AndLinkToTheList()
    {
        var reader = factory.CreateBrowser();
        reader.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var page = await reader.GetAsync("/statistics", expectOk: true);
        var table = page.GetElementById("by-actor")!;
        var columns = table.QuerySelectorAll("thead th .status-badge").Select(b => b.GetAttribute("data-status")!).ToList();
        Assert.Contains("corroborated", columns);
        var first = table.QuerySelector("tbody tr")!;
        var actorSlug = first.QuerySelector("th a")!.GetAttribute("href")!.Split('/')[^1];
        var expected = await factory.WithDbAsync(async db =>
        {
            var keys = await db.Statuses.ToDictionaryAsync(s => s.Id, s => s.Key);
            return (await db.Claims.Where(c => c.IsPublic && c.PublishedStatusId != null
                    && db.PublishedClaimActors.Any(p => p.ClaimId == c.Id && p.Actor!.Slug == actorSlug))
                .Select(c => c.PublishedStatusId!.Value).ToListAsync())
                .GroupBy(id => keys[id]).ToDictionary(g => g.Key, g => g.Count());
        });
        var cells = first.QuerySelectorAll("td").Skip(1).ToList();
        Assert.Equal(columns.Count, cells.Count);
        for (var i = 0; i < columns.Count; i++)
        {
            var count = expected.GetValueOrDefault(columns[i]);
            Assert.Equal(count, int.Parse(cells[i].TextContent));
            // A count leads to the list of those claims; a zero is no link.
            var link = cells[i].QuerySelector("a");
            Assert.Equal(count > 0 ? $"/claims?actor={actorSlug}&status={columns[i]}" : null, link?.GetAttribute("href"));
        }
    }

    [Fact]
    public async Task DraftWork_DoesNotMakeReadersWaitForARecount_AnApprovalDoes()
    {
        var reader = factory.CreateBrowser();
        var tallies = factory.Services.GetRequiredService<ClaimTracker.Infrastructure.Claims.PublicTallies>();
        await reader.GetAsync("/statistics", expectOk: true);
        var counted = tallies.Counts;

        var id = await factory.CreateClaimAsync("Entwurf ohne Neuzählung " + Guid.NewGuid().ToString("N")[..6]);
        await factory.SetStatusAsync(id, "false", new DateOnly(2024, 6, 1));
        await reader.GetAsync("/statistics", expectOk: true);
        await reader.GetAsync("/", expectOk: true);
        Assert.Equal(counted, tallies.Counts);

        await factory.PublishAsync(id);
        await reader.GetAsync("/statistics", expectOk: true);
        Assert.Equal(counted + 1, tallies.Counts);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/claims")]
    [InlineData("/claims/" + DemoData.ArmsSlug)]
    [InlineData("/topics/waffenlieferungen")]
    [InlineData("/corrections")]
    [InlineData("/statistics")]
    public async Task ReaderPages_AnnounceAFeed_ThatExists(string path)
    {
        var reader = factory.CreateBrowser();
        var page = await reader.GetAsync(path, expectOk: true);

        var announced = page.QuerySelector("link[rel=alternate][type='application/atom+xml']")!.GetAttribute("href")!;
        var visible = page.QuerySelector("#feed-link, #claim-feed")!.GetAttribute("href");
        Assert.Equal(announced, visible);
        var feed = await reader.GetAsync(announced);
        Assert.Equal(HttpStatusCode.OK, feed.StatusCode);
        Assert.Equal("application/atom+xml", feed.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Feeds_AreTitledByWhatTheyFollow_InTheReadersLanguage()
    {
        var german = factory.CreateBrowser();
        german.DefaultRequestHeaders.AcceptLanguage.ParseAdd("de");
        var claimFeed = XDocument.Parse(await german.GetStringAsync($"/claims/{DemoData.ArmsSlug}/feed.atom"));
        Assert.Equal("ClaimTracker: Nordkorea liefert Russland Artillerie und Raketen", claimFeed.Root!.Element(Atom + "title")!.Value);
        Assert.Equal("de", claimFeed.Root.Attribute(XNamespace.Xml + "lang")!.Value);
        Assert.Contains(claimFeed.Root.Elements(Atom + "entry"), e => e.Element(Atom + "title")!.Value.StartsWith("Erhärtet – ", StringComparison.Ordinal));

        var english = factory.CreateBrowser();
        english.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var topicFeed = XDocument.Parse(await english.GetStringAsync("/topics/waffenlieferungen/feed.atom"));
        Assert.Equal("ClaimTracker: Waffenlieferungen", topicFeed.Root!.Element(Atom + "title")!.Value);
        Assert.Equal("en", topicFeed.Root.Attribute(XNamespace.Xml + "lang")!.Value);
        Assert.Contains(topicFeed.Root.Elements(Atom + "entry"), e => e.Element(Atom + "title")!.Value.StartsWith("Corroborated – ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ShareCard_IsAPngInTheStatusColour_AnnouncedAsOgImage_AndOnlyForPublicClaims()
    {
        var reader = factory.CreateBrowser();
        var page = await reader.GetAsync($"/claims/{DemoData.ArmsSlug}", expectOk: true);
        var image = page.QuerySelector("meta[property='og:image']")!.GetAttribute("content")!;
        Assert.EndsWith($"/claims/{DemoData.ArmsSlug}/card.png", image);
        Assert.Equal("summary_large_image", page.QuerySelector("meta[name='twitter:card']")!.GetAttribute("content"));

        var response = await reader.GetAsync(new Uri(image).PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType!.MediaType);
        using var bitmap = SkiaSharp.SKBitmap.Decode(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal((1200, 630), (bitmap.Width, bitmap.Height));
        var colour = await factory.WithDbAsync(db => db.Statuses.Where(s => s.Key == "corroborated").Select(s => s.Colour).SingleAsync());
        Assert.Equal(SkiaSharp.SKColor.Parse(colour), bitmap.GetPixel(600, 10));
        Assert.Equal(SkiaSharp.SKColors.White, bitmap.GetPixel(1190, 300));

        var draft = await factory.CreateClaimAsync("Entwurf ohne Karte " + Guid.NewGuid().ToString("N")[..6]);
        var draftSlug = await factory.WithDbAsync(db => db.Claims.Where(c => c.Id == draft).Select(c => c.Slug).SingleAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync($"/claims/{draftSlug}/card.png")).StatusCode);
    }

    [Fact]
    public async Task Badge_SpeaksTheReadersLanguage()
    {
        var german = factory.CreateBrowser();
        german.DefaultRequestHeaders.AcceptLanguage.ParseAdd("de");

        var svg = XDocument.Parse(await german.GetStringAsync($"/claims/{DemoData.ArmsSlug}/badge.svg")).Root!;

        Assert.Equal("Status der Behauptung: Erhärtet seit 2024-11-30", (string?)svg.Attribute("aria-label"));
        Assert.Equal("de", (string?)svg.Attribute(XNamespace.Xml + "lang"));
    }

    [Fact]
    public async Task EmbedCard_NamesThePublisher()
    {
        var card = await factory.CreateBrowser().GetAsync($"/claims/{DemoData.ArmsSlug}/embed", expectOk: true);
        Assert.Contains("ClaimTracker", card.GetElementById("embed-publisher")!.TextContent);
    }

    [Fact]
    public async Task HomePage_ListsLatestChanges_ByTheDateItShows()
    {
        var home = await factory.CreateBrowser().GetAsync("/", expectOk: true);
        var shown = home.QuerySelectorAll("#latest-changes .published-on").Select(t => DateOnly.Parse(t.GetAttribute("datetime")!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.NotEmpty(shown);
        Assert.Equal(shown.OrderDescending(), shown);
    }
}
