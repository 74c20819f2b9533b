using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;

namespace ClaimTracker.Infrastructure.Data;

/// <summary>
/// Applies migrations at start. On SQLite it creates the file when missing and switches it to WAL;
/// on PostgreSQL the migrations create the database when the server does not have it yet.
/// </summary>
public sealed class DatabaseInitialiser(AppDbContext db, DatabaseSettings settings, ILogger<DatabaseInitialiser> logger)
{
    public async Task InitialiseAsync(CancellationToken cancellationToken = default)
    {
        if (!settings.IsSqlite)
        {
            // The database and the migrations' history table are made first: left to the migrator, their absence on a
            // first start (or a move to PostgreSQL) is found by a failed connection and a failed query that EF logs as
            // errors, which alarms an operator for nothing (dotnet/efcore#37328).
            var creator = db.GetService<IRelationalDatabaseCreator>();
            if (!await creator.ExistsAsync(cancellationToken))
            {
                await creator.CreateAsync(cancellationToken);
            }
            await db.GetService<IHistoryRepository>().CreateIfNotExistsAsync(cancellationToken);
            await db.Database.MigrateAsync(cancellationToken);
            logger.LogInformation("Database: {Database}", settings.Description);
            return;
        }
        var directory = Path.GetDirectoryName(settings.FilePath);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }
        var isNew = !File.Exists(settings.FilePath);
        if (!isNew && await OpenedReadOnlyAsync(cancellationToken))
        {
            // Readers can still be served from a file that cannot be written (a full or read-only volume, a file whose rights
            // were changed); saves fail with a page that says so, and /healthz/ready reports it. Migrating it is impossible.
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            if (pending.Count > 0)
            {
                throw new InvalidOperationException(
                    $"The database {settings.FilePath} can be read but not written, and {pending.Count} migration(s) are pending: make the file and its folder writable.");
            }
            logger.LogWarning("Database: {Path} can be read but not written: readers are served, saves fail until it is writable again.", settings.FilePath);
            return;
        }
        await db.Database.MigrateAsync(cancellationToken);
        // WAL lets readers go on while one editor writes; the setting is stored in the file.
        var mode = await db.Database.SqlQueryRaw<string>("PRAGMA journal_mode = WAL").ToListAsync(cancellationToken);
        logger.LogInformation("Database: {Path} ({State}, journal mode {Mode})", settings.FilePath,
            isNew ? "created" : "opened", mode.FirstOrDefault() ?? "unknown");
    }

    /// <summary>Whether SQLite opened the file for reading only (it does so by itself when the file or its folder is read-only).</summary>
    private async Task<bool> OpenedReadOnlyAsync(CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            return StorageFault.IsReadOnly((Microsoft.Data.Sqlite.SqliteConnection)db.Database.GetDbConnection());
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}