using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ClaimTracker.Infrastructure.Data;

/// <summary>
/// SQLite lets one transaction write at a time. Left to SQLite, a writer that finds the database busy
/// sleeps and retries (1, 2, 5, 10 … 100 ms apart), so under concurrent saves a waiting editor often
/// sleeps long after the lock was freed: measured at 100,000 claims, lock waits of 30–180 ms inside
/// saves that take a few ms. Here the transactions of this process queue for the write lock in order
/// instead, and each starts the moment the previous one ends. The lock is taken when a transaction
/// begins and given back when it commits, rolls back or fails, or at the latest when its connection
/// closes. A transaction that cannot get it within the busy timeout goes ahead anyway and falls back
/// to SQLite's own waiting, so a forgotten transaction can slow writers but never stop them.
/// Every save queues: EF sends a save of one statement (an audit entry, an edit that changes nothing but
/// the claim's version) without a transaction, which would pass the queue and meet the queued writer in
/// SQLite's sleeping retries instead, so on SQLite every save runs in a transaction
/// (<see cref="AutoTransactionBehavior.Always"/>) and takes its place in the queue.
/// One queue per database file (connection string), shared by every context of the process.
/// How many transactions wait for the lock now (an up-down counter), and how long they waited and held it (two histograms), are published by the meter
/// <c>ClaimTracker.Sqlite</c>, tagged with the database file (e.g. <c>dotnet-counters monitor --counters ClaimTracker.Sqlite</c>).
/// </summary>
internal sealed class SqliteWriterQueue : DbTransactionInterceptor, IDbConnectionInterceptor, ISaveChangesInterceptor
{
    private static readonly ConcurrentDictionary<string, SqliteWriterQueue> Queues = new(StringComparer.Ordinal);
    private static readonly Histogram<double> Waited = SqliteMeter.Instance.CreateHistogram<double>("claimtracker.sqlite.write_lock.wait", "s",
        "How long a transaction queued for the write lock.");
    private static readonly Histogram<double> Held = SqliteMeter.Instance.CreateHistogram<double>("claimtracker.sqlite.write_lock.held", "s",
        "How long a transaction held the write lock, from its start to its end.");
    private static readonly UpDownCounter<long> Queued = SqliteMeter.Instance.CreateUpDownCounter<long>("claimtracker.sqlite.write_lock.queued",
        "{transaction}", "How many transactions are waiting for the write lock now.");

    private readonly SemaphoreSlim writeLock = new(1, 1);
    private readonly ConditionalWeakTable<DbConnection, StrongBox<long>> holders = [];
    private readonly ConditionalWeakTable<DbTransaction, DbConnection> connections = [];
    private readonly TimeSpan patience;
    private readonly KeyValuePair<string, object?> database;

    private SqliteWriterQueue(TimeSpan patience, string dataSource) =>
        (this.patience, database) = (patience, new("db.namespace", dataSource));

    public static SqliteWriterQueue For(string connectionString, int busyTimeoutMilliseconds) =>
        Queues.GetOrAdd(connectionString, _ => new SqliteWriterQueue(TimeSpan.FromMilliseconds(busyTimeoutMilliseconds),
            new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString).DataSource));

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        EveryWriteInATransaction(eventData.Context);
        return result;
    }

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        EveryWriteInATransaction(eventData.Context);
        return ValueTask.FromResult(result);
    }

    /// <remarks>Set at every save: a pooled context is reset to EF's default when it goes back to the pool.</remarks>
    private static void EveryWriteInATransaction(DbContext? context)
    {
        if (context is not null)
        {
            context.Database.AutoTransactionBehavior = AutoTransactionBehavior.Always;
        }
    }

    public override InterceptionResult<DbTransaction> TransactionStarting(DbConnection connection, TransactionStartingEventData eventData,
        InterceptionResult<DbTransaction> result)
    {
        var asked = Stopwatch.GetTimestamp();
        Queued.Add(1, database);
        try
        {
            if (writeLock.Wait(patience))
            {
                Acquired(connection, asked);
            }
        }
        finally
        {
            Queued.Add(-1, database);
        }
        return result;
    }

    public override async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(DbConnection connection,
        TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
    {
        var asked = Stopwatch.GetTimestamp();
        Queued.Add(1, database);
        try
        {
            if (await writeLock.WaitAsync(patience, cancellationToken))
            {
                Acquired(connection, asked);
            }
        }
        finally
        {
            Queued.Add(-1, database);
        }
        return result;
    }

    public override DbTransaction TransactionStarted(DbConnection connection, TransactionEndEventData eventData, DbTransaction result)
    {
        connections.AddOrUpdate(result, connection);
        return result;
    }

    public override ValueTask<DbTransaction> TransactionStartedAsync(DbConnection connection, TransactionEndEventData eventData, DbTransaction result,
        CancellationToken cancellationToken = default)
    {
        connections.AddOrUpdate(result, connection);
        return ValueTask.FromResult(result);
    }

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Release(transaction);

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default) =>
        Release(transaction);

    public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Release(transaction);

    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default) =>
        Release(transaction);

    public override void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => Release(transaction);

    public override Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default) =>
        Release(transaction);

    public void ConnectionClosed(DbConnection connection, ConnectionEndEventData eventData) => Release(connection);

    public Task ConnectionClosedAsync(DbConnection connection, ConnectionEndEventData eventData) => Release(connection);

    public void ConnectionDisposed(DbConnection connection, ConnectionEndEventData eventData) => Release(connection);

    public Task ConnectionDisposedAsync(DbConnection connection, ConnectionEndEventData eventData) => Release(connection);

    private void Acquired(DbConnection connection, long asked)
    {
        var now = Stopwatch.GetTimestamp();
        Waited.Record(Stopwatch.GetElapsedTime(asked, now).TotalSeconds, database);
        holders.AddOrUpdate(connection, new StrongBox<long>(now));
    }

    private Task Release(DbTransaction? transaction) =>
        transaction is not null && connections.TryGetValue(transaction, out var connection) ? Release(connection) : Task.CompletedTask;

    private Task Release(DbConnection? connection)
    {
        if (connection is not null && holders.TryGetValue(connection, out var since) && holders.Remove(connection))
        {
            writeLock.Release();
            Held.Record(Stopwatch.GetElapsedTime(since.Value).TotalSeconds, database);
        }
        return Task.CompletedTask;
    }
}
