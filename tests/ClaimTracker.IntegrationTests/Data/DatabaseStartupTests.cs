using ClaimTracker.IntegrationTests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace ClaimTracker.IntegrationTests.Data;

[Trait("Engine", "Sqlite")]
public sealed class DatabaseStartupTests
{
    [Fact]
    public async Task FirstStart_CreatesMigratedDatabaseFileInWalMode()
    {
        using var factory = new ClaimTrackerFactory();
        Assert.False(File.Exists(factory.DatabasePath));

        var response = await factory.CreateBrowser().GetAsync("/");

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.True(File.Exists(factory.DatabasePath));
        await using var connection = new SqliteConnection($"Data Source={factory.DatabasePath}");
        await connection.OpenAsync();
        Assert.Equal("wal", await ScalarAsync(connection, "PRAGMA journal_mode"));
        var pending = await factory.WithDbAsync(db => db.Database.GetPendingMigrationsAsync());
        Assert.Empty(pending);
        Assert.NotEqual("0", await ScalarAsync(connection, "SELECT count(*) FROM __EFMigrationsHistory"));
        Assert.Equal("3", await ScalarAsync(connection, "SELECT count(*) FROM AspNetRoles WHERE Name IN ('Admin','Editor','Reviewer')"));
    }

    [Fact]
    public async Task AppConnections_WaitForLocksWithBusyTimeout()
    {
        using var factory = new ClaimTrackerFactory();
        _ = factory.CreateBrowser();

        var timeout = await factory.WithDbAsync(async db =>
        {
            await db.Database.OpenConnectionAsync();
            return await db.Database.SqlQueryRaw<long>("SELECT timeout AS Value FROM pragma_busy_timeout").SingleAsync();
        });

        Assert.Equal(5000, timeout);
    }

    [Fact]
    public async Task Saves_PublishHowLongTheyWaitedForAndHeldTheWriteLock()
    {
        using var factory = new ClaimTrackerFactory();
        _ = factory.CreateBrowser();
        var measured = new System.Collections.Concurrent.ConcurrentBag<(string Instrument, double Seconds)>();
        using var listener = ListenToWriteLock(factory, measured);

        await factory.CreateClaimAsync("Nordkorea liefert Artilleriegranaten an Russland");

        // One save: one transaction queued for the lock and held it while the claim, its change records and its search entries were written.
        var held = measured.Where(m => m.Instrument == "claimtracker.sqlite.write_lock.held").Select(m => m.Seconds).ToList();
        var waited = measured.Where(m => m.Instrument == "claimtracker.sqlite.write_lock.wait").Select(m => m.Seconds).ToList();
        Assert.NotEmpty(held);
        Assert.Equal(waited.Count, held.Count);
        Assert.All(held, s => Assert.InRange(s, double.Epsilon, 5));
        Assert.All(waited, s => Assert.InRange(s, 0, 5));
    }

    [Fact]
    public async Task SaveOfOneStatement_QueuesBehindTheWriterHoldingTheLock()
    {
        using var factory = new ClaimTrackerFactory();
        _ = factory.CreateBrowser();
        var measured = new System.Collections.Concurrent.ConcurrentBag<(string Instrument, double Seconds)>();
        using var listener = ListenToWriteLock(factory, measured);
        // The queue says when a transaction joins it: the test waits for the save to join, not for a guessed time.
        TaskCompletionSource? saveQueued = null;
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            if (instrument.Name == "claimtracker.sqlite.write_lock.queued" && value > 0
                && tags.ToArray().Any(t => t.Key == "db.namespace" && Equals(t.Value, factory.DatabasePath)))
            {
                Volatile.Read(ref saveQueued)?.TrySetResult();
            }
        });

        Task save;
        await using (var holderScope = factory.Services.CreateAsyncScope())
        {
            var holder = holderScope.ServiceProvider.GetRequiredService<ClaimTracker.Infrastructure.Data.AppDbContext>();
            await using var transaction = await holder.Database.BeginTransactionAsync();
            measured.Clear();
            // The holder has the lock (it queued too): from here on, whoever joins the queue waits behind it.
            Volatile.Write(ref saveQueued, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
            // A failed sign-in's audit entry: one INSERT, which EF would send without a transaction of its own.
            save = Task.Run(async () =>
            {
                await using var scope = factory.Services.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<ClaimTracker.Infrastructure.Auditing.AuditLog>()
                    .RecordNowAsync("reader@example.org", ClaimTracker.Domain.Auditing.AuditAction.SignInFailed, "reader@example.org");
            });
            await saveQueued!.Task.WaitAsync(TimeSpan.FromSeconds(30));
            Assert.False(save.IsCompleted, "The save finished while another writer held the lock.");
            await transaction.CommitAsync();
        }
        await save;

        // It waited in the app's queue (which hands the lock on the moment it is free), not in SQLite's retries. How long
        // depends on when the save's task got to the queue after the holder began.
        var wait = Assert.Single(measured.Where(m => m.Instrument == "claimtracker.sqlite.write_lock.wait").Select(m => m.Seconds));
        Assert.InRange(wait, double.Epsilon, 5);
        Assert.Equal(1, await factory.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Target == "reader@example.org")));
    }

    [Fact]
    public async Task SecondStart_OnExistingDatabase_KeepsItsData()
    {
        var folder = Directory.CreateTempSubdirectory("claimtracker-restart-");
        var path = Path.Combine(folder.FullName, "claimtracker.db");
        using (var first = new ReusingFactory(path))
        {
            await first.CreateUserAsync("bleibt@example.org");
        }
        using var second = new ReusingFactory(path);

        var count = await second.WithDbAsync(db => db.Users.CountAsync(u => u.Email == "bleibt@example.org"));

        Assert.Equal(1, count);
    }

    /// <summary>The write lock's measurements (meter ClaimTracker.Sqlite) of this app's database only: other tests' apps run in this process at the same time.</summary>
    private static System.Diagnostics.Metrics.MeterListener ListenToWriteLock(ClaimTrackerFactory factory,
        System.Collections.Concurrent.ConcurrentBag<(string Instrument, double Seconds)> measured)
    {
        var listener = new System.Diagnostics.Metrics.MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == "ClaimTracker.Sqlite")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "db.namespace" && Equals(tag.Value, factory.DatabasePath))
                {
                    measured.Add((instrument.Name, value));
                }
            }
        });
        listener.Start();
        return listener;
    }

    private static async Task<string?> ScalarAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (await command.ExecuteScalarAsync())?.ToString();
    }

    [Fact]
    public async Task ClaimPublicBeforeTheReviewWorkflow_StaysPublic_AsItsVersionOne()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("claimtracker-upgrade-").FullName, "claimtracker.db");
        var options = new DbContextOptionsBuilder<ClaimTracker.Infrastructure.Data.AppDbContext>();
        ClaimTracker.Infrastructure.Data.DatabaseServiceCollectionExtensions.ConfigureSqlite(options, $"Data Source={path}");
        await using (var old = new ClaimTracker.Infrastructure.Data.AppDbContext(options.Options))
        {
            // The database as the release before the workflow left it: a public claim, no versions.
            await old.Database.GetService<Microsoft.EntityFrameworkCore.Migrations.IMigrator>().MigrateAsync("20261123060000_AddClaimAssignment");
            await old.Database.ExecuteSqlRawAsync(
                "INSERT INTO Claims (Slug, Headline, OriginalText, Language, Summary, IsPublic, CreatedBy, CreatedAtUtc, UpdatedBy, UpdatedAtUtc, Version, IsMachineTranslated) " +
                "VALUES ('alte-behauptung', 'Russland nahm die Ölexporte nach Nordkorea wieder auf', 'Kurz darauf nahm Russland die Ölexporte nach Nordkorea wieder auf.', 'de', '', 1, " +
                "'alt@example.org', '2024-01-01 00:00:00', 'alt@example.org', '2024-01-01 00:00:00', '00000000-0000-0000-0000-000000000001', 0)");
        }
        SqliteConnection.ClearAllPools();

        using var factory = new ReusingFactory(path);
        var page = await factory.CreateBrowser().GetAsync("/claims/alte-behauptung", expectOk: true);

        Assert.Equal("Russland nahm die Ölexporte nach Nordkorea wieder auf", page.GetElementById("claim-headline")!.TextContent);
        Assert.Equal(1, await factory.WithDbAsync(db => db.ClaimVersions.CountAsync()));
        Assert.NotEmpty((await factory.CreateBrowser().GetAsync("/claims?q=Ölexporte", expectOk: true)).QuerySelectorAll("a[href='/claims/alte-behauptung']"));
    }

    [Fact]
    public async Task SearchIndexesBeforeTheHeadlineIndexes_AreCarriedOver_HeadlineMatchesStayFirst()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("claimtracker-upgrade-").FullName, "claimtracker.db");
        int id;
        using (var before = new ReusingFactory(path))
        {
            id = await before.CreateClaimAsync("Nordkorea liefert Raketen an Russland", "Berichte über Raketen aus Nordkorea.");
            await before.PublishAsync(id);
            var other = await before.CreateClaimAsync("Ein Bericht aus Kiew", "Nordkorea liefert Raketen, heißt es.");
            await before.PublishAsync(other);
        }
        SqliteConnection.ClearAllPools();
        await using (var connection = new SqliteConnection($"Data Source={path}"))
        {
            // The database as the release before the headline indexes left it.
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "DROP TABLE ClaimSearchHeadline; DROP TABLE ClaimSearchPublishedHeadline; " +
                "DELETE FROM __EFMigrationsHistory WHERE MigrationId = '20261130000000_AddHeadlineSearch';";
            await command.ExecuteNonQueryAsync();
        }
        SqliteConnection.ClearAllPools();

        using var factory = new ReusingFactory(path);
        var page = await factory.CreateBrowser().GetAsync("/claims?q=raketen+nordkorea", expectOk: true);

        var links = page.QuerySelectorAll("ul.public-claims a").Select(a => a.GetAttribute("href")).ToList();
        var slug = await factory.WithDbAsync(db => db.Claims.Where(c => c.Id == id).Select(c => c.Slug).SingleAsync());
        Assert.True(links.Count >= 2, string.Join(" ", links));
        Assert.Equal("/claims/" + slug, links[0]);
        await using var scope = factory.Services.CreateAsyncScope();
        var working = await scope.ServiceProvider.GetRequiredService<ClaimTracker.Infrastructure.Search.IClaimSearch>()
            .SearchAsync(scope.ServiceProvider.GetRequiredService<ClaimTracker.Infrastructure.Data.AppDbContext>(), "raketen nordkorea", 10);
        Assert.Equal(id, working[0].ClaimId);
        Assert.Equal(0, working[0].Score);
    }

    private sealed class ReusingFactory(string path) : ClaimTrackerFactory
    {
        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("ConnectionStrings:Default", $"Data Source={path}");
        }
    }
}
