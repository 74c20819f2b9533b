using ClaimTracker.Infrastructure.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ClaimTracker.Migrations;

/// <summary>Claims can be assigned to an editor.</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261123060000_AddClaimAssignment")]
public sealed class AddClaimAssignment : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>(name: "AssignedTo", table: "Claims", maxLength: 256, nullable: true);
        migrationBuilder.CreateIndex("IX_Claims_AssignedTo", "Claims", "AssignedTo");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex("IX_Claims_AssignedTo", "Claims");
        migrationBuilder.DropColumn(name: "AssignedTo", table: "Claims");
    }
}
