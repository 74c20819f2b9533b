using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ClaimTracker.Infrastructure.Data;

/// <summary>
/// Sets the busy timeout on every SQLite connection EF opens, so a writer waits for a
/// concurrent writer instead of failing at once with "database is locked". The setting belongs
/// to the native connection, which the pool keeps open: it is set once per native connection.
/// A new native connection that SQLite opened read-only although read-write was asked for (the file or its folder was read-only
/// at that moment) is never pooled: it would stay read-only after the fault ended and fail the next save that gets it; nor is any
/// connection used while a storage fault is suspected (<see cref="StorageFault"/>).
/// </summary>
internal sealed class SqlitePragmas(int busyTimeoutMilliseconds) : DbConnectionInterceptor
{
    private readonly ConditionalWeakTable<object, object> configured = [];

    private string Sql => $"PRAGMA busy_timeout = {busyTimeoutMilliseconds};";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        StorageFault.DropWhileSuspect(connection);
        if (IsNew(connection))
        {
            DropIfReadOnlyByFault(connection);
            using var command = connection.CreateCommand();
            command.CommandText = Sql;
            command.ExecuteNonQuery();
        }
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData,
        CancellationToken cancellationToken = default)
    {
        StorageFault.DropWhileSuspect(connection);
        if (IsNew(connection))
        {
            DropIfReadOnlyByFault(connection);
            await using var command = connection.CreateCommand();
            command.CommandText = Sql;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static void DropIfReadOnlyByFault(DbConnection connection)
    {
        if (connection is SqliteConnection sqlite
            && new SqliteConnectionStringBuilder(sqlite.ConnectionString).Mode != SqliteOpenMode.ReadOnly
            && StorageFault.IsReadOnly(sqlite))
        {
            // Discarded when closed, with the pool's idle connections (they are as old as the fault or older).
            SqliteConnection.ClearPool(sqlite);
        }
    }

    private bool IsNew(DbConnection connection) =>
        connection is not SqliteConnection { Handle: { } handle } || configured.TryAdd(handle, this);
}
