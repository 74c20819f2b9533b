using Npgsql;

namespace ClaimTracker.IntegrationTests.Infrastructure;

/// <summary>
/// Which engine the integration suite runs on: SQLite unless CLAIMTRACKER_TEST_ENGINE=Postgres, and the
/// PostgreSQL server for it (CLAIMTRACKER_TEST_POSTGRES, a connection string without a database name).
/// </summary>
public static class TestEngine
{
    public const string EngineVariable = "CLAIMTRACKER_TEST_ENGINE";
    public const string ServerVariable = "CLAIMTRACKER_TEST_POSTGRES";

    public static bool IsPostgres =>
        string.Equals(Environment.GetEnvironmentVariable(EngineVariable), "Postgres", StringComparison.OrdinalIgnoreCase);

    /// <summary>The test PostgreSQL server, or null when none was given.</summary>
    public static string? PostgresServer => Environment.GetEnvironmentVariable(ServerVariable) is { Length: > 0 } server ? server : null;

    /// <summary>
    /// The PostgreSQL server for a test that needs one. Without one the test is skipped with the reason,
    /// except in CI (CI=true), where every test must run: there it fails.
    /// </summary>
    public static string RequirePostgresServer() =>
        PostgresServer ?? SkipOutsideCi($"No PostgreSQL server: set {ServerVariable} (test.sh starts a throw-away one).");

    /// <summary>
    /// For tests that run whole apps on PostgreSQL: the suite must run on PostgreSQL too, since compiled
    /// queries are bound to the first engine a test process uses (one engine per process, as in production).
    /// </summary>
    public static string RequirePostgresSuite() =>
        IsPostgres
            ? RequirePostgresServer()
            : SkipOutsideCi($"Runs in the suite's PostgreSQL pass only ({EngineVariable}=Postgres, as test.sh does): one engine per test process.");

    private static string SkipOutsideCi(string reason)
    {
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException(reason + " In CI every test must run.");
        }
        Assert.Skip(reason);
        return "";
    }

    /// <summary>
    /// A connection string for a database name no other test uses; the app's migrations create the
    /// database at its first start.
    /// </summary>
    public static string NewPostgresDatabase(string? server = null)
    {
        server ??= PostgresServer ?? throw new InvalidOperationException(
            $"{EngineVariable}=Postgres needs {ServerVariable}, the connection string of a PostgreSQL server (test.sh starts one).");
        return new NpgsqlConnectionStringBuilder(server) { Database = "ct_" + Guid.NewGuid().ToString("N") }.ConnectionString;
    }

    /// <summary>Drops a test database, ending the connections still open to it.</summary>
    public static void DropPostgresDatabase(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var database = builder.Database!;
        NpgsqlConnection.ClearAllPools();
        builder.Database = "postgres";
        builder.Pooling = false;
        using var connection = new NpgsqlConnection(builder.ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        // The name is ct_ and 32 hex digits, made above; it cannot hold a quote.
        command.CommandText = $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)";
        command.ExecuteNonQuery();
    }
}

/// <summary>
/// A database of the suite's engine that no app has opened yet (a SQLite file in a folder of its own, or a
/// PostgreSQL database the first start creates), for tests that move data between databases or run several app
/// instances on one database; removed when disposed.
/// </summary>
public sealed class FreshDatabase : IDisposable
{
    private readonly DirectoryInfo? folder;

    public FreshDatabase()
    {
        if (TestEngine.IsPostgres)
        {
            ConnectionString = TestEngine.NewPostgresDatabase();
            Settings = new Dictionary<string, string> { ["Database:Provider"] = "Postgres", ["ConnectionStrings:Default"] = ConnectionString };
        }
        else
        {
            folder = Directory.CreateTempSubdirectory("claimtracker-fresh-");
            ConnectionString = $"Data Source={Path.Combine(folder.FullName, "claimtracker.db")}";
            Settings = new Dictionary<string, string> { ["ConnectionStrings:Default"] = ConnectionString };
        }
    }

    public string ConnectionString { get; }

    /// <summary>The configuration that points an app at this database.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; }

    /// <summary>An app instance (Production) on this database; the first to start migrates it and creates its default rows.</summary>
    public ConfiguredFactory NewInstance() => new(Settings);

    public void Dispose()
    {
        if (folder is null)
        {
            TestEngine.DropPostgresDatabase(ConnectionString);
            return;
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            folder.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a pooled connection; the OS temp cleaner takes it.
        }
    }
}
