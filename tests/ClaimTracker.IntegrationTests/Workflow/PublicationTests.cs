using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using ClaimTracker.Domain.Accounts;
using ClaimTracker.Infrastructure.Claims;
using ClaimTracker.IntegrationTests.Infrastructure;
using static ClaimTracker.IntegrationTests.Infrastructure.TestNames;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ClaimTracker.IntegrationTests.Workflow;

/// <summary>What readers get when a reviewer approves a slug change, withdraws a claim, or two reviewers approve at once.</summary>
public sealed class PublicationTests(ClaimTrackerFactory factory) : IClassFixture<ClaimTrackerFactory>
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    [Fact]
    public async Task SlugChange_ReachesReadersOnApproval_ThenEveryOldAddressRedirects_AndTheFeedKeepsItsId()
    {
        var id = await factory.CreateClaimAsync(Unique("Behauptung mit neuem Permalink"));
        await factory.SetStatusAsync(id, "corroborated", new DateOnly(2024, 11, 30));
        var oldSlug = await factory.PublishAsync(id);
        var reader = factory.CreateBrowser();
        var feedId = FeedId(await reader.GetStringAsync($"/claims/{oldSlug}/feed.atom"));
        // A word the old slug cannot contain ("permalink-2" once stood inside "…-permalink-23050c").
        var newSlug = "umbenannt-" + id;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var editor = scope.ServiceProvider.GetRequiredService<EditClaim>();
            Assert.True((await editor.ChangeSlugAsync(id, newSlug, "builder@example.org")).Succeeded);
        }

        // Not approved yet: readers keep the old address, which is canonical; the new one does not exist for them.
        var before = await reader.GetAsync($"/claims/{oldSlug}", expectOk: true);
        Assert.EndsWith($"/claims/{oldSlug}", before.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync($"/claims/{newSlug}")).StatusCode);
        foreach (var page in new[] { "/", "/claims", "/api/claims", "/feeds/claims.atom" })
        {
            Assert.DoesNotContain(newSlug, await reader.GetStringAsync(page));
        }
        var reviewer = await factory.SignedInAsync($"slug-reviewer-{Guid.NewGuid():N}@example.org", Roles.Reviewer);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var workflow = scope.ServiceProvider.GetRequiredService<ClaimTracker.Infrastructure.Workflow.ClaimWorkflow>();
            Assert.True((await workflow.SubmitAsync(id, "builder@example.org", null, false, null)).Succeeded);
        }
        var review = await reviewer.GetAsync($"/editor/claims/review/{id}", expectOk: true);
        Assert.Contains(review.QuerySelectorAll("tr, li"), line => line.TextContent.Contains("Permalink", StringComparison.Ordinal)
            && line.TextContent.Contains(newSlug, StringComparison.Ordinal) && line.TextContent.Contains(oldSlug, StringComparison.Ordinal));

        Assert.Equal("Approved: readers see this version now.", (await reviewer.FollowAsync(await reviewer.SubmitAsync(review, "approve-form"))).Status());

        foreach (var (from, to) in new[]
                 {
                     ($"/claims/{oldSlug}", $"/claims/{newSlug}"),
                     ($"/claims/{oldSlug}/embed", $"/claims/{newSlug}/embed"),
                     ($"/claims/{oldSlug}/versions", $"/claims/{newSlug}/versions"),
                     ($"/claims/{oldSlug}/versions/1", $"/claims/{newSlug}/versions/1"),
                     ($"/claims/{oldSlug}/feed.atom", $"/claims/{newSlug}/feed.atom"),
                     ($"/claims/{oldSlug}/badge.svg", $"/claims/{newSlug}/badge.svg"),
                     ($"/api/claims/{oldSlug}", $"/api/claims/{newSlug}"),
                 })
        {
            var response = await reader.GetAsync(from);
            Assert.True(response.StatusCode == HttpStatusCode.MovedPermanently, $"{from} answered {(int)response.StatusCode}");
            Assert.Equal(to, response.Headers.Location!.OriginalString);
            Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync(to)).StatusCode);
        }
        Assert.Equal(feedId, FeedId(await reader.GetStringAsync($"/claims/{newSlug}/feed.atom")));
        Assert.Equal($"urn:claimtracker:feed:claim:{id}", feedId);
        var after = await reader.GetAsync($"/claims/{newSlug}", expectOk: true);
        Assert.EndsWith($"/claims/{newSlug}", after.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        Assert.EndsWith($"/claims/{newSlug}", ClaimReviewUrl(after));
        // An older version, approved under the old slug, names the current address as its canonical page.
        var first = await reader.GetAsync($"/claims/{newSlug}/versions/1", expectOk: true);
        Assert.EndsWith($"/claims/{newSlug}", first.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
    }

    [Fact]
    public async Task SlugChange_ToASlugAnotherClaimWaitsFor_IsRefused()
    {
        var first = await factory.CreateClaimAsync(Unique("Erste Behauptung mit Wunschadresse"));
        var second = await factory.CreateClaimAsync(Unique("Zweite Behauptung mit Wunschadresse"));
        await factory.PublishAsync(first);
        var wanted = "wunschadresse-" + first;
        await using var scope = factory.Services.CreateAsyncScope();
        var editor = scope.ServiceProvider.GetRequiredService<EditClaim>();
        Assert.True((await editor.ChangeSlugAsync(first, wanted, "builder@example.org")).Succeeded);

        var refused = await editor.ChangeSlugAsync(second, wanted, "builder@example.org");

        Assert.False(refused.Succeeded);
        Assert.Equal($"The slug “{wanted}” is taken by another claim.", Assert.Single(refused.Errors).Message);
    }

    [Fact]
    public async Task OldVersion_IsReadableAndNoindex_WithoutClaimReviewMarkup()
    {
        var id = await factory.CreateClaimAsync(Unique("Behauptung in zwei Fassungen"));
        await factory.SetStatusAsync(id, "corroborated", new DateOnly(2024, 8, 1));
        var slug = await factory.PublishAsync(id);
        await factory.SetStatusAsync(id, "false", new DateOnly(2024, 11, 30));
        await factory.PublishAsync(id);
        var reader = factory.CreateBrowser();

        var old = await reader.GetAsync($"/claims/{slug}/versions/1", expectOk: true);
        var current = await reader.GetAsync($"/claims/{slug}", expectOk: true);

        Assert.Equal("noindex", old.QuerySelector("meta[name=robots]")!.GetAttribute("content"));
        Assert.DoesNotContain(old.QuerySelectorAll("script[type='application/ld+json']"), s => s.TextContent.Contains("ClaimReview", StringComparison.Ordinal));
        Assert.Contains(current.QuerySelectorAll("script[type='application/ld+json']"), s => s.TextContent.Contains("ClaimReview", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Withdrawal_IsListedOnCorrections_AnnouncedInEveryFeed_AndTheApiAnswers410WithTheNote()
    {
        var headline = Unique("Zurückgezogene Behauptung");
        var id = await factory.CreateClaimAsync(headline, topics: "Rückzugsthema");
        await factory.SetStatusAsync(id, "corroborated", new DateOnly(2024, 11, 30));
        var slug = await factory.PublishAsync(id);
        var reader = factory.CreateBrowser();
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync("/topics/rueckzugsthema")).StatusCode);

        await factory.PublishAsync(id, isPublic: false);
        const string note = "Zurückgezogen für einen Test.";

        var corrections = await reader.GetAsync("/corrections", expectOk: true);
        var row = corrections.QuerySelectorAll("#withdrawals-table tbody tr").Single(r => r.TextContent.Contains(headline, StringComparison.Ordinal));
        Assert.Contains(note, row.TextContent);
        Assert.NotNull(row.QuerySelector("time[datetime]"));
        foreach (var feed in new[] { "/feeds/claims.atom", $"/claims/{slug}/feed.atom", "/topics/rueckzugsthema/feed.atom" })
        {
            var entries = XDocument.Parse(await reader.GetStringAsync(feed)).Root!.Elements(Atom + "entry")
                .Where(e => e.Element(Atom + "title")!.Value.Contains(headline, StringComparison.Ordinal)).ToList();
            var withdrawal = Assert.Single(entries, e => e.Element(Atom + "id")!.Value.StartsWith("urn:claimtracker:withdrawal:", StringComparison.Ordinal));
            Assert.Equal($"Withdrawn – {headline}", withdrawal.Element(Atom + "title")!.Value);
            Assert.Contains(note, WebUtility.HtmlDecode(withdrawal.Element(Atom + "content")!.Value));
            // The claim's status changes are gone from the feeds with it.
            Assert.Single(entries);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync("/topics/rueckzugsthema")).StatusCode);

        var api = await reader.GetAsync($"/api/claims/{slug}");
        Assert.Equal(HttpStatusCode.Gone, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType!.MediaType);
        using var problem = JsonDocument.Parse(await api.Content.ReadAsStringAsync());
        Assert.Equal(410, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Equal(note, problem.RootElement.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task EightReviewersApprovingAtOnce_StoreOneVersion_AndTheOthersAreToldItWasAlreadyApproved()
    {
        var id = await factory.CreateClaimAsync(Unique("Gleichzeitig freigegebene Behauptung"));
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var workflow = scope.ServiceProvider.GetRequiredService<ClaimTracker.Infrastructure.Workflow.ClaimWorkflow>();
            Assert.True((await workflow.SubmitAsync(id, "builder@example.org", null, false, null)).Succeeded);
        }
        var reviewers = new List<(HttpClient Client, AngleSharp.Dom.IDocument Page)>();
        for (var i = 0; i < 8; i++)
        {
            var reviewer = await factory.SignedInAsync($"gleichzeitig-{i}-{Guid.NewGuid():N}@example.org", Roles.Reviewer);
            reviewers.Add((reviewer, await reviewer.GetAsync($"/editor/claims/review/{id}", expectOk: true)));
        }

        var responses = await Task.WhenAll(reviewers.Select(r => r.Client.SubmitAsync(r.Page, "approve-form")));

        Assert.All(responses, r => Assert.True((int)r.StatusCode < 500, $"An approval answered {(int)r.StatusCode}."));
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Redirect);
        foreach (var refused in responses.Where(r => r.StatusCode != HttpStatusCode.Redirect))
        {
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.StartsWith("Already approved as version 1 by ", (await Html.ParseAsync(refused)).Errors());
        }
        Assert.Equal(1, await factory.WithDbAsync(db => db.ClaimVersions.CountAsync(v => v.ClaimId == id)));
    }

    private static string FeedId(string atom) => XDocument.Parse(atom).Root!.Element(Atom + "id")!.Value;

    private static string ClaimReviewUrl(AngleSharp.Dom.IDocument page)
    {
        var script = page.QuerySelectorAll("script[type='application/ld+json']").Single(s => s.TextContent.Contains("ClaimReview", StringComparison.Ordinal));
        using var json = JsonDocument.Parse(script.TextContent);
        return json.RootElement.GetProperty("url").GetString()!;
    }
}
