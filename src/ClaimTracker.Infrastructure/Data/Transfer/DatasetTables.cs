using System.Data.Common;
using System.Reflection;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace ClaimTracker.Infrastructure.Data.Transfer;

/// <summary>
/// One column of a dataset table, with the conversions between what the engine stores and the
/// engine-neutral value the file holds: the model's value, or for a column the model converts itself
/// (enums as names, sanitised HTML) the text it converts to. Times are UTC on every engine.
/// </summary>
public sealed class DatasetColumn
{
    private static readonly MethodInfo ReadAsMethod = typeof(DatasetColumn).GetMethod(nameof(ReadAs), BindingFlags.NonPublic | BindingFlags.Static)!;

    private static readonly HashSet<Type> PlainTypes =
    [
        typeof(string), typeof(bool), typeof(byte), typeof(short), typeof(int), typeof(long), typeof(float), typeof(double), typeof(decimal),
        typeof(Guid), typeof(DateTime), typeof(DateTimeOffset), typeof(DateOnly), typeof(TimeOnly), typeof(TimeSpan), typeof(byte[]),
    ];

    private readonly Func<DbDataReader, int, object> read;

    internal DatasetColumn(IColumn column)
    {
        var mapping = column.PropertyMappings[0];
        Name = column.Name;
        Property = mapping.Property;
        TypeMapping = mapping.TypeMapping;
        IsNullable = column.IsNullable;
        var modelType = Nullable.GetUnderlyingType(Property.ClrType) ?? Property.ClrType;
        // The model's own conversions (enum to name, sanitised HTML to text) sit in the type mapping; a plain value
        // goes into the file as it is, whatever the engine does to store it.
        Declared = PlainTypes.Contains(modelType) ? null : TypeMapping.Converter;
        FileType = Declared?.ProviderClrType ?? modelType;
        var stored = TypeMapping.Converter?.ProviderClrType ?? TypeMapping.ClrType;
        read = ReadAsMethod.MakeGenericMethod(Nullable.GetUnderlyingType(stored) ?? stored)
            .CreateDelegate<Func<DbDataReader, int, object>>();
    }

    public string Name { get; }

    public IProperty Property { get; }

    public bool IsNullable { get; }

    internal RelationalTypeMapping TypeMapping { get; }

    /// <summary>The conversion the model itself declares (e.g. enum to name); null for a plain value.</summary>
    private ValueConverter? Declared { get; }

    /// <summary>The type of the value in the file.</summary>
    public Type FileType { get; }

    /// <summary>The value at this position of the reader, as the file holds it.</summary>
    internal object? ReadFileValue(DbDataReader reader, int ordinal)
    {
        if (reader.IsDBNull(ordinal))
        {
            return null;
        }
        var stored = read(reader, ordinal);
        var model = TypeMapping.Converter is { } converter ? converter.ConvertFromProvider(stored) : stored;
        var value = Declared is null ? model : Declared.ConvertToProvider(model);
        // SQLite keeps no time zone; every time ClaimTracker stores is UTC.
        return value is DateTime { Kind: DateTimeKind.Unspecified } time ? DateTime.SpecifyKind(time, DateTimeKind.Utc) : value;
    }

    /// <summary>The model's value for a value of the file.</summary>
    internal object? ModelValue(JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        var value = element.Deserialize(FileType);
        return Declared is null ? value : Declared.ConvertFromProvider(value);
    }

    /// <summary>
    /// What the forms would say of this value, for a value coming from a file: text as the forms take it (no control, direction
    /// or non-characters, within the column's length), permalinks as slugs, source addresses as the source form takes them.
    /// Null when the value passes.
    /// </summary>
    internal string? Problem(object? modelValue)
    {
        var text = modelValue switch
        {
            string plain => plain,
            Domain.Text.SanitisedHtml html => html.Html,
            _ => null,
        };
        if (text is null)
        {
            return null;
        }
        if (Domain.Text.TextRules.CheckMultiLine(Name, text, Property.GetMaxLength() ?? int.MaxValue) is { Succeeded: false } refused)
        {
            return refused.Error;
        }
        if (Name is "Slug" or "OldSlug" or "PendingSlug" && Property.DeclaringType.ClrType.Namespace == typeof(Domain.Claims.Claim).Namespace
            && !Domain.Text.Slug.IsValid(text))
        {
            return $"“{(text.Length > 60 ? text[..60] + "…" : text)}” is no permalink (lower-case letters, digits and single hyphens, at most {Domain.Text.Slug.MaxLength} characters).";
        }
        if (Name is "Url" or "ArchiveUrl" && Property.DeclaringType.ClrType == typeof(Domain.Claims.Source)
            && !Domain.Text.SourceUrl.TryParse(text, out _, out var error))
        {
            return error;
        }
        return null;
    }

    internal DbParameter Parameter(DbCommand command, string name, object? modelValue) =>
        TypeMapping.CreateParameter(command, name, modelValue, IsNullable);

    private static object ReadAs<T>(DbDataReader reader, int ordinal) => reader.GetFieldValue<T>(ordinal)!;
}

/// <summary>A table of the dataset: its columns in the model's order, its key, and its references to itself.</summary>
public sealed class DatasetTable
{
    internal DatasetTable(ITable table, IReadOnlyList<DatasetColumn> columns)
    {
        Name = table.Name;
        Columns = columns;
        var byName = columns.ToDictionary(c => c.Name, StringComparer.Ordinal);
        Key = table.PrimaryKey!.Columns.Select(c => byName[c.Name]).ToList();
        SelfReferences = table.ForeignKeyConstraints.Where(fk => fk.PrincipalTable == table)
            .SelectMany(fk => fk.Columns).Select(c => byName[c.Name]).Distinct().ToList();
        NumberedKey = Key is [var only] && only.Property.ValueGenerated == ValueGenerated.OnAdd
            && (only.FileType == typeof(int) || only.FileType == typeof(long))
            ? only
            : null;
    }

    public string Name { get; }

    public IReadOnlyList<DatasetColumn> Columns { get; }

    public IReadOnlyList<DatasetColumn> Key { get; }

    /// <summary>Columns naming another row of the same table (a sub-claim's parent, a correction's original).</summary>
    public IReadOnlyList<DatasetColumn> SelfReferences { get; }

    /// <summary>A key the database numbers itself; its counter must move past the imported rows.</summary>
    public DatasetColumn? NumberedKey { get; }
}

/// <summary>
/// The tables a dataset file holds: every table of the model, parents before the tables that refer to
/// them, except the data-protection keys (secrets of one installation: sessions do not move with the data).
/// Password hashes and the tables of sign-in secrets (authenticator keys, recovery codes) travel only when asked.
/// </summary>
public static class DatasetTables
{
    public const string UsersTable = "AspNetUsers";
    public const string PasswordHashColumn = "PasswordHash";

    /// <summary>
    /// Secrets of one installation: data-protection keys (sessions do not move with the data), and passkeys, which belong to
    /// the site's address and are made again by their owners after a move (README, "Moving a newsroom").
    /// </summary>
    private static readonly HashSet<string> NeverExported = new(StringComparer.Ordinal) { "DataProtectionKeys", "AspNetUserPasskeys" };
    private static readonly HashSet<string> SecretTables = new(StringComparer.Ordinal) { "AspNetUserTokens" };

    public static IReadOnlyList<DatasetTable> Of(DbContext db)
    {
        var model = db.Model.GetRelationalModel();
        var tables = model.Tables.Where(t => !NeverExported.Contains(t.Name)).ToList();
        return ParentsFirst(tables)
            .Select(t => new DatasetTable(t, t.Columns.Select(c => new DatasetColumn(c)).ToList()))
            .ToList();
    }

    /// <summary>Whether a table or column holds sign-in secrets, exported only with password hashes.</summary>
    public static bool IsSecret(string table, string? column = null) =>
        SecretTables.Contains(table) || (table == UsersTable && column == PasswordHashColumn);

    /// <summary>Tables ordered so that every table comes after the tables its foreign keys name; ties by name.</summary>
    private static IEnumerable<ITable> ParentsFirst(IReadOnlyList<ITable> tables)
    {
        var pending = tables.OrderBy(t => t.Name, StringComparer.Ordinal).ToList();
        var placed = new HashSet<string>(StringComparer.Ordinal);
        while (pending.Count > 0)
        {
            var next = pending.FirstOrDefault(t => t.ForeignKeyConstraints.All(fk =>
                fk.PrincipalTable == t || placed.Contains(fk.PrincipalTable.Name) || !pending.Contains(fk.PrincipalTable)))
                ?? throw new InvalidOperationException("The tables refer to each other in a cycle: " + string.Join(", ", pending.Select(t => t.Name)));
            pending.Remove(next);
            placed.Add(next.Name);
            yield return next;
        }
    }
}
