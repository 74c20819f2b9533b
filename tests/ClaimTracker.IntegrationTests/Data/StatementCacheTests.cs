using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using ClaimTracker.Domain.Claims;
using ClaimTracker.Infrastructure.Claims;
using ClaimTracker.Infrastructure.Data;
using ClaimTracker.IntegrationTests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ClaimTracker.IntegrationTests.Data;

/// <summary>
/// On SQLite the app keeps its queries compiled on connections it keeps open for reading
/// (<see cref="SqliteStatementCache"/>). Readers must still see every committed change at once, a transaction
/// its own writes, and nothing may stay open when the app stops.
/// </summary>
[Trait("Engine", "Sqlite")]
[Trait("Needs", "SpeedCaches")]
public sealed class StatementCacheTests
{
    private static Dictionary<string, string> Uncached(params (string Key, string Value)[] more)
    {
        var settings = new Dictionary<string, string> { ["Performance:OutputCache"] = "false" };
        foreach (var (key, value) in more)
        {
            settings[key] = value;
        }
        return settings;
    }

    [Fact]
    public async Task ClaimPage_SecondView_RunsOnTheStatementsCompiledForTheFirst()
    {
        using var factory = new ConfiguredFactory(Uncached());
        var slug = await factory.PublishAsync(await factory.CreateClaimAsync("Nordkorea liefert Artillerie und Raketen an Russland",
            "„Nordkorea liefert Artilleriegeschosse und Raketen an Russland“, sagte der Sprecher."));
        var reader = factory.CreateBrowser();
        await reader.GetAsync($"/claims/{slug}", expectOk: true);
        using var counted = new StatementCount(factory);

        var page = await reader.GetAsync($"/claims/{slug}", expectOk: true);

        Assert.Equal("Nordkorea liefert Artillerie und Raketen an Russland", page.GetElementById("claim-headline")!.TextContent);
        // The claim with its versions, and its neighbours: both compiled at the first view, neither again.
        Assert.Equal((Prepared: 0, Kept: 2, NotCached: 0), counted.Totals);
    }

    [Fact]
    public async Task Search_SecondTime_RunsItsOwnQueriesOnKeptStatementsToo()
    {
        using var factory = new ConfiguredFactory(Uncached());
        var slug = await factory.PublishAsync(await factory.CreateClaimAsync("Nordkorea liefert Raketen an Russland",
            "„Die Raketen kamen über den Hafen Rajin“, schrieb die Zeitung."));
        var reader = factory.CreateBrowser();
        await reader.GetAsync("/claims?q=raketen+nordkorea", expectOk: true);
        using var counted = new StatementCount(factory);

        var page = await reader.GetAsync("/claims?q=raketen+nordkorea", expectOk: true);

        Assert.NotEmpty(page.QuerySelectorAll($"a[href='/claims/{slug}']"));
        // The vocabulary's completions, the headline index, the full index (fewer headline hits than a page) and the rows.
        Assert.Equal((Prepared: 0, Kept: 4, NotCached: 0), counted.Totals);
    }

    [Fact]
    public async Task KeptStatements_ShowAnApprovedChange_OnTheNextView()
    {
        using var factory = new ConfiguredFactory(Uncached());
        var id = await factory.CreateClaimAsync("Russland nahm die Ölexporte nach Nordkorea wieder auf");
        var slug = await factory.PublishAsync(id);
        var reader = factory.CreateBrowser();
        await reader.GetAsync($"/claims/{slug}", expectOk: true);
        await reader.GetAsync($"/claims/{slug}", expectOk: true);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var version = (await scope.ServiceProvider.GetRequiredService<ClaimDetailsQuery>().GetAsync(id))!.Version;
            var edited = await scope.ServiceProvider.GetRequiredService<EditClaim>().EditAsync(id, version, new ClaimInput(
                "Russland liefert wieder Öl über das Limit hinaus", "Ein Satz, wie er gesagt wurde.", "de",
                null, null, false, null, null, null, [], [], null, null), "builder@example.org");
            Assert.True(edited.Succeeded);
        }
        await factory.PublishAsync(id);
        using var counted = new StatementCount(factory);

        var page = await reader.GetAsync($"/claims/{slug}", expectOk: true);

        Assert.Equal("Russland liefert wieder Öl über das Limit hinaus", page.GetElementById("claim-headline")!.TextContent);
        Assert.True(counted.Totals.Kept >= 2, $"The page should have run on kept statements: {counted.Totals}");
    }

    [Fact]
    public async Task QueryInATransaction_SeesTheTransactionsOwnWrites_OthersDoNot()
    {
        using var factory = new ConfiguredFactory(Uncached());
        await factory.WithDbAsync(db => db.Topics.AnyAsync()); // the app is up, a reading connection has been lent once
        using var counted = new StatementCount(factory);

        var (inside, outside) = await factory.WithDbAsync(async db =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.Topics.Add(Topic.Create("Waffenlieferungen"));
            await db.SaveChangesAsync();
            var seenInside = await db.Topics.AnyAsync(t => t.Slug == "waffenlieferungen");
            var seenOutside = await factory.WithDbAsync(other => other.Topics.AnyAsync(t => t.Slug == "waffenlieferungen"));
            await transaction.RollbackAsync();
            return (seenInside, seenOutside);
        });

        Assert.True(inside, "The transaction's own query must see its uncommitted topic (it runs on the transaction's connection).");
        Assert.False(outside, "Another reader must not see an uncommitted topic.");
        // Only the other reader's query went to a reading connection; the transaction's stayed on its own.
        Assert.Equal(1, counted.Totals.Prepared + counted.Totals.Kept);
        Assert.False(await factory.WithDbAsync(db => db.Topics.AnyAsync(t => t.Slug == "waffenlieferungen")));
    }

    [Fact]
    public async Task QueryOfATemporaryTable_RunsOnTheConnectionThatMadeIt()
    {
        using var factory = new ConfiguredFactory(Uncached());

        var values = await factory.WithDbAsync(async db =>
        {
            await db.Database.OpenConnectionAsync();
            await db.Database.ExecuteSqlRawAsync("CREATE TEMP TABLE Notizen (Wert INTEGER); INSERT INTO Notizen VALUES (7);");
            return await db.Database.SqlQueryRaw<int>("SELECT Wert AS Value FROM temp.Notizen").ToListAsync();
        });

        Assert.Equal([7], values);
    }

    [Fact]
    public async Task MoreQueriesThanAConnectionKeeps_TheLeastRecentlyUsedAreCompiledAgain_AndAllAnswerRight()
    {
        using var factory = new ConfiguredFactory(Uncached());
        var ids = new List<int>();
        foreach (var headline in new[] { "Nordkorea liefert Raketen", "Russland dementiert", "Südkorea warnt" })
        {
            ids.Add(await factory.CreateClaimAsync(headline));
        }
        var shapes = SqliteStatementCache.StatementsPerConnection + 6;

        var (answers, again) = await factory.WithDbAsync(async db =>
        {
            // One open connection for the whole test: every query below borrows the same reading connection.
            await db.Database.OpenConnectionAsync();
            var results = new List<int>();
            // EF.Constant puts the number into the SQL: each is another statement.
            for (var i = 0; i < shapes; i++)
            {
                results.Add(await db.Claims.CountAsync(c => c.Id > EF.Constant(ids[0] - 1 - i)));
            }
            using var counted = new StatementCount(factory);
            var newest = await db.Claims.CountAsync(c => c.Id > EF.Constant(ids[0] - shapes));
            var oldest = await db.Claims.CountAsync(c => c.Id > EF.Constant(ids[0] - 1));
            return (results, (counted.Totals, newest, oldest));
        });

        Assert.All(answers, count => Assert.Equal(3, count));
        Assert.Equal((3, 3), (again.newest, again.oldest));
        // The newest statement was still kept; the oldest had made room for newer ones and was compiled again.
        Assert.Equal((Prepared: 1, Kept: 1, NotCached: 0), again.Totals);
    }

    [Fact]
    public async Task Stopping_ClosesTheReadingConnections()
    {
        // A file outside the factory's folder, which it deletes when disposed.
        var path = Path.Combine(Directory.CreateTempSubdirectory("claimtracker-stop-").FullName, "claimtracker.db");
        var factory = new ConfiguredFactory(Uncached(("ConnectionStrings:Default", $"Data Source={path}")));
        var slug = await factory.PublishAsync(await factory.CreateClaimAsync("Nordkorea schickt Soldaten nach Kursk"));
        await factory.CreateBrowser().GetAsync($"/claims/{slug}", expectOk: true);

        factory.Dispose();
        SqliteConnection.ClearAllPools();

        // Leaving WAL mode needs the only connection to the file: any connection left open makes this fail ("database is locked").
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode = DELETE";
        Assert.Equal("delete", await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task SwitchedOff_QueriesRunAsBefore()
    {
        using var factory = new ConfiguredFactory(Uncached(("Database:KeepStatementsPrepared", "false")));
        var slug = await factory.PublishAsync(await factory.CreateClaimAsync("Pjöngjang bestreitet die Lieferungen"));
        using var counted = new StatementCount(factory);

        var page = await factory.CreateBrowser().GetAsync($"/claims/{slug}", expectOk: true);

        Assert.Equal("Pjöngjang bestreitet die Lieferungen", page.GetElementById("claim-headline")!.TextContent);
        Assert.Equal((Prepared: 0, Kept: 0, NotCached: 0), counted.Totals);
        Assert.Null(factory.Services.GetService<SqliteStatementCache>());
    }

    /// <summary>The measurements of <c>claimtracker.sqlite.queries</c> for this app's database (other tests' apps run at the same time).</summary>
    private sealed class StatementCount : IDisposable
    {
        private readonly MeterListener listener = new();
        private readonly ConcurrentQueue<string> statements = new();

        public StatementCount(ClaimTrackerFactory factory)
        {
            listener.InstrumentPublished = (instrument, l) =>
            {
                if (instrument is { Name: "claimtracker.sqlite.queries", Meter.Name: "ClaimTracker.Sqlite" })
                {
                    l.EnableMeasurementEvents(instrument);
                }
            };
            listener.SetMeasurementEventCallback<long>((_, _, tags, _) =>
            {
                string? database = null, statement = null;
                foreach (var tag in tags)
                {
                    database = tag.Key == "db.namespace" ? tag.Value as string : database;
                    statement = tag.Key == "statement" ? tag.Value as string : statement;
                }
                if (database == factory.DatabasePath && statement is not null)
                {
                    statements.Enqueue(statement);
                }
            });
            listener.Start();
        }

        public (int Prepared, int Kept, int NotCached) Totals =>
            (statements.Count(s => s == "prepared"), statements.Count(s => s == "kept"), statements.Count(s => s == "not_cached"));

        public void Dispose() => listener.Dispose();
    }
}
