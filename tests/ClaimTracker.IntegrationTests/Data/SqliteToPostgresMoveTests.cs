using ClaimTracker.IntegrationTests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace ClaimTracker.IntegrationTests.Data;

/// <summary>
/// A newsroom outgrows one machine: the README's move from SQLite to PostgreSQL, command by command, each in a
/// process of its own as an operator runs it. Readers then see the same pages on PostgreSQL as on SQLite.
/// </summary>
[Trait("Engine", "Postgres")]
public sealed class SqliteToPostgresMoveTests
{
    [Fact]
    public async Task ExportFromSqlite_ImportIntoPostgres_ReadersSeeIdenticalPublicPages()
    {
        var server = TestEngine.RequirePostgresServer();
        var folder = Directory.CreateTempSubdirectory("claimtracker-move-");
        var postgres = TestEngine.NewPostgresDatabase(server);
        try
        {
            var sqliteFile = Path.Combine(folder.FullName, "claimtracker.db");
            var onSqlite = new Dictionary<string, string>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Development",
                ["ConnectionStrings__Default"] = $"Data Source={sqliteFile}",
            };
            var onPostgres = new Dictionary<string, string>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Development",
                ["Database__Provider"] = "Postgres",
                ["ConnectionStrings__Default"] = postgres,
            };

            // A first start on SQLite in Development loads the seed articles' claims.
            SortedDictionary<string, string> onSqlitePages;
            await using (var app = await AppProcess.StartAsync(onSqlite, folder.FullName))
            {
                onSqlitePages = await SnapshotAsync(app, sqliteFile);
            }
            var exportFile = Path.Combine(folder.FullName, "claimtracker-export.json");
            var export = await AppProcess.RunAsync(["export", "--file", exportFile], onSqlite, folder.FullName);
            Assert.True(export.Exit == 0, export.Output);
            var import = await AppProcess.RunAsync(["import", "--file", exportFile], onPostgres, folder.FullName);
            Assert.True(import.Exit == 0, import.Output);
            Assert.Contains("Imported 12 claims", import.Output);

            await using var moved = await AppProcess.StartAsync(onPostgres, folder.FullName);
            var onPostgresPages = await SnapshotAsync(moved, sqliteFile);

            Assert.True(onSqlitePages.Count > 60, $"Only {onSqlitePages.Count} pages were compared.");
            Assert.Contains("Nordkorea", onSqlitePages["/claims?q=raketen"]);
            var differences = PublicPages.Differences(onSqlitePages, onPostgresPages);
            Assert.True(differences == "", differences);
            Assert.DoesNotContain("Loaded the demo claims", moved.Log);
        }
        finally
        {
            TestEngine.DropPostgresDatabase(postgres);
            SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    /// <summary>The pages of every public claim, actor and topic the SQLite file holds, as the app serves them.</summary>
    private static async Task<SortedDictionary<string, string>> SnapshotAsync(AppProcess app, string sqliteFile)
    {
        var claims = Read(sqliteFile, "SELECT Slug FROM Claims WHERE IsPublic");
        var actors = Read(sqliteFile, "SELECT Slug FROM Actors");
        var topics = Read(sqliteFile, "SELECT Slug FROM Topics");
        using var reader = new HttpClient { BaseAddress = app.BaseAddress };
        // Both apps as if behind the same public name, so their absolute links (canonical, feeds, API) can be compared.
        reader.DefaultRequestHeaders.Host = "claims.example.org";
        return await PublicPages.SnapshotAsync(reader, claims, actors, topics);
    }

    private static List<string> Read(string sqliteFile, string query)
    {
        using var connection = new SqliteConnection($"Data Source={sqliteFile};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = query;
        using var reader = command.ExecuteReader();
        var values = new List<string>();
        while (reader.Read())
        {
            values.Add(reader.GetString(0));
        }
        return values;
    }
}
