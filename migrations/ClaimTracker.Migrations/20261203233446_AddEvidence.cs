using ClaimTracker.Infrastructure.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ClaimTracker.Migrations
{
    /// <summary>Preserved copies of sources' pages, evidence files and their blobs; the link check's findings on sources.</summary>
    [DbContext(typeof(AppDbContext))]
    [Migration("20261203233446_AddEvidence")]
    public partial class AddEvidence : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "LinkCheckedAtUtc",
                table: "Sources",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LinkNote",
                table: "Sources",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LinkState",
                table: "Sources",
                maxLength: 16,
                nullable: false,
                defaultValue: "Unchecked");

            migrationBuilder.AddColumn<DateTime>(
                name: "LinkStateSinceUtc",
                table: "Sources",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "StoredBlobs",
                columns: table => new
                {
                    Sha256 = table.Column<string>(maxLength: 64, nullable: false),
                    ContentType = table.Column<string>(maxLength: 100, nullable: false),
                    Length = table.Column<long>(nullable: false),
                    Content = table.Column<byte[]>(nullable: true),
                    StoredAtUtc = table.Column<DateTime>(nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StoredBlobs", x => x.Sha256);
                });

            migrationBuilder.CreateTable(
                name: "EvidenceFiles",
                columns: table => new
                {
                    Id = table.Column<int>(nullable: false).Identity(),
                    SourceId = table.Column<int>(nullable: true),
                    StatementId = table.Column<int>(nullable: true),
                    Caption = table.Column<string>(maxLength: 500, nullable: false),
                    FileName = table.Column<string>(maxLength: 200, nullable: false),
                    ContentType = table.Column<string>(maxLength: 100, nullable: false),
                    Sha256 = table.Column<string>(maxLength: 64, nullable: false),
                    Length = table.Column<long>(nullable: false),
                    AddedBy = table.Column<string>(maxLength: 256, nullable: false),
                    AddedAtUtc = table.Column<DateTime>(nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EvidenceFiles", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EvidenceFiles_Sources_SourceId",
                        column: x => x.SourceId,
                        principalTable: "Sources",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_EvidenceFiles_Statements_StatementId",
                        column: x => x.StatementId,
                        principalTable: "Statements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_EvidenceFiles_StoredBlobs_Sha256",
                        column: x => x.Sha256,
                        principalTable: "StoredBlobs",
                        principalColumn: "Sha256",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SourceCaptures",
                columns: table => new
                {
                    Id = table.Column<int>(nullable: false).Identity(),
                    SourceId = table.Column<int>(nullable: true),
                    RequestedUrl = table.Column<string>(maxLength: 2000, nullable: false),
                    FinalUrl = table.Column<string>(maxLength: 2000, nullable: false),
                    HttpStatus = table.Column<int>(nullable: false),
                    ContentType = table.Column<string>(maxLength: 100, nullable: false),
                    Sha256 = table.Column<string>(maxLength: 64, nullable: false),
                    Length = table.Column<long>(nullable: false),
                    CapturedBy = table.Column<string>(maxLength: 256, nullable: false),
                    CapturedAtUtc = table.Column<DateTime>(nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SourceCaptures", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SourceCaptures_Sources_SourceId",
                        column: x => x.SourceId,
                        principalTable: "Sources",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SourceCaptures_StoredBlobs_Sha256",
                        column: x => x.Sha256,
                        principalTable: "StoredBlobs",
                        principalColumn: "Sha256",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Sources_LinkCheckedAtUtc",
                table: "Sources",
                column: "LinkCheckedAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_EvidenceFiles_Sha256",
                table: "EvidenceFiles",
                column: "Sha256");

            migrationBuilder.CreateIndex(
                name: "IX_EvidenceFiles_SourceId",
                table: "EvidenceFiles",
                column: "SourceId");

            migrationBuilder.CreateIndex(
                name: "IX_EvidenceFiles_StatementId",
                table: "EvidenceFiles",
                column: "StatementId");

            migrationBuilder.CreateIndex(
                name: "IX_SourceCaptures_Sha256",
                table: "SourceCaptures",
                column: "Sha256");

            migrationBuilder.CreateIndex(
                name: "IX_SourceCaptures_SourceId_CapturedAtUtc",
                table: "SourceCaptures",
                columns: new[] { "SourceId", "CapturedAtUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "EvidenceFiles");

            migrationBuilder.DropTable(
                name: "SourceCaptures");

            migrationBuilder.DropTable(
                name: "StoredBlobs");

            migrationBuilder.DropIndex(
                name: "IX_Sources_LinkCheckedAtUtc",
                table: "Sources");

            migrationBuilder.DropColumn(
                name: "LinkCheckedAtUtc",
                table: "Sources");

            migrationBuilder.DropColumn(
                name: "LinkNote",
                table: "Sources");

            migrationBuilder.DropColumn(
                name: "LinkState",
                table: "Sources");

            migrationBuilder.DropColumn(
                name: "LinkStateSinceUtc",
                table: "Sources");
        }
    }
}
