using ClaimTracker.Infrastructure.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ClaimTracker.Migrations;

/// <summary>
/// Second factors for staff: passkeys (Identity's passkey table, schema version 3) and the roles that must use a second factor.
/// Authenticator keys and recovery codes live in AspNetUserTokens, which exists already.
/// </summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261203020000_AddSecondFactors")]
public sealed class AddSecondFactors : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var json = migrationBuilder.ActiveProvider == "Npgsql.EntityFrameworkCore.PostgreSQL" ? "jsonb" : "TEXT";
        migrationBuilder.CreateTable(
            name: "AspNetUserPasskeys",
            columns: table => new
            {
                CredentialId = table.Column<byte[]>(maxLength: 1024, nullable: false),
                UserId = table.Column<string>(nullable: false),
                Data = table.Column<string>(type: json, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AspNetUserPasskeys", x => x.CredentialId);
                table.ForeignKey("FK_AspNetUserPasskeys_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_AspNetUserPasskeys_UserId", "AspNetUserPasskeys", "UserId");
        migrationBuilder.AddColumn<string>(name: "SecondFactorRoles", table: "SiteSettings", maxLength: 200, nullable: false, defaultValue: "");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropColumn(name: "SecondFactorRoles", table: "SiteSettings");
        migrationBuilder.DropTable("AspNetUserPasskeys");
    }
}
