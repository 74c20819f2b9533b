using System.Text.Encodings.Web;
using System.Text.Json;

namespace ClaimTracker.Infrastructure.Data.Transfer;

/// <summary>
/// The dataset file: one JSON array, read and written element by element so that a dataset of any size
/// streams through. First the header, then for each table an object naming it and its columns, followed by
/// its rows, one array of values per row, one row per line:
/// <code>
/// [
/// {"format":"claimtracker-dataset","formatVersion":1,"exportedAtUtc":"…","sourceEngine":"Sqlite","passwordHashes":false,"tables":[{"name":"Claims","rows":2}, …]},
/// {"table":"Claims","columns":["Id","Slug", …]},
/// [1,"nordkorea-liefert-russland-artillerie-und-raketen", …],
/// …
/// ]
/// </code>
/// Values are engine-neutral: times in UTC (ISO 8601), enums by name, rich text as its sanitised HTML.
/// The header's row counts let an import see a file that ends early.
/// </summary>
public static class DatasetFile
{
    public const string Format = "claimtracker-dataset";
    public const int FormatVersion = 1;

    /// <summary>
    /// camelCase names; umlauts, „quotes“ and HTML written as they are, so the file stays readable. (The relaxed
    /// encoder only skips escapes meant for JSON embedded in a web page; this file is never put into one.)
    /// </summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}

public sealed record DatasetHeader(string Format, int FormatVersion, DateTime ExportedAtUtc, string SourceEngine, bool PasswordHashes,
    IReadOnlyList<DatasetTableCount> Tables);

public sealed record DatasetTableCount(string Name, long Rows);

public sealed record DatasetTableStart(string Table, IReadOnlyList<string> Columns);

/// <summary>What an export wrote or an import read.</summary>
public sealed record DatasetSummary(IReadOnlyList<DatasetTableCount> Tables, bool PasswordHashes)
{
    public long Rows(string table) => Tables.FirstOrDefault(t => t.Name == table)?.Rows ?? 0;

    public long TotalRows => Tables.Sum(t => t.Rows);

    /// <summary>"2 claims, 1 account, 143 rows in 24 tables".</summary>
    public string Describe() =>
        $"{Count(Rows("Claims"), "claim")}, {Count(Rows(DatasetTables.UsersTable), "account")}, {Count(TotalRows, "row")} in {Count(Tables.Count, "table")}";

    private static string Count(long n, string noun) =>
        n.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) + " " + noun + (n == 1 ? "" : "s");
}

/// <summary>A dataset file that cannot be imported, or a target that cannot take it; the message says why.</summary>
public sealed class DatasetException(string message, Exception? inner = null) : Exception(message, inner);
