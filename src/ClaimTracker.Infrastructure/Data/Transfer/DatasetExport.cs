using System.Buffers;
using System.Data.Common;
using System.Globalization;
using System.Text;
using System.Text.Json;
using ClaimTracker.Domain.Auditing;
using ClaimTracker.Infrastructure.Auditing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace ClaimTracker.Infrastructure.Data.Transfer;

/// <summary>
/// Writes the whole dataset (claims and everything around them, accounts and roles, the audit log) to a
/// dataset file. Everything is read from one snapshot, so editors may keep working while it runs and the
/// file is still consistent; on SQLite the snapshot is a read transaction, which does not hold up writers.
/// </summary>
public sealed class DatasetExport(AppDbContext db, DatabaseSettings settings, AuditLog audit, TimeProvider clock,
    Microsoft.Extensions.Options.IOptions<Evidence.EvidenceOptions> evidence)
{
    private static readonly byte[] Open = "[\n"u8.ToArray();
    private static readonly byte[] Separator = ",\n"u8.ToArray();
    private static readonly byte[] Close = "\n]\n"u8.ToArray();

    public async Task<DatasetSummary> WriteAsync(Stream output, bool includePasswordHashes, TextWriter? progress = null,
        CancellationToken cancellationToken = default)
    {
        var tables = DatasetTables.Of(db).Where(t => includePasswordHashes || !DatasetTables.IsSecret(t.Name)).ToList();
        var sql = db.GetService<ISqlGenerationHelper>();
        await db.Database.OpenConnectionAsync(cancellationToken);
        var connection = db.Database.GetDbConnection();
        DatasetSummary summary;
        try
        {
            // Not EF's transaction API: on SQLite that would queue for the write lock (SqliteWriterQueue).
            await ExecuteAsync(connection, settings.IsSqlite ? "BEGIN" : "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", cancellationToken);
            try
            {
                var counts = new List<DatasetTableCount>();
                foreach (var table in tables)
                {
                    await using var count = connection.CreateCommand();
                    count.CommandText = "SELECT COUNT(*) FROM " + sql.DelimitIdentifier(table.Name);
                    counts.Add(new DatasetTableCount(table.Name, Convert.ToInt64(await count.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture)));
                }
                summary = new DatasetSummary(counts, includePasswordHashes);
                var header = new DatasetHeader(DatasetFile.Format, DatasetFile.FormatVersion, clock.GetUtcNow().UtcDateTime,
                    settings.Provider.ToString(), includePasswordHashes, counts);

                var buffer = new ArrayBufferWriter<byte>(64 * 1024);
                await using var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = DatasetFile.Json.Encoder });
                await output.WriteAsync(Open, cancellationToken);
                await WriteElementAsync(output, buffer, json, w => JsonSerializer.Serialize(w, header, DatasetFile.Json), first: true, cancellationToken);
                foreach (var (table, rows) in tables.Zip(counts))
                {
                    var columns = table.Columns.Where(c => includePasswordHashes || !DatasetTables.IsSecret(table.Name, c.Name)).ToList();
                    await WriteElementAsync(output, buffer, json,
                        w => JsonSerializer.Serialize(w, new DatasetTableStart(table.Name, columns.Select(c => c.Name).ToList()), DatasetFile.Json),
                        first: false, cancellationToken);
                    await WriteRowsAsync(connection, sql, table, columns, output, buffer, json, BlobsFromFolder(table, columns), cancellationToken);
                    progress?.WriteLine($"  {table.Name}: {rows.Rows.ToString("N0", CultureInfo.InvariantCulture)} rows");
                }
                await output.WriteAsync(Close, cancellationToken);
                await output.FlushAsync(cancellationToken);
            }
            finally
            {
                // Nothing was written to the database: ending the snapshot either way is the same.
                await ExecuteAsync(connection, "ROLLBACK", CancellationToken.None);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        await audit.RecordNowAsync(AuditLog.CommandLineActor, AuditAction.DatasetExported, "whole dataset",
            summary.Describe() + (includePasswordHashes ? "; with password hashes" : "; without password hashes"));
        return summary;
    }

    /// <summary>
    /// Evidence blobs kept in a folder travel in the file like those kept in the database: their content is read from the
    /// folder into the row (an import then keeps them in its own database, or its folder when it has one).
    /// </summary>
    private Func<object?[], object?[]>? BlobsFromFolder(DatasetTable table, IReadOnlyList<DatasetColumn> columns)
    {
        if (table.Name != "StoredBlobs" || string.IsNullOrWhiteSpace(evidence.Value.BlobFolder))
        {
            return null;
        }
        var sha = columns.ToList().FindIndex(c => c.Name == nameof(Domain.Evidence.StoredBlob.Sha256));
        var content = columns.ToList().FindIndex(c => c.Name == nameof(Domain.Evidence.StoredBlob.Content));
        return row =>
        {
            if (row[content] is null && row[sha] is string hash && Evidence.BlobStore.FolderPath(evidence.Value.BlobFolder!, hash) is { } path && File.Exists(path))
            {
                row[content] = File.ReadAllBytes(path);
            }
            return row;
        };
    }

    private static async Task WriteRowsAsync(DbConnection connection, ISqlGenerationHelper sql, DatasetTable table,
        IReadOnlyList<DatasetColumn> columns, Stream output, ArrayBufferWriter<byte> buffer, Utf8JsonWriter json,
        Func<object?[], object?[]>? complete, CancellationToken cancellationToken)
    {
        await using var select = connection.CreateCommand();
        select.CommandText = new StringBuilder("SELECT ")
            .AppendJoin(", ", columns.Select(c => sql.DelimitIdentifier(c.Name)))
            .Append(" FROM ").Append(sql.DelimitIdentifier(table.Name))
            .Append(" ORDER BY ").AppendJoin(", ", table.Key.Select(c => sql.DelimitIdentifier(c.Name)))
            .ToString();
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var row = new object?[columns.Count];
            for (var i = 0; i < columns.Count; i++)
            {
                row[i] = columns[i].ReadFileValue(reader, i);
            }
            row = complete?.Invoke(row) ?? row;
            await WriteElementAsync(output, buffer, json, w =>
            {
                w.WriteStartArray();
                foreach (var value in row)
                {
                    WriteValue(w, value);
                }
                w.WriteEndArray();
            }, first: false, cancellationToken);
        }
    }

    private static void WriteValue(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case string text:
                writer.WriteStringValue(text);
                break;
            case int number:
                writer.WriteNumberValue(number);
                break;
            case long number:
                writer.WriteNumberValue(number);
                break;
            case bool flag:
                writer.WriteBooleanValue(flag);
                break;
            default:
                JsonSerializer.Serialize(writer, value, value.GetType(), DatasetFile.Json);
                break;
        }
    }

    /// <summary>One element of the array on a line of its own.</summary>
    private static async Task WriteElementAsync(Stream output, ArrayBufferWriter<byte> buffer, Utf8JsonWriter json,
        Action<Utf8JsonWriter> write, bool first, CancellationToken cancellationToken)
    {
        buffer.ResetWrittenCount();
        json.Reset(buffer);
        write(json);
        await json.FlushAsync(cancellationToken);
        if (!first)
        {
            await output.WriteAsync(Separator, cancellationToken);
        }
        await output.WriteAsync(buffer.WrittenMemory, cancellationToken);
    }

    private static async Task ExecuteAsync(DbConnection connection, string statement, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = statement;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
