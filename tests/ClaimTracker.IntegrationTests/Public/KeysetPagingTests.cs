using ClaimTracker.Infrastructure.Claims;
using ClaimTracker.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace ClaimTracker.IntegrationTests.Public;

/// <summary>
/// Walking the public list page by page ("after" cursors) shows every public claim exactly once, newest
/// status change first, claims sharing a date by id, and the claims without a status at the end — the whole list, and a
/// topic's list.
/// </summary>
public sealed class KeysetPagingTests(ClaimTrackerFactory factory) : IClassFixture<ClaimTrackerFactory>
{
    [Theory]
    [InlineData(null)]
    [InlineData("blättern")]
    public async Task WalkingEveryPage_ListsEachPublicClaimOnce_InOrder_UndatedLast(string? topic)
    {
        // Each case makes its own claims (a topic of its own); the unfiltered case sees the others' claims too.
        var run = Guid.NewGuid().ToString("N")[..6];
        var topicName = topic is null ? null : $"{topic} {run}";
        var expected = new List<(DateOnly? Since, int Id, string Slug)>();
        for (var i = 0; i < 2 * PublicLists.PageSize + 6; i++)
        {
            var id = await factory.CreateClaimAsync($"Behauptung Nummer {i} über Lieferungen {run}", topics: topicName);
            // Every fourth claim has no status yet; the others share dates in threes.
            DateOnly? since = i % 4 == 3 ? null : new DateOnly(2024, 3, 1).AddDays(i / 3);
            if (since is { } date)
            {
                await factory.SetStatusAsync(id, "open", date);
            }
            expected.Add((since, id, await factory.PublishAsync(id)));
        }
        var topicSlug = topicName is null ? null
            : await factory.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(
                db.Topics.Where(t => t.Name == topicName).Select(t => t.Slug)));
        var order = expected.OrderByDescending(e => e.Since.HasValue).ThenByDescending(e => e.Since).ThenByDescending(e => e.Id)
            .Select(e => e.Slug).ToList();

        var seen = new List<string>();
        string? after = null;
        var pages = 0;
        do
        {
            await using var scope = factory.Services.CreateAsyncScope();
            var page = await scope.ServiceProvider.GetRequiredService<PublicLists>().ListAsync(new PublicFilter(After: after, Topic: topicSlug));
            Assert.InRange(page.Rows.Count, 1, PublicLists.PageSize);
            seen.AddRange(page.Rows.Select(r => r.Slug));
            after = page.NextCursor;
            pages++;
        }
        while (after is not null && pages < 10);

        if (topic is null)
        {
            // The whole list holds other tests' claims too: these appear in this order among them.
            seen = seen.Where(order.Contains).ToList();
        }
        else
        {
            Assert.Equal(3, pages);
        }
        Assert.Equal(order, seen);
    }
}
