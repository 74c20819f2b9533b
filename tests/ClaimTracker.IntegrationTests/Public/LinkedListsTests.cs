using ClaimTracker.Domain.Claims;
using ClaimTracker.Infrastructure.Claims;
using ClaimTracker.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ClaimTracker.IntegrationTests.Public;

/// <summary>
/// An actor's and a topic's list read their order from the links an approval writes (each keeps the claim's approved status
/// date): they follow what a reviewer approved — a new status date once approved, never one pending — and drop a claim
/// that is withdrawn.
/// </summary>
public sealed class LinkedListsTests(ClaimTrackerFactory factory) : IClassFixture<ClaimTrackerFactory>
{
    [Fact]
    public async Task ActorAndTopicLists_FollowTheApprovedStatusDate_NotAPendingOne_AndDropAWithdrawnClaim()
    {
        var run = Guid.NewGuid().ToString("N")[..6];
        int actorId;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            actorId = (await scope.ServiceProvider.GetRequiredService<ActorDirectory>()
                .CreateAsync(new Actor.Draft($"Ministerium {run}", ActorKind.Official, null, null, null, null))).Id!.Value;
        }
        var topic = $"Lieferwege {run}";
        var older = await CreateNamingAsync($"Ältere Behauptung {run}", actorId, topic);
        var newer = await CreateNamingAsync($"Neuere Behauptung {run}", actorId, topic);
        await factory.SetStatusAsync(older, "open", new DateOnly(2024, 1, 10));
        await factory.SetStatusAsync(newer, "open", new DateOnly(2024, 2, 10));
        var olderSlug = await factory.PublishAsync(older);
        var newerSlug = await factory.PublishAsync(newer);
        var actorSlug = await factory.WithDbAsync(db => db.Actors.Where(a => a.Id == actorId).Select(a => a.Slug).SingleAsync());
        var topicSlug = await factory.WithDbAsync(db => db.Topics.Where(t => t.Name == topic).Select(t => t.Slug).SingleAsync());

        Assert.Equal([newerSlug, olderSlug], await ActorListAsync(actorSlug));
        Assert.Equal([newerSlug, olderSlug], await TopicListAsync(topicSlug));

        // A later status of the older claim waits for review: readers keep the approved order.
        await factory.SetStatusAsync(older, "corroborated", new DateOnly(2024, 3, 10));
        Assert.Equal([newerSlug, olderSlug], await ActorListAsync(actorSlug));
        Assert.Equal([newerSlug, olderSlug], await TopicListAsync(topicSlug));

        // Approved, it leads both lists, on the pages readers open too.
        await factory.PublishAsync(older);
        Assert.Equal([olderSlug, newerSlug], await ActorListAsync(actorSlug));
        Assert.Equal([olderSlug, newerSlug], await TopicListAsync(topicSlug));
        var reader = factory.CreateBrowser();
        foreach (var page in new[] { $"/actors/{actorSlug}", $"/topics/{topicSlug}" })
        {
            var links = (await reader.GetAsync(page, expectOk: true)).QuerySelectorAll("main a[href^='/claims/']")
                .Select(a => a.GetAttribute("href")).Where(h => h == $"/claims/{olderSlug}" || h == $"/claims/{newerSlug}").ToList();
            Assert.Equal([$"/claims/{olderSlug}", $"/claims/{newerSlug}"], links);
        }

        // Withdrawn, it leaves them; the links stay for its withdrawal notice in the feeds.
        await factory.PublishAsync(older, isPublic: false);
        Assert.Equal([newerSlug], await ActorListAsync(actorSlug));
        Assert.Equal([newerSlug], await TopicListAsync(topicSlug));
        Assert.Equal(new DateOnly(2024, 3, 10), await factory.WithDbAsync(db =>
            db.PublishedClaimActors.Where(p => p.ClaimId == older).Select(p => p.StatusSince).SingleAsync()));
    }

    private async Task<int> CreateNamingAsync(string headline, int actorId, string topic)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<LogClaim>().CreateAsync(new ClaimInput(headline, "Ein Satz.", "de",
            null, null, false, null, null, null, [actorId], [], topic, null), "builder@example.org");
        return result.Id!.Value;
    }

    private async Task<List<string>> ActorListAsync(string actorSlug) => await ListAsync(new PublicFilter(Actor: actorSlug));

    private async Task<List<string>> TopicListAsync(string topicSlug) => await ListAsync(new PublicFilter(Topic: topicSlug));

    private async Task<List<string>> ListAsync(PublicFilter filter)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<PublicLists>().ListAsync(filter)).Rows.Select(r => r.Slug).ToList();
    }
}
