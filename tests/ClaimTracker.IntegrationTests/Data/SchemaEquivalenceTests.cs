using ClaimTracker.Infrastructure.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace ClaimTracker.IntegrationTests.Data;

/// <summary>
/// The migrations are written by hand. This guards them: a database built by applying every migration
/// must have exactly the schema EF would create from the model.
/// </summary>
[Trait("Engine", "Sqlite")]
public sealed class SchemaEquivalenceTests
{
    [Fact]
    public async Task Migrations_ProduceTheSchemaOfTheModel()
    {
        var folder = Directory.CreateTempSubdirectory("claimtracker-schema-");
        var migrated = Path.Combine(folder.FullName, "migrated.db");
        var fromModel = Path.Combine(folder.FullName, "model.db");

        await using (var db = NewContext(migrated))
        {
            await db.Database.MigrateAsync();
        }
        await using (var db = NewContext(fromModel))
        {
            await db.Database.EnsureCreatedAsync();
        }

        var expected = await SqliteSchema.DescribeAsync(fromModel);
        var actual = await SqliteSchema.DescribeAsync(migrated);

        Assert.NotEmpty(expected);
        Assert.Equal(expected, actual);
    }

    [Fact]
    public async Task SchemaDescription_SeesADifferenceInNullability()
    {
        var folder = Directory.CreateTempSubdirectory("claimtracker-schema-");
        var a = Path.Combine(folder.FullName, "a.db");
        var b = Path.Combine(folder.FullName, "b.db");
        await ExecuteAsync(a, "CREATE TABLE T (Id INTEGER NOT NULL PRIMARY KEY, Name TEXT NOT NULL)");
        await ExecuteAsync(b, "CREATE TABLE T (Id INTEGER NOT NULL PRIMARY KEY, Name TEXT NULL)");

        Assert.NotEqual(await SqliteSchema.DescribeAsync(a), await SqliteSchema.DescribeAsync(b));
    }

    private static AppDbContext NewContext(string path)
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        DatabaseServiceCollectionExtensions.ConfigureSqlite(options, $"Data Source={path}");
        return new AppDbContext(options.Options);
    }

    private static async Task ExecuteAsync(string path, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={path}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}

/// <summary>Reads a SQLite schema as sorted lines: tables, columns, keys, foreign keys and indexes.</summary>
public static class SqliteSchema
{
    public static async Task<IReadOnlyList<string>> DescribeAsync(string path)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        var lines = new List<string>();
        var tables = await QueryAsync(connection,
            // The search indexes (FTS5 with shadow tables) and the search vocabulary are made by raw SQL in migrations
            // and are not in the EF model; ClaimSearchTests and SearchVocabularyTests cover them.
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT IN ('__EFMigrationsHistory', '__EFMigrationsLock', 'SearchTerms') AND name NOT LIKE 'ClaimSearch%'",
            r => r.GetString(0));
        foreach (var table in tables)
        {
            lines.Add($"table {table}");
            lines.AddRange(await QueryAsync(connection, $"SELECT name, type, \"notnull\", pk, dflt_value FROM pragma_table_info('{table}')",
                r => $"column {table}.{r.GetString(0)} type={r.GetString(1)} notnull={r.GetInt64(2)} pk={r.GetInt64(3)} default={(r.IsDBNull(4) ? "none" : r.GetString(4))}"));
            lines.AddRange(await QueryAsync(connection, $"SELECT \"table\", \"from\", \"to\", on_delete FROM pragma_foreign_key_list('{table}')",
                r => $"fk {table}.{r.GetString(1)} -> {r.GetString(0)}.{r.GetString(2)} on delete {r.GetString(3)}"));
            var indexes = await QueryAsync(connection, $"SELECT name, \"unique\", origin FROM pragma_index_list('{table}')",
                r => (Name: r.GetString(0), Unique: r.GetInt64(1), Origin: r.GetString(2)));
            foreach (var index in indexes)
            {
                var columns = await QueryAsync(connection, $"SELECT name FROM pragma_index_info('{index.Name}') ORDER BY seqno",
                    r => r.IsDBNull(0) ? "<expr>" : r.GetString(0));
                // Automatic indexes behind primary keys are named by SQLite; describe them by what they cover.
                var name = index.Origin == "pk" ? "primary key" : index.Name;
                lines.Add($"index {table}: {name} unique={index.Unique} ({string.Join(", ", columns)})");
            }
            var autoincrement = await QueryAsync(connection,
                $"SELECT sql LIKE '%AUTOINCREMENT%' FROM sqlite_master WHERE type = 'table' AND name = '{table}'",
                r => r.GetInt64(0));
            lines.Add($"autoincrement {table}={autoincrement.Single()}");
        }
        return lines.Order(StringComparer.Ordinal).ToList();
    }

    private static async Task<List<T>> QueryAsync<T>(SqliteConnection connection, string sql, Func<SqliteDataReader, T> map)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var results = new List<T>();
        while (await reader.ReadAsync())
        {
            results.Add(map(reader));
        }
        return results;
    }
}
