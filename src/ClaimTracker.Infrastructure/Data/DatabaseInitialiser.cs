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
        await db.Database.MigrateAsync(cancellationToken);
        // WAL lets readers go on while one editor writes; the setting is stored in the file.
        var mode = await db.Database.SqlQueryRaw<string>("PRAGMA journal_mode = WAL").ToListAsync(cancellationToken);
        logger.LogInformation("Database: {Path} ({State}, journal mode {Mode})", settings.FilePath,
            isNew ? "created" : "opened", mode.FirstOrDefault() ?? "unknown");
    }
}
