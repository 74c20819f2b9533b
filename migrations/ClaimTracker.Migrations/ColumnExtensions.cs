using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Microsoft.EntityFrameworkCore.Migrations.Operations.Builders;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace ClaimTracker.Migrations;

internal static class ColumnExtensions
{
    /// <summary>
    /// A key the database numbers itself, on either engine: AUTOINCREMENT on SQLite, an identity column
    /// on PostgreSQL (each provider reads its own annotation and ignores the other's).
    /// </summary>
    public static OperationBuilder<AddColumnOperation> Identity(this OperationBuilder<AddColumnOperation> column) =>
        column.Annotation("Sqlite:Autoincrement", true)
            .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn);
}
