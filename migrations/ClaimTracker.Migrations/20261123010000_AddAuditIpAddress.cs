using ClaimTracker.Infrastructure.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ClaimTracker.Migrations;

/// <summary>Security events record the client address they came from.</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261123010000_AddAuditIpAddress")]
public sealed class AddAuditIpAddress : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.AddColumn<string>(name: "IpAddress", table: "AuditEntries", maxLength: 64, nullable: true);

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.DropColumn(name: "IpAddress", table: "AuditEntries");
}
