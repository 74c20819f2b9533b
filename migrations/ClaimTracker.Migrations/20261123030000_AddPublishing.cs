using ClaimTracker.Infrastructure.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ClaimTracker.Migrations;

/// <summary>The publisher's settings and texts (about, methodology, corrections policy) and each claim's short form for ClaimReview.</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261123030000_AddPublishing")]
public sealed class AddPublishing : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "SiteSettings",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false),
                PublisherName = table.Column<string>(maxLength: 200, nullable: false),
                PublisherUrl = table.Column<string>(maxLength: 2000, nullable: true),
                ContactEmail = table.Column<string>(maxLength: 256, nullable: false),
                AboutHtml = table.Column<string>(maxLength: 100000, nullable: false),
                MethodologyHtml = table.Column<string>(maxLength: 100000, nullable: false),
                CorrectionsPolicyHtml = table.Column<string>(maxLength: 100000, nullable: false),
                Version = table.Column<Guid>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_SiteSettings", x => x.Id));

        migrationBuilder.AddColumn<string>(name: "ClaimReviewed", table: "Claims", maxLength: 74, nullable: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropColumn(name: "ClaimReviewed", table: "Claims");
        migrationBuilder.DropTable(name: "SiteSettings");
    }
}
