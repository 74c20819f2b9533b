using ClaimTracker.Domain.Claims;
using ClaimTracker.Infrastructure.Claims;
using ClaimTracker.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace ClaimTracker.IntegrationTests.Public;

/// <summary>A claim page costs the same number of database queries however much a claim has.</summary>
public sealed class QueryCountTests
{
    [Fact]
    public async Task ClaimPage_QueryCount_DoesNotGrowWithStatementsSourcesAndStatusChanges()
    {
        using var factory = new ConfiguredFactory(new Dictionary<string, string>
        {
            ["Performance:OutputCache"] = "false",
            ["Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command"] = "Information",
        });
        var small = await BuildAsync(factory, "Kleine Behauptung", parts: 1);
        var large = await BuildAsync(factory, "Große Behauptung", parts: 12);
        var reader = factory.CreateBrowser();
        await reader.GetAsync($"/claims/{small}", expectOk: true);
        // A version's first view also reads its approved snapshot (then remembered): one query more, once.
        Assert.Equal(4, await CountQueriesAsync(factory, reader, $"/claims/{large}"));

        var smallCount = await CountQueriesAsync(factory, reader, $"/claims/{small}");
        var largeCount = await CountQueriesAsync(factory, reader, $"/claims/{large}");

        Assert.Equal(smallCount, largeCount);
        // The claim with its versions, its neighbours, then its sources' preserved copies and link states (one query for
        // all of them); the scale and site settings come from memory.
        Assert.Equal(3, largeCount);
    }

    private static async Task<int> CountQueriesAsync(ClaimTrackerFactory factory, HttpClient reader, string path)
    {
        factory.Log.Clear();
        await reader.GetAsync(path, expectOk: true);
        return factory.Log.Entries.Count(e => e.Contains("Executed DbCommand", StringComparison.Ordinal));
    }

    private static async Task<string> BuildAsync(ClaimTrackerFactory factory, string headline, int parts)
    {
        var id = await factory.CreateClaimAsync(headline);
        for (var i = 0; i < parts; i++)
        {
            await factory.SetStatusAsync(id, i % 2 == 0 ? "open" : "unproven", new DateOnly(2024, 1, 1).AddDays(i));
        }
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var directory = scope.ServiceProvider.GetRequiredService<ActorDirectory>();
            var actor = await directory.CreateAsync(new Actor.Draft($"Partei {headline}", ActorKind.State, null, null, null, null));
            var evidence = scope.ServiceProvider.GetRequiredService<RecordStatement>();
            for (var i = 0; i < parts; i++)
            {
                await evidence.AddStatementAsync(id, new Statement.Draft(actor.Id!.Value, Stance.Denies, new DateOnly(2024, 2, 1).AddDays(i),
                    $"Dementi {i}", "de", null, []), "builder@example.org");
            }
        }
        return await factory.PublishAsync(id);
    }
}
