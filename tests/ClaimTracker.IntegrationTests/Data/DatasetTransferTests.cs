using System.Globalization;
using System.Net;
using ClaimTracker.Domain.Accounts;
using ClaimTracker.Infrastructure.Data.Transfer;
using ClaimTracker.Infrastructure.Seeding;
using ClaimTracker.IntegrationTests.Infrastructure;
using ClaimTracker.Web.Cli;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace ClaimTracker.IntegrationTests.Data;

/// <summary>
/// The export and import commands on the suite's engine (SQLite, and PostgreSQL in the second pass): a dataset
/// moved to a fresh database gives readers the same pages; bad files and occupied targets change nothing.
/// The move from SQLite to PostgreSQL itself is in <see cref="SqliteToPostgresMoveTests"/>.
/// </summary>
public sealed class DatasetTransferTests : IDisposable
{
    private const string Editor = "redakteurin@example.org";
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("claimtracker-export-");

    private string ExportFile => Path.Combine(folder.FullName, "claimtracker-export.json");

    [Fact]
    public async Task ExportThenImport_IntoAFreshDatabase_ReadersSeeTheSamePagesAndEveryRowArrives()
    {
        using var source = await SourceWithDemoDataAsync();
        var expected = await SnapshotAsync(source);
        var export = await RunAsync(source, "export", "--file", ExportFile);
        Assert.True(export.Exit == 0, export.Error);
        using var target = new FreshDatabase();

        using (var importer = target.NewInstance())
        {
            var import = await RunAsync(importer, "import", "--file", ExportFile);
            Assert.True(import.Exit == 0, import.Error + import.Output);
            Assert.Contains("Imported 14 claims, 1 account,", import.Output);
        }

        // The app started again on the imported database, as after a move.
        using var moved = target.NewInstance();
        var actual = await SnapshotAsync(moved);
        Assert.True(expected.Count > 60, $"Only {expected.Count} pages were compared.");
        Assert.All(expected.Where(p => p.Key.StartsWith("/claims/", StringComparison.Ordinal)), p => Assert.StartsWith("200\n", p.Value));
        Assert.Contains("Nordkorea", expected["/claims?q=raketen"]);
        var differences = PublicPages.Differences(expected, actual);
        Assert.True(differences == "", differences);
        var header = await ReadHeaderAsync();
        foreach (var table in header.Tables)
        {
            // The import records itself in the audit log.
            var extra = table.Name == "AuditEntries" ? 1 : 0;
            Assert.True(table.Rows + extra == await CountAsync(moved, table.Name), $"Table {table.Name}: {table.Rows} rows in the file.");
        }
    }

    [Fact]
    public async Task Import_KeepsKeysVersionsAndTimes_AndNewRowsGetKeysAfterTheImportedOnes()
    {
        using var source = await SourceWithDemoDataAsync();
        var before = await source.WithDbAsync(db => db.Claims.OrderBy(c => c.Id)
            .Select(c => new { c.Id, c.Slug, c.Version, c.ParentClaimId, c.CreatedAtUtc }).ToListAsync());
        Assert.Equal(0, (await RunAsync(source, "export", "--file", ExportFile)).Exit);
        using var target = new FreshDatabase();
        using var moved = target.NewInstance();
        Assert.Equal(0, (await RunAsync(moved, "import", "--file", ExportFile)).Exit);

        var after = await moved.WithDbAsync(db => db.Claims.OrderBy(c => c.Id)
            .Select(c => new { c.Id, c.Slug, c.Version, c.ParentClaimId, c.CreatedAtUtc }).ToListAsync());
        Assert.Equal(before.Select(c => (c.Id, c.Slug, c.Version, c.ParentClaimId)), after.Select(c => (c.Id, c.Slug, c.Version, c.ParentClaimId)));
        Assert.Contains(after, c => c.ParentClaimId is not null);
        // PostgreSQL keeps microseconds; SQLite ticks.
        Assert.All(before.Zip(after), pair => Assert.True((pair.First.CreatedAtUtc - pair.Second.CreatedAtUtc).Duration() < TimeSpan.FromMilliseconds(1)));
        var newId = await moved.CreateClaimAsync("Neue Behauptung nach dem Umzug");
        Assert.True(newId > before.Max(c => c.Id));
        var maxSource = await source.WithDbAsync(db => db.Sources.MaxAsync(x => x.Id));
        var (_, newSource) = await moved.CreateActorAndSourceAsync();
        Assert.True(int.Parse(newSource, CultureInfo.InvariantCulture) > maxSource);
    }

    [Fact]
    public async Task Import_IntoADatabaseThatHoldsClaims_RefusesAndChangesNothing()
    {
        using var source = await SourceWithDemoDataAsync();
        Assert.Equal(0, (await RunAsync(source, "export", "--file", ExportFile)).Exit);
        using var target = new FreshDatabase();
        using var occupied = target.NewInstance();
        var id = await occupied.CreateClaimAsync("Eine Behauptung, die schon da ist");

        var import = await RunAsync(occupied, "import", "--file", ExportFile);

        Assert.Equal(CliCommand.FailureExitCode, import.Exit);
        Assert.Contains("already holds 1 claim", import.Error);
        Assert.Contains("nothing was imported", import.Error);
        Assert.Equal([id], await occupied.WithDbAsync(db => db.Claims.Select(c => c.Id).ToListAsync()));
    }

    [Fact]
    public async Task Import_FileThatEndsEarly_SaysSoAndLeavesTheDatabaseAsItWas()
    {
        using var source = await SourceWithDemoDataAsync();
        Assert.Equal(0, (await RunAsync(source, "export", "--file", ExportFile)).Exit);
        var text = await File.ReadAllTextAsync(ExportFile);
        await File.WriteAllTextAsync(ExportFile, text[..(text.Length * 2 / 3)]);
        using var target = new FreshDatabase();
        using var app = target.NewInstance();
        var statuses = await app.WithDbAsync(db => db.Statuses.CountAsync());

        var import = await RunAsync(app, "import", "--file", ExportFile);

        Assert.Equal(CliCommand.FailureExitCode, import.Exit);
        Assert.Contains("not a complete ClaimTracker dataset", import.Error);
        Assert.Equal(0, await app.WithDbAsync(async db => await db.Claims.CountAsync() + await db.Actors.CountAsync() + await db.Users.CountAsync()));
        Assert.Equal(statuses, await app.WithDbAsync(db => db.Statuses.CountAsync()));
        Assert.Equal(HttpStatusCode.OK, (await app.CreateBrowser().GetAsync("/claims")).StatusCode);
    }

    [Fact]
    public async Task Import_FileWithARowTakenOut_SaysWhichTableAndImportsNothing()
    {
        using var source = await SourceWithDemoDataAsync();
        Assert.Equal(0, (await RunAsync(source, "export", "--file", ExportFile)).Exit);
        var lines = (await File.ReadAllLinesAsync(ExportFile)).ToList();
        var workflowEvents = lines.FindIndex(l => l.StartsWith("{\"table\":\"WorkflowEvents\"", StringComparison.Ordinal));
        lines.RemoveAt(workflowEvents + 1);
        await File.WriteAllLinesAsync(ExportFile, lines);
        using var target = new FreshDatabase();
        using var app = target.NewInstance();

        var import = await RunAsync(app, "import", "--file", ExportFile);

        Assert.Equal(CliCommand.FailureExitCode, import.Exit);
        Assert.Contains("rows of table WorkflowEvents", import.Error);
        Assert.Equal(0, await app.WithDbAsync(db => db.Claims.CountAsync()));
    }

    [Theory]
    [InlineData("Sources", "Url", "javascript:alert(1)", "")]
    [InlineData("Claims", "Slug", "../../etc/passwd", "is no permalink")]
    [InlineData("Claims", "Headline", "Kim\u202Egnoj\u0000", "text-direction character (U+202E)")]
    [InlineData("Claims", "Headline", "5 MB", "Headline can have at most 120 characters (this has 5000000)")]
    public async Task Import_ValueTheFormsWouldRefuse_RefusesTheFileNamingTheRow(string table, string column, string value, string message)
    {
        using var source = await SourceWithDemoDataAsync();
        Assert.Equal(0, (await RunAsync(source, "export", "--file", ExportFile)).Exit);
        var lines = (await File.ReadAllLinesAsync(ExportFile)).ToList();
        var header = lines.FindIndex(l => l.StartsWith($"{{\"table\":\"{table}\"", StringComparison.Ordinal));
        var columns = System.Text.Json.Nodes.JsonNode.Parse(lines[header].TrimEnd(','))!["columns"]!.AsArray().Select(c => c!.GetValue<string>()).ToList();
        var row = System.Text.Json.Nodes.JsonNode.Parse(lines[header + 1].TrimEnd(','))!.AsArray();
        row[columns.IndexOf(column)] = value == "5 MB" ? new string('x', 5_000_000) : value;
        lines[header + 1] = row.ToJsonString() + (lines[header + 1].EndsWith(',') ? "," : "");
        await File.WriteAllLinesAsync(ExportFile, lines);
        using var target = new FreshDatabase();
        using var app = target.NewInstance();

        var import = await RunAsync(app, "import", "--file", ExportFile);

        Assert.Equal(CliCommand.FailureExitCode, import.Exit);
        Assert.Contains($"Row 1 of table {table}:", import.Error);
        Assert.Contains(message, import.Error);
        Assert.Equal(0, await app.WithDbAsync(db => db.Claims.CountAsync()));
    }

    [Theory]
    [InlineData("{\"hello\":\"world\"}", "not a ClaimTracker dataset")]
    [InlineData("[{\"hello\":\"world\"}]", "not a ClaimTracker dataset")]
    [InlineData("[]", "holds no ClaimTracker dataset")]
    [InlineData("[{\"format\":\"claimtracker-dataset\",\"formatVersion\":99,\"tables\":[]}]", "Update ClaimTracker first")]
    [InlineData("[{\"format\":\"claimtracker-dataset\",\"formatVersion\":1,\"tables\":[]},{\"table\":\"Geheim\",\"columns\":[\"Id\"]}]", "table 'Geheim'")]
    public async Task Import_NotAnExport_SaysWhyAndImportsNothing(string content, string message)
    {
        await File.WriteAllTextAsync(ExportFile, content);
        using var target = new FreshDatabase();
        using var app = target.NewInstance();

        var import = await RunAsync(app, "import", "--file", ExportFile);

        Assert.Equal(CliCommand.FailureExitCode, import.Exit);
        Assert.Contains(message, import.Error);
        Assert.NotEqual(0, await app.WithDbAsync(db => db.Statuses.CountAsync()));
    }

    [Fact]
    public async Task Export_WithoutPasswordHashes_AccountsNeedANewPassword_WhichCreateAdminGives()
    {
        using var source = await SourceWithDemoDataAsync();
        var hash = await source.WithDbAsync(db => db.Users.Where(u => u.Email == Editor).Select(u => u.PasswordHash).SingleAsync());
        var export = await RunAsync(source, "export", "--file", ExportFile);
        Assert.Contains("Password hashes are not included", export.Output);
        var file = await File.ReadAllTextAsync(ExportFile);
        Assert.DoesNotContain(hash!, file);
        Assert.DoesNotContain("\"PasswordHash\"", file);
        Assert.Contains("„", file); // umlauts and German quotes as they are, not escaped
        using var target = new FreshDatabase();
        using var moved = target.NewInstance();

        var import = await RunAsync(moved, "import", "--file", ExportFile);
        Assert.Contains("came without passwords", import.Output);
        Assert.Equal(HttpStatusCode.OK, (await moved.CreateBrowser().SignInAsync(Editor, ClaimTrackerFactory.Password)).StatusCode);
        var admin = await moved.RunCommandAsync(["create-admin", "--email", Editor, "--password-stdin"], "Neues Passwort nach dem Umzug 2026\n");

        Assert.True(admin.Exit == 0, admin.Error);
        Assert.Contains("had no password", admin.Output);
        Assert.Equal(HttpStatusCode.Redirect, (await moved.CreateBrowser().SignInAsync(Editor, "Neues Passwort nach dem Umzug 2026")).StatusCode);
        Assert.Equal([Roles.Admin, Roles.Editor], await moved.RolesOfAsync(Editor));
    }

    [Fact]
    public async Task Export_WithPasswordHashes_AccountsSignInWithTheirOwnPasswords()
    {
        using var source = await SourceWithDemoDataAsync();
        var export = await RunAsync(source, "export", "--file", ExportFile, "--include-password-hashes");
        Assert.Contains("keep the file as safe as the database", export.Output);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(ExportFile));
        }
        using var target = new FreshDatabase();
        using var moved = target.NewInstance();

        Assert.Equal(0, (await RunAsync(moved, "import", "--file", ExportFile)).Exit);

        Assert.Equal(HttpStatusCode.Redirect, (await moved.CreateBrowser().SignInAsync(Editor, ClaimTrackerFactory.Password)).StatusCode);
        Assert.Equal([Roles.Editor], await moved.RolesOfAsync(Editor));
    }

    [Fact]
    public async Task Export_ToAFolderThatDoesNotExist_SaysSoAndWritesNothing()
    {
        using var source = new ClaimTrackerFactory();
        var export = await RunAsync(source, "export", "--file", Path.Combine(folder.FullName, "fehlt", "export.json"));

        Assert.Equal(CliCommand.UsageErrorExitCode, export.Exit);
        Assert.Contains("does not exist", export.Error);
    }

    public void Dispose() => folder.Delete(recursive: true);

    /// <summary>The seed articles' claims, an editor, and a sub-claim with its parent, as a newsroom's data.</summary>
    private static async Task<ClaimTrackerFactory> SourceWithDemoDataAsync()
    {
        var source = new ClaimTrackerFactory();
        await using (var scope = source.Services.CreateAsyncScope())
        {
            Assert.True(await scope.ServiceProvider.GetRequiredService<DemoData>().LoadAsync());
        }
        await source.CreateUserAsync(Editor, Roles.Editor);
        var parent = await source.CreateClaimAsync("Pjöngjang schickt Arbeiter in das Donezbecken");
        await source.PublishAsync(await source.CreateClaimAsync("Nordkoreanische Arbeiter helfen beim „Wiederaufbau“ in Luhansk", parentId: parent));
        await source.PublishAsync(parent);
        return source;
    }

    private static async Task<SortedDictionary<string, string>> SnapshotAsync(ClaimTrackerFactory app)
    {
        var claims = await app.WithDbAsync(db => db.Claims.Where(c => c.IsPublic).Select(c => c.Slug).ToListAsync());
        var actors = await app.WithDbAsync(db => db.Actors.Select(a => a.Slug).ToListAsync());
        var topics = await app.WithDbAsync(db => db.Topics.Select(t => t.Slug).ToListAsync());
        return await PublicPages.SnapshotAsync(app.CreateBrowser(), claims, actors, topics);
    }

    private async Task<DatasetHeader> ReadHeaderAsync()
    {
        using var reader = new StreamReader(ExportFile);
        await reader.ReadLineAsync();
        var line = (await reader.ReadLineAsync())!.TrimEnd(',');
        return System.Text.Json.JsonSerializer.Deserialize<DatasetHeader>(line, DatasetFile.Json)!;
    }

    private static Task<long> CountAsync(ClaimTrackerFactory app, string table) =>
        app.WithDbAsync(async db =>
        {
            var name = db.GetService<ISqlGenerationHelper>().DelimitIdentifier(table);
            await db.Database.OpenConnectionAsync();
            try
            {
                await using var command = db.Database.GetDbConnection().CreateCommand();
                command.CommandText = "SELECT COUNT(*) FROM " + name;
                return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        });

    private static Task<(int Exit, string Output, string Error)> RunAsync(ClaimTrackerFactory app, params string[] args) =>
        app.RunCommandAsync(args);
}
