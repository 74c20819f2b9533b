using System.Data;
using System.Data.Common;
using System.Diagnostics.Metrics;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace ClaimTracker.Infrastructure.Data;

/// <summary>
/// Keeps the app's queries compiled on SQLite. Microsoft.Data.Sqlite finalises a command's compiled statement
/// when EF disposes the command after each query (and all of a connection's statements when it closes), so
/// every request parsed, planned and compiled the same SQL again: on the claim page at 100,000 claims that was
/// ~15 % of the page's CPU, against ~5 % for running the queries.
/// Here a query EF runs outside a transaction (a SELECT in autocommit) runs on one of a few connections kept
/// open for reading, each keeping the statements it compiled (the <see cref="StatementsPerConnection"/> most
/// recently used), keyed by their SQL. A reading connection is lent to EF's connection while that is open (a
/// page's queries run on one connection, in order, as before) and comes back when EF's connection closes; a
/// reader left open is closed then, so no statement carries an old snapshot of the database into the next request.
/// Everything else stays on EF's own connection: writes and reads inside a transaction (which must see its own
/// writes and queue for the write lock), and a query whose SQL is being read on the lent connection already.
/// Reading connections are made by EF from the app's own options, with its functions and pragmas.
/// How often a statement was compiled or kept is counted by <c>claimtracker.sqlite.queries</c> of the meter
/// <c>ClaimTracker.Sqlite</c> (tag <c>statement</c>: <c>prepared</c>, <c>kept</c> or <c>not_cached</c>), the reading
/// connections open by <c>claimtracker.sqlite.reading_connections</c>.
/// Switched off with <c>Database:KeepStatementsPrepared=false</c>.
/// </summary>
public sealed partial class SqliteStatementCache(DatabaseSettings settings) : DbCommandInterceptor, IDisposable
{
    public const int StatementsPerConnection = 64;

    /// <summary>Reading connections kept when no request uses them; more are opened when needed and closed after.</summary>
    public const int IdleConnections = 8;

    private static readonly Counter<long> Queries = SqliteMeter.Instance.CreateCounter<long>("claimtracker.sqlite.queries", "{query}",
        "Queries run on a connection kept for reading: statement=prepared (compiled now), kept (compiled before) or not_cached (ran on EF's connection).");

    private static readonly UpDownCounter<int> Open = SqliteMeter.Instance.CreateUpDownCounter<int>("claimtracker.sqlite.reading_connections",
        "{connection}", "Connections kept open for reading, lent or idle.");

    private static readonly KeyValuePair<string, object?> Prepared = new("statement", "prepared");
    private static readonly KeyValuePair<string, object?> Kept = new("statement", "kept");
    private static readonly KeyValuePair<string, object?> NotCached = new("statement", "not_cached");

    private readonly KeyValuePair<string, object?> database = new("db.namespace", settings.FilePath);
    private readonly ConditionalWeakTable<SqliteConnection, Loan> loans = [];
    private readonly Stack<ReadingConnection> idle = new();
    private bool disposed;

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result) =>
        !result.HasResult && TryRead(command, eventData.Context) is { } reader
            ? InterceptionResult<DbDataReader>.SuppressWithResult(reader)
            : result;

    /// <remarks>SQLite runs a query synchronously either way (Microsoft.Data.Sqlite's async methods do too).</remarks>
    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(ReaderExecuting(command, eventData, result));
    }

    /// <summary>
    /// Runs a query the app built itself on a context's open connection (EF's interceptors do not see those): on a
    /// kept statement where it can, otherwise on the context's connection as given.
    /// </summary>
    public DbDataReader ExecuteReader(SqliteCommand command, DbContext context, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return TryRead(command, context) ?? command.ExecuteReader();
    }

    private SqliteDataReader? TryRead(DbCommand command, DbContext? context)
    {
        if (command is not SqliteCommand { Connection: { } connection, Transaction: null } query || !RunsAlikeElsewhere(query.CommandText)
            || context is null || Volatile.Read(ref disposed))
        {
            return null;
        }
        var loan = loans.GetValue(connection, Lend);
        var reading = loan.Reading ??= Rent(context);
        var statement = reading.Find(query.CommandText, out var compiled);
        if (statement is null)
        {
            Queries.Add(1, database, NotCached);
            return null;
        }
        Queries.Add(1, database, compiled ? Prepared : Kept);
        return statement.Run(query);
    }

    /// <summary>
    /// A query another connection can answer the same: a SELECT, not reading a temporary table (which only the
    /// connection that made it has).
    /// </summary>
    private static bool RunsAlikeElsewhere(string sql) => sql.AsSpan().TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase)
        && !sql.Contains("temp.", StringComparison.OrdinalIgnoreCase);

    /// <summary>The first query on one of EF's connections: from now on its closing gives back what it was lent.</summary>
    private Loan Lend(SqliteConnection connection)
    {
        var loan = new Loan();
        connection.StateChange += (_, change) =>
        {
            if (change.CurrentState != ConnectionState.Open && loan.Reading is { } reading)
            {
                loan.Reading = null;
                GiveBack(reading);
            }
        };
        return loan;
    }

    private ReadingConnection Rent(DbContext context)
    {
        lock (idle)
        {
            if (idle.TryPop(out var kept))
            {
                return kept;
            }
        }
        var opened = ReadingConnection.Open(new AppDbContext((DbContextOptions<AppDbContext>)context.GetService<IDbContextOptions>()));
        Open.Add(1, database);
        return opened;
    }

    private void Close(ReadingConnection reading)
    {
        reading.Dispose();
        Open.Add(-1, database);
    }

    private void GiveBack(ReadingConnection reading)
    {
        reading.CloseReaders();
        lock (idle)
        {
            if (!disposed && idle.Count < IdleConnections)
            {
                idle.Push(reading);
                return;
            }
        }
        Close(reading);
    }

    /// <summary>Closes the idle reading connections (at shutdown); lent ones are closed when they come back.</summary>
    public void Dispose()
    {
        ReadingConnection[] closing;
        lock (idle)
        {
            disposed = true;
            closing = [.. idle];
            idle.Clear();
        }
        foreach (var reading in closing)
        {
            Close(reading);
        }
    }

    private sealed class Loan
    {
        public ReadingConnection? Reading { get; set; }
    }

    private sealed class Statement(SqliteCommand command)
    {
        private SqliteDataReader? reader;

        public SqliteCommand Command => command;

        public bool IsReading => reader is { IsClosed: false };

        /// <summary>Runs the statement with the parameters EF bound to its own command.</summary>
        public SqliteDataReader Run(SqliteCommand query)
        {
            command.Parameters.Clear();
            foreach (SqliteParameter parameter in query.Parameters)
            {
                command.Parameters.Add(parameter);
            }
            command.CommandTimeout = query.CommandTimeout;
            return reader = command.ExecuteReader();
        }

        public void CloseReader()
        {
            reader?.Dispose();
            reader = null;
            command.Parameters.Clear();
        }
    }
}
