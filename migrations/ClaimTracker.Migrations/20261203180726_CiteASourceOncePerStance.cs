using ClaimTracker.Infrastructure.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ClaimTracker.Migrations
{
    /// <summary>
    /// A claim may cite one source more than once, once per stance (an article reports the accusation and the denial):
    /// the stance joins the key of ClaimSources. SQLite cannot change a primary key in place, so there the table is
    /// rebuilt (new table, rows copied, old one dropped, new one renamed); PostgreSQL swaps the key.
    /// </summary>
    [DbContext(typeof(AppDbContext))]
    [Migration("20261203180726_CiteASourceOncePerStance")]
    public partial class CiteASourceOncePerStance : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder) => ChangeKey(migrationBuilder, ["ClaimId", "SourceId", "Stance"]);

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder) => ChangeKey(migrationBuilder, ["ClaimId", "SourceId"]);

        private static void ChangeKey(MigrationBuilder migrationBuilder, string[] key)
        {
            if (migrationBuilder.ActiveProvider != "Microsoft.EntityFrameworkCore.Sqlite")
            {
                migrationBuilder.DropPrimaryKey(name: "PK_ClaimSources", table: "ClaimSources");
                migrationBuilder.AddPrimaryKey(name: "PK_ClaimSources", table: "ClaimSources", columns: key);
                return;
            }
            migrationBuilder.CreateTable(
                name: "ClaimSources_rebuilt",
                columns: table => new
                {
                    ClaimId = table.Column<int>(nullable: false),
                    SourceId = table.Column<int>(nullable: false),
                    Stance = table.Column<string>(maxLength: 16, nullable: false),
                    Quote = table.Column<string>(maxLength: 2000, nullable: true),
                    Note = table.Column<string>(maxLength: 2000, nullable: true),
                },
                constraints: table =>
                {
                    if (key.Length == 3)
                    {
                        table.PrimaryKey("PK_ClaimSources", x => new { x.ClaimId, x.SourceId, x.Stance });
                    }
                    else
                    {
                        table.PrimaryKey("PK_ClaimSources", x => new { x.ClaimId, x.SourceId });
                    }
                    table.ForeignKey("FK_ClaimSources_Claims_ClaimId", x => x.ClaimId, "Claims", "Id", onDelete: ReferentialAction.Cascade);
                    table.ForeignKey("FK_ClaimSources_Sources_SourceId", x => x.SourceId, "Sources", "Id", onDelete: ReferentialAction.Restrict);
                });
            // Going back to one citation per source keeps the first stance of each (the others cannot be kept).
            migrationBuilder.Sql(key.Length == 3
                ? "INSERT INTO \"ClaimSources_rebuilt\" (\"ClaimId\", \"SourceId\", \"Stance\", \"Quote\", \"Note\") SELECT \"ClaimId\", \"SourceId\", \"Stance\", \"Quote\", \"Note\" FROM \"ClaimSources\";"
                : "INSERT OR IGNORE INTO \"ClaimSources_rebuilt\" (\"ClaimId\", \"SourceId\", \"Stance\", \"Quote\", \"Note\") SELECT \"ClaimId\", \"SourceId\", \"Stance\", \"Quote\", \"Note\" FROM \"ClaimSources\" ORDER BY \"ClaimId\", \"SourceId\", \"Stance\";");
            migrationBuilder.DropTable(name: "ClaimSources");
            migrationBuilder.RenameTable(name: "ClaimSources_rebuilt", newName: "ClaimSources");
            migrationBuilder.CreateIndex(name: "IX_ClaimSources_SourceId", table: "ClaimSources", column: "SourceId");
        }
    }
}
