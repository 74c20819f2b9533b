using System.Data.Common;
using System.Globalization;
using System.Text;
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
public sealed class DatasetImport(AppDbContext db, DatabaseSettings settings, IClaimSearch search, AuditLog audit)
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

    /// <summary>
    /// Inserts one table's rows from the file, several rows per statement. A reference to a row of the same
    /// table (a sub-claim's parent) is set after all its rows are in, so the rows' order does not matter.
    /// </summary>
    private sealed class TableWriter
    {
        private readonly DbConnection connection;
        private readonly DbTransaction transaction;
        private readonly ISqlGenerationHelper sql;
        private readonly DatasetColumn[] columns;
        private readonly int rowsPerStatement;
        private readonly List<object?[]> pending = [];
        private readonly List<object?[]> selfReferences = [];
        private readonly int[] selfReferenceIndexes;
        private readonly TextWriter? progress;

        public TableWriter(DatasetTable table, IReadOnlyList<string> fileColumns, DbConnection connection, DbTransaction transaction,
            ISqlGenerationHelper sql, TextWriter? progress)
        {
            Table = table;
            this.progress = progress;
            this.connection = connection;
            this.transaction = transaction;
            this.sql = sql;
            var known = table.Columns.ToDictionary(c => c.Name, StringComparer.Ordinal);
            columns = fileColumns.Select(name => known.TryGetValue(name, out var column)
                ? column
                : throw new DatasetException($"Table {table.Name} in the file has a column '{name}' that this version of ClaimTracker does not know.")).ToArray();
            if (columns.Select(c => c.Name).Distinct().Count() != columns.Length)
            {
                throw new DatasetException($"Table {table.Name} in the file names a column twice.");
            }
            if (table.Columns.FirstOrDefault(c => !c.IsNullable && c.Property.GetDefaultValue() is null && c.Property.GetDefaultValueSql() is null
                    && !columns.Contains(c) && !(c == table.NumberedKey)) is { } missing)
            {
                throw new DatasetException($"Table {table.Name} in the file lacks column '{missing.Name}', which must have a value.");
            }
            if (table.Key.FirstOrDefault(k => !columns.Contains(k)) is { } missingKey)
            {
                throw new DatasetException($"Table {table.Name} in the file lacks its key column '{missingKey.Name}'.");
            }
            selfReferenceIndexes = table.SelfReferences.Select(c => Array.IndexOf(columns, c)).Where(i => i >= 0).ToArray();
            rowsPerStatement = Math.Clamp(MaxParametersPerStatement / columns.Length, 1, MaxRowsPerStatement);
        }

        public DatasetTable Table { get; }

        public long Rows { get; private set; }

        public async Task AddAsync(JsonElement row, CancellationToken cancellationToken)
        {
            Rows++;
            if (row.GetArrayLength() != columns.Length)
            {
                throw new DatasetException($"Row {Rows} of table {Table.Name} has {row.GetArrayLength()} values; the table has {columns.Length} columns.");
            }
            var values = new object?[columns.Length];
            var i = 0;
            foreach (var value in row.EnumerateArray())
            {
                try
                {
                    values[i] = columns[i].ModelValue(value);
                }
                catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException or ArgumentException)
                {
                    throw new DatasetException($"Row {Rows} of table {Table.Name}: column {columns[i].Name} cannot hold {value.GetRawText()} ({e.Message})", e);
                }
                if (values[i] is null && !columns[i].IsNullable)
                {
                    throw new DatasetException($"Row {Rows} of table {Table.Name}: column {columns[i].Name} must have a value.");
                }
                // The rules of the forms hold for imported rows too: the file is refused at its first offending value.
                if (columns[i].Problem(values[i]) is { } problem)
                {
                    throw new DatasetException($"Row {Rows} of table {Table.Name}: {problem} Nothing was imported.");
                }
                i++;
            }
            if (selfReferenceIndexes.Any(index => values[index] is not null))
            {
                selfReferences.Add(values.ToArray());
                foreach (var index in selfReferenceIndexes)
                {
                    values[index] = null;
                }
            }
            pending.Add(values);
            if (pending.Count == rowsPerStatement)
            {
                await FlushAsync(cancellationToken);
            }
            if (Rows % RowsProgressStep == 0)
            {
                progress?.WriteLine($"  {Table.Name}: {Rows.ToString("N0", CultureInfo.InvariantCulture)} rows so far");
            }
        }

        public async Task<DatasetTableCount> FinishAsync(CancellationToken cancellationToken)
        {
            await FlushAsync(cancellationToken);
            foreach (var values in selfReferences)
            {
                await SetSelfReferencesAsync(values, cancellationToken);
            }
            return new DatasetTableCount(Table.Name, Rows);
        }

        private async Task FlushAsync(CancellationToken cancellationToken)
        {
            if (pending.Count == 0)
            {
                return;
            }
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            var text = new StringBuilder("INSERT INTO ").Append(sql.DelimitIdentifier(Table.Name)).Append(" (")
                .AppendJoin(", ", columns.Select(c => sql.DelimitIdentifier(c.Name))).Append(") VALUES ");
            var n = 0;
            for (var r = 0; r < pending.Count; r++)
            {
                text.Append(r == 0 ? "(" : ", (");
                for (var c = 0; c < columns.Length; c++, n++)
                {
                    var name = "@p" + n.ToString(CultureInfo.InvariantCulture);
                    text.Append(c == 0 ? "" : ", ").Append(name);
                    command.Parameters.Add(columns[c].Parameter(command, name, pending[r][c]));
                }
                text.Append(')');
            }
            command.CommandText = text.ToString();
            await command.ExecuteNonQueryAsync(cancellationToken);
            pending.Clear();
        }

        private async Task SetSelfReferencesAsync(object?[] values, CancellationToken cancellationToken)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            var text = new StringBuilder("UPDATE ").Append(sql.DelimitIdentifier(Table.Name)).Append(" SET ");
            var n = 0;
            string Bind(DatasetColumn column)
            {
                var name = "@p" + (n++).ToString(CultureInfo.InvariantCulture);
                command.Parameters.Add(column.Parameter(command, name, values[Array.IndexOf(columns, column)]));
                return name;
            }
            text.AppendJoin(", ", Table.SelfReferences.Where(columns.Contains).Select(c => sql.DelimitIdentifier(c.Name) + " = " + Bind(c)));
            text.Append(" WHERE ").AppendJoin(" AND ", Table.Key.Select(k => sql.DelimitIdentifier(k.Name) + " = " + Bind(k)));
            command.CommandText = text.ToString();
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
