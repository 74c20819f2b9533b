using ClaimTracker.Infrastructure.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ClaimTracker.Migrations
{
    /// <summary>Whether readers may open preserved copies and evidence files (an admin's decision, off by default).</summary>
    [DbContext(typeof(AppDbContext))]
    [Migration("20261203235917_AddReaderCopiesSetting")]
    public partial class AddReaderCopiesSetting : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "ReadersMayOpenCopies",
                table: "SiteSettings",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ReadersMayOpenCopies",
                table: "SiteSettings");
        }
    }
}
