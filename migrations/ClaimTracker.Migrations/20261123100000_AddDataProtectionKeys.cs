using ClaimTracker.Infrastructure.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ClaimTracker.Migrations;

/// <summary>
/// Data-protection keys in the database, so app instances sharing a PostgreSQL database share the keys
/// that sign login cookies and antiforgery tokens. (A SQLite install keeps its keys in files; the table stays empty.)
/// </summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261123100000_AddDataProtectionKeys")]
public sealed class AddDataProtectionKeys : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.CreateTable(
            name: "DataProtectionKeys",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Identity(),
                FriendlyName = table.Column<string>(maxLength: 256, nullable: true),
                Xml = table.Column<string>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_DataProtectionKeys", x => x.Id));

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.DropTable("DataProtectionKeys");
}
