using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using ClaimTracker.Domain.Auditing;
using ClaimTracker.Infrastructure.Auditing;
using ClaimTracker.Infrastructure.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace ClaimTracker.Infrastructure.Data.Transfer;

/// <summary>
/// Reads a dataset file into an empty database of either engine (the move from SQLite to PostgreSQL, or
/// a restore). All or nothing: the rows, the search index rebuilt from them and the counters of numbered
/// keys are written in one transaction; a file that is damaged, ends early or does not fit leaves the
/// database as it was. The default rows a first start creates (roles, status scale, site settings) are
/// replaced by the file's.
/// </summary>
public sealed partial class DatasetImport(AppDbContext db, DatabaseSettings settings, IClaimSearch search, AuditLog audit)
{
    /// <summary>Rows per INSERT: within both engines' limits on parameters per statement.</summary>
    private const int MaxParametersPerStatement = 30_000;
    private const int MaxRowsPerStatement = 500;

    /// <summary>Rows of one table between two progress lines.</summary>
    private const int RowsProgressStep = 250_000;

    /// <summary>Claims indexed between two progress lines.</summary>
    private const int SearchProgressStep = 10_000;

    public async Task<DatasetSummary> ReadAsync(Stream input, string fileName, TextWriter? progress = null,
        CancellationToken cancellationToken = default)
    {
        await RequireEmptyAsync(cancellationToken);
        var ordered = DatasetTables.Of(db);
        var tables = ordered.ToDictionary(t => t.Name, StringComparer.Ordinal);
        var sql = db.GetService<ISqlGenerationHelper>();

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var connection = db.Database.GetDbConnection();
        var dbTransaction = transaction.GetDbTransaction();
        foreach (var table in ordered.Reverse())
        {
            await ExecuteAsync(connection, dbTransaction, "DELETE FROM " + sql.DelimitIdentifier(table.Name), [], cancellationToken);
        }

        DatasetHeader? header = null;
        TableWriter? current = null;
        var read = new List<DatasetTableCount>();
        try
        {
            await foreach (var element in JsonSerializer.DeserializeAsyncEnumerable<JsonElement>(input, DatasetFile.Json, cancellationToken))
            {
                if (header is null)
                {
                    header = ReadHeader(element);
                    continue;
                }
                if (element.ValueKind == JsonValueKind.Array)
                {
                    if (current is null)
                    {
                        throw new DatasetException("The file has a row before the first table's name and columns.");
                    }
                    await current.AddAsync(element, cancellationToken);
                    continue;
                }
                if (current is not null)
                {
                    read.Add(await current.FinishAsync(cancellationToken));
                    progress?.WriteLine($"  {current.Table.Name}: {current.Rows.ToString("N0", CultureInfo.InvariantCulture)} rows");
                }
                var start = element.Deserialize<DatasetTableStart>(DatasetFile.Json);
                if (start?.Table is null || start.Columns is null)
                {
                    throw new DatasetException("The file has an element that is neither a row nor a table's name and columns.");
                }
                current = new TableWriter(TableNamed(tables, start.Table, read), start.Columns, connection, dbTransaction, sql, progress);
            }
            if (current is not null)
            {
                read.Add(await current.FinishAsync(cancellationToken));
                progress?.WriteLine($"  {current.Table.Name}: {current.Rows.ToString("N0", CultureInfo.InvariantCulture)} rows");
            }
        }
        catch (JsonException e)
        {
            throw new DatasetException(header is null
                ? $"The file is not a ClaimTracker dataset (made by the export command): {e.Message}"
                : $"The file is not a complete ClaimTracker dataset: {e.Message} Nothing was imported.", e);
        }
        catch (DbException e)
        {
            throw new DatasetException($"The database refused a row of table {current?.Table.Name ?? "(none)"}: {e.Message}", e);
        }
        if (header is null)
        {
            throw new DatasetException("The file is empty: it holds no ClaimTracker dataset.");
        }
        CheckCounts(header, read);

        if (!settings.IsSqlite)
        {
            await MoveCountersPastImportedRowsAsync(connection, dbTransaction, sql, ordered, cancellationToken);
        }
        var claimIds = await db.Claims.Select(c => c.Id).ToListAsync(cancellationToken);
        var indexed = 0;
        foreach (var chunk in claimIds.Chunk(SearchProgressStep))
        {
            await search.ReindexAsync(db, chunk, cancellationToken: cancellationToken);
            indexed += chunk.Length;
            progress?.WriteLine($"  search index: {indexed.ToString("N0", CultureInfo.InvariantCulture)} of {claimIds.Count.ToString("N0", CultureInfo.InvariantCulture)} claims");
        }
        var summary = new DatasetSummary(read, header.PasswordHashes);
        audit.Record(AuditLog.CommandLineActor, AuditAction.DatasetImported, "whole dataset",
            $"{summary.Describe()} from {Path.GetFileName(fileName)}, exported from {header.SourceEngine} at {header.ExportedAtUtc:yyyy-MM-dd HH:mm} UTC"
            + (header.PasswordHashes ? "; with password hashes" : "; without password hashes"));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return summary;
    }

    /// <summary>
    /// The target may hold what a first start creates, never editorial work or accounts: an import into
    /// a database in use would overwrite it.
    /// </summary>
    private async Task RequireEmptyAsync(CancellationToken cancellationToken)
    {
        var held = new List<string>();
        void Note(int count, string noun)
        {
            if (count > 0)
            {
                held.Add($"{count} {noun}{(count == 1 ? "" : "s")}");
            }
        }
        Note(await db.Claims.CountAsync(cancellationToken), "claim");
        Note(await db.Actors.CountAsync(cancellationToken), "actor");
        Note(await db.Sources.CountAsync(cancellationToken), "source");
        Note(await db.Topics.CountAsync(cancellationToken), "topic");
        Note(await db.Users.CountAsync(cancellationToken), "account");
        if (held.Count > 0)
        {
            throw new DatasetException(
                $"The target database ({settings.Description}) already holds {string.Join(", ", held)}; nothing was imported. " +
                "Import into a new, empty database so that nothing in it is overwritten.");
        }
    }

    private static DatasetHeader ReadHeader(JsonElement element)
    {
        DatasetHeader? header = null;
        if (element.ValueKind == JsonValueKind.Object)
        {
            try
            {
                header = element.Deserialize<DatasetHeader>(DatasetFile.Json);
            }
            catch (JsonException)
            {
                // Reported below as not a dataset file.
            }
        }
        if (header?.Format != DatasetFile.Format || header.Tables is null)
        {
            throw new DatasetException("The file is not a ClaimTracker dataset: it does not begin with a dataset header (made by the export command).");
        }
        if (header.FormatVersion > DatasetFile.FormatVersion)
        {
            throw new DatasetException(
                $"The file is in dataset format {header.FormatVersion}; this version of ClaimTracker reads format {DatasetFile.FormatVersion} and older. Update ClaimTracker first.");
        }
        return header;
    }

    private static DatasetTable TableNamed(Dictionary<string, DatasetTable> tables, string name, List<DatasetTableCount> read)
    {
        if (!tables.TryGetValue(name, out var table))
        {
            throw new DatasetException($"The file has a table '{name}' that this version of ClaimTracker does not know; was it exported by a newer version?");
        }
        if (read.Any(t => t.Name == name))
        {
            throw new DatasetException($"The file has table '{name}' twice.");
        }
        return table;
    }

    private static void CheckCounts(DatasetHeader header, List<DatasetTableCount> read)
    {
        foreach (var expected in header.Tables)
        {
            var actual = read.FirstOrDefault(t => t.Name == expected.Name)?.Rows ?? 0;
            if (actual != expected.Rows)
            {
                throw new DatasetException(
                    $"The file ends early or was changed: its header promises {expected.Rows} rows of table {expected.Name}, but it holds {actual}. Nothing was imported.");
            }
        }
        if (read.FirstOrDefault(t => header.Tables.All(h => h.Name != t.Name)) is { } extra)
        {
            throw new DatasetException($"The file holds table {extra.Name}, which its header does not list. Nothing was imported.");
        }
    }

    /// <summary>PostgreSQL identity columns count on from the highest imported key (SQLite's AUTOINCREMENT follows inserted keys itself).</summary>
    private static async Task MoveCountersPastImportedRowsAsync(DbConnection connection, DbTransaction transaction, ISqlGenerationHelper sql,
        IEnumerable<DatasetTable> tables, CancellationToken cancellationToken)
    {
        foreach (var table in tables.Where(t => t.NumberedKey is not null))
        {
            var name = sql.DelimitIdentifier(table.Name);
            var key = sql.DelimitIdentifier(table.NumberedKey!.Name);
            await ExecuteAsync(connection, transaction,
                $"SELECT setval(pg_get_serial_sequence(@table, @column), (SELECT COALESCE(MAX({key}), 0) + 1 FROM {name}), false)",
                [("table", name), ("column", table.NumberedKey.Name)], cancellationToken);
        }
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction transaction, string statement,
        IReadOnlyList<(string Name, object Value)> parameters, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = statement;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@" + name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

}
