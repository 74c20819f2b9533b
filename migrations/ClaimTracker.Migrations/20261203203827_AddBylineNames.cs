using ClaimTracker.Infrastructure.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ClaimTracker.Migrations
{
    /// <summary>The name a reviewer is credited with in the byline of versions they approved (none: not named).</summary>
    [DbContext(typeof(AppDbContext))]
    [Migration("20261203203827_AddBylineNames")]
    public partial class AddBylineNames : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "BylineName",
                table: "AspNetUsers",
                maxLength: 100,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "BylineName",
                table: "AspNetUsers");
        }
    }
}
