using ClaimTracker.Infrastructure.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ClaimTracker.Migrations;

/// <summary>
/// Public claims without an approved version (those public before the review workflow): the start-up
/// backfill looks for them at every start; with this index that is a read of an empty index.
/// </summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261123090000_AddUnversionedClaimsIndex")]
public sealed class AddUnversionedClaimsIndex : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.CreateIndex("IX_Claims_Public_Unversioned", "Claims", "PublishedVersion", filter: "\"IsPublic\" AND \"PublishedVersion\" IS NULL");

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.DropIndex("IX_Claims_Public_Unversioned", "Claims");
}
