using ClaimTracker.Infrastructure.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ClaimTracker.Migrations
{
    /// <summary>Other names actors go by, for matching what editors type (one name answers to one actor).</summary>
    [DbContext(typeof(AppDbContext))]
    [Migration("20261203153853_AddActorAliases")]
    public partial class AddActorAliases : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ActorAliases",
                columns: table => new
                {
                    Id = table.Column<int>(nullable: false).Identity(),
                    ActorId = table.Column<int>(nullable: false),
                    Name = table.Column<string>(maxLength: 200, nullable: false),
                    Key = table.Column<string>(maxLength: 400, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ActorAliases", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ActorAliases_Actors_ActorId",
                        column: x => x.ActorId,
                        principalTable: "Actors",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ActorAliases_ActorId",
                table: "ActorAliases",
                column: "ActorId");

            migrationBuilder.CreateIndex(
                name: "IX_ActorAliases_Key",
                table: "ActorAliases",
                column: "Key",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ActorAliases");
        }
    }
}
