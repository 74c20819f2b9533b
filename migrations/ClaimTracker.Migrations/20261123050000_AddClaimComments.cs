using ClaimTracker.Infrastructure.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ClaimTracker.Migrations;

/// <summary>The editors' internal discussion per claim.</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261123050000_AddClaimComments")]
public sealed class AddClaimComments : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "ClaimComments",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Identity(),
                ClaimId = table.Column<int>(nullable: false),
                Author = table.Column<string>(maxLength: 256, nullable: false),
                Body = table.Column<string>(maxLength: 20000, nullable: false),
                PostedAtUtc = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ClaimComments", x => x.Id);
                table.ForeignKey("FK_ClaimComments_Claims_ClaimId", x => x.ClaimId, "Claims", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_ClaimComments_ClaimId_PostedAtUtc", "ClaimComments", ["ClaimId", "PostedAtUtc"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("ClaimComments");
}
