using Microsoft.Data.Sqlite;

namespace ClaimTracker.Infrastructure.Data;

/// <summary>Where the database lives, resolved once at start-up.</summary>
public sealed class DatabaseSettings
{
    public const string DefaultConnectionString = "Data Source=data/claimtracker.db";
    public const int BusyTimeoutMilliseconds = 5000;

    private DatabaseSettings(string connectionString, string filePath)
    {
        ConnectionString = connectionString;
        FilePath = filePath;
    }

    public string ConnectionString { get; }

    /// <summary>The absolute path of the SQLite file.</summary>
    public string FilePath { get; }

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
        return new DatabaseSettings(builder.ToString(), builder.DataSource);
    }
}
