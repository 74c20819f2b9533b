using ClaimTracker.Infrastructure.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ClaimTracker.Migrations;

/// <summary>The "log a claim" form that created a claim: the same form posted twice makes one claim (unique).</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261203010000_AddClaimSubmission")]
public sealed class AddClaimSubmission : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<Guid>(name: "SubmissionId", table: "Claims", nullable: true);
        migrationBuilder.CreateIndex("IX_Claims_SubmissionId", "Claims", "SubmissionId", unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex("IX_Claims_SubmissionId", "Claims");
        migrationBuilder.DropColumn(name: "SubmissionId", table: "Claims");
    }
}
