using Microsoft.Data.Sqlite;
using Npgsql;

namespace ClaimTracker.Infrastructure.Data;

/// <summary>The database engines ClaimTracker runs on (configuration key <c>Database:Provider</c>).</summary>
public enum DatabaseProvider
{
    /// <summary>One file under data/: the default for a single machine.</summary>
    Sqlite,

    /// <summary>A PostgreSQL server shared by several app instances.</summary>
    Postgres,
}

/// <summary>Which engine and where the database lives, resolved once at start-up.</summary>
public sealed class DatabaseSettings
{
    public const string DefaultConnectionString = "Data Source=data/claimtracker.db";
    public const int BusyTimeoutMilliseconds = 5000;

    private DatabaseSettings(DatabaseProvider provider, string connectionString, string? filePath, string description)
    {
        Provider = provider;
        ConnectionString = connectionString;
        FilePath = filePath;
        Description = description;
    }

    public DatabaseProvider Provider { get; }

    public string ConnectionString { get; }

    /// <summary>The absolute path of the SQLite file; null on PostgreSQL.</summary>
    public string? FilePath { get; }

    /// <summary>Where the data is, for logs and command output: the file, or server and database (never the password).</summary>
    public string Description { get; }

    public bool IsSqlite => Provider == DatabaseProvider.Sqlite;

    /// <summary>
    /// Reads <c>Database:Provider</c> (Sqlite when unset) and <c>ConnectionStrings:Default</c>. An unknown
    /// provider or a connection string the engine cannot read stops the start with a message naming the key.
    /// </summary>
    public static DatabaseSettings From(string? provider, string? connectionString, string contentRoot)
    {
        if (string.IsNullOrWhiteSpace(provider) || provider.Equals("Sqlite", StringComparison.OrdinalIgnoreCase))
        {
            return ForSqlite(connectionString, contentRoot);
        }
        if (provider.Equals("Postgres", StringComparison.OrdinalIgnoreCase) || provider.Equals("PostgreSQL", StringComparison.OrdinalIgnoreCase))
        {
            return ForPostgres(connectionString);
        }
        throw new InvalidOperationException($"Database:Provider is '{provider}'; it must be 'Sqlite' (the default) or 'Postgres'.");
    }

    /// <summary>
    /// Resolves a relative SQLite file against the content root, so the app finds the same file
    /// whichever directory it was started from.
    /// </summary>
    public static DatabaseSettings ForSqlite(string? configured, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(
            string.IsNullOrWhiteSpace(configured) ? DefaultConnectionString : configured);
        if (string.IsNullOrWhiteSpace(builder.DataSource) || builder.DataSource == ":memory:"
            || builder.Mode == SqliteOpenMode.Memory)
        {
            throw new InvalidOperationException(
                "ConnectionStrings:Default must name a SQLite file (e.g. 'Data Source=data/claimtracker.db'); in-memory databases are not supported.");
        }
        builder.DataSource = Path.GetFullPath(builder.DataSource, contentRoot);
        builder.Pooling = true;
        return new DatabaseSettings(DatabaseProvider.Sqlite, builder.ToString(), builder.DataSource, builder.DataSource);
    }

    public static DatabaseSettings ForPostgres(string? configured)
    {
        if (string.IsNullOrWhiteSpace(configured))
        {
            throw new InvalidOperationException(
                "Database:Provider is 'Postgres' but ConnectionStrings:Default is empty; give it e.g. 'Host=db.example;Database=claimtracker;Username=claimtracker;Password=…'.");
        }
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(configured);
        }
        catch (ArgumentException e)
        {
            throw new InvalidOperationException($"ConnectionStrings:Default is not a PostgreSQL connection string: {e.Message}", e);
        }
        if (string.IsNullOrWhiteSpace(builder.Host) || string.IsNullOrWhiteSpace(builder.Database))
        {
            throw new InvalidOperationException(
                "ConnectionStrings:Default must name the PostgreSQL server and database, e.g. 'Host=db.example;Database=claimtracker;Username=claimtracker;Password=…'.");
        }
        return new DatabaseSettings(DatabaseProvider.Postgres, builder.ConnectionString, null,
            $"PostgreSQL database {builder.Database} on {builder.Host}:{builder.Port}");
    }
}
