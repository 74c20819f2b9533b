using Microsoft.Data.Sqlite;

namespace ClaimTracker.Infrastructure.Data;

/// <summary>
/// A failure of the storage rather than of the data: the database is read-only, its disk is full, a file cannot be read or
/// written, or the server went away. What was typed is not at fault and must not be lost; the answer says what happened.
/// </summary>
public static class StorageFault
{
    public static bool Is(Exception? exception) => exception?.GetBaseException() switch
    {
        // SQLITE_READONLY, SQLITE_IOERR, SQLITE_CORRUPT, SQLITE_FULL, SQLITE_CANTOPEN, SQLITE_NOTADB.
        SqliteException { SqliteErrorCode: 8 or 10 or 11 or 13 or 14 or 26 } => true,
        // disk full, out of memory, read-only transaction, admin shutdown and crash, connection failures.
        Npgsql.PostgresException { SqlState: "53100" or "53200" or "25006" or "57P01" or "57P02" or "57P03" } => true,
        Npgsql.NpgsqlException { InnerException: IOException or System.Net.Sockets.SocketException } => true,
        _ => false,
    };

    /// <summary>
    /// Whether a database is open for reading only (the file or its folder is read-only, or it was opened so): SQLite then
    /// fails every write. Connections opened while that was so stay read-only, so none of them is given out again.
    /// </summary>
    public static bool IsReadOnly(SqliteConnection connection) => SQLitePCL.raw.sqlite3_db_readonly(connection.Handle, "main") == 1;

    /// <summary>The SQLite databases (by file) whose last save failed for storage reasons.</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> Suspects = new(StringComparer.Ordinal);

    /// <summary>
    /// A save to this database failed for storage reasons. Until a save to it succeeds again, none of its SQLite connections goes
    /// back into the pool: one opened while the file could not be written may have come up half-writable (the journal or WAL
    /// index read-only) without saying so, and would fail saves long after the fault ended (measured: every save, until a
    /// restart). Fresh connections cost ~0.1 ms.
    /// </summary>
    public static void Seen(string? connectionString)
    {
        if (FileOf(connectionString) is { } file)
        {
            Suspects[file] = true;
            SqliteConnection.ClearAllPools();
        }
    }

    /// <summary>A save to this database went through: the storage is sound again, its connections are pooled as before.</summary>
    public static void Cleared(string? connectionString)
    {
        if (!Suspects.IsEmpty && FileOf(connectionString) is { } file)
        {
            Suspects.TryRemove(file, out _);
        }
    }

    /// <summary>Called for every opened connection: while its database is suspected it is discarded when closed.</summary>
    internal static void DropWhileSuspect(System.Data.Common.DbConnection connection)
    {
        if (!Suspects.IsEmpty && connection is SqliteConnection sqlite && FileOf(sqlite.ConnectionString) is { } file && Suspects.ContainsKey(file))
        {
            SqliteConnection.ClearPool(sqlite);
        }
    }

    private static string? FileOf(string? connectionString)
    {
        if (string.IsNullOrEmpty(connectionString))
        {
            return null;
        }
        try
        {
            var source = new SqliteConnectionStringBuilder(connectionString).DataSource;
            return string.IsNullOrEmpty(source) || source == ":memory:" ? null : Path.GetFullPath(source);
        }
        catch (ArgumentException)
        {
            // Not a SQLite connection string: a PostgreSQL database, whose connections have no such state.
            return null;
        }
    }

    /// <summary>
    /// A PostgreSQL connection the pool kept was closed by the server (a restart, a failover, an administrator): the same
    /// request on a fresh connection would have worked. Every pooled connection is as old, so all of them are dropped — those of
    /// <paramref name="db"/>'s data source too (EF's Npgsql provider keeps its own, which the global clearing does not reach).
    /// </summary>
    public static bool LostServerConnection(Exception? exception, Microsoft.EntityFrameworkCore.DbContext? db = null)
    {
        var lost = false;
        for (var current = exception; current is not null && !lost; current = current.InnerException)
        {
            lost = current is Npgsql.PostgresException { SqlState: "57P01" or "57P02" or "57P03" }
                   or Npgsql.NpgsqlException { InnerException: IOException or System.Net.Sockets.SocketException };
        }
        if (lost)
        {
            Npgsql.NpgsqlConnection.ClearAllPools();
            if (db is not null && Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.GetDbConnection(db.Database) is Npgsql.NpgsqlConnection connection)
            {
                Npgsql.NpgsqlConnection.ClearPool(connection);
            }
        }
        return lost;
    }
}
