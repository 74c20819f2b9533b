using System.Data.Common;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace ClaimTracker.Infrastructure.Data.Transfer;

public sealed partial class DatasetImport
{
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
