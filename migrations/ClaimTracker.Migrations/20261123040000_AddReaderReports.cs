using ClaimTracker.Infrastructure.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ClaimTracker.Migrations;

/// <summary>Readers' reports of errors and new evidence, and how editors resolved them.</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261123040000_AddReaderReports")]
public sealed class AddReaderReports : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "ReaderReports",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Identity(),
                ClaimId = table.Column<int>(nullable: false),
                Message = table.Column<string>(maxLength: 4000, nullable: false),
                Email = table.Column<string>(maxLength: 256, nullable: true),
                ReceivedAtUtc = table.Column<DateTime>(nullable: false),
                IsResolved = table.Column<bool>(nullable: false),
                ResolvedBy = table.Column<string>(maxLength: 256, nullable: true),
                ResolvedAtUtc = table.Column<DateTime>(nullable: true),
                ResolutionNote = table.Column<string>(maxLength: 2000, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ReaderReports", x => x.Id);
                table.ForeignKey("FK_ReaderReports_Claims_ClaimId", x => x.ClaimId, "Claims", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_ReaderReports_ClaimId", "ReaderReports", "ClaimId");
        migrationBuilder.CreateIndex("IX_ReaderReports_IsResolved_ReceivedAtUtc", "ReaderReports", ["IsResolved", "ReceivedAtUtc"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("ReaderReports");
}
