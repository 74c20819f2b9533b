using ClaimTracker.Infrastructure.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ClaimTracker.Migrations;

/// <summary>
/// PostgreSQL's search indexes (PostgresClaimSearch): per claim the headline and the whole searched text
/// as tsvector columns with GIN indexes, for the working copies (ClaimSearch) and the approved versions
/// readers see (ClaimSearchPublished). A PostgreSQL database starts empty; rows are written as claims are saved.
/// SQLite has its FTS5 indexes from earlier migrations; nothing changes there.
/// </summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261123110000_AddPostgresSearch")]
public sealed class AddPostgresSearch : Migration
{
    private const string Npgsql = "Npgsql.EntityFrameworkCore.PostgreSQL";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        if (migrationBuilder.ActiveProvider != Npgsql)
        {
            return;
        }
        foreach (var table in new[] { "ClaimSearch", "ClaimSearchPublished" })
        {
            migrationBuilder.Sql($"""
                CREATE TABLE "{table}" ("ClaimId" integer NOT NULL PRIMARY KEY, "Headline" tsvector NOT NULL, "Document" tsvector NOT NULL);
                CREATE INDEX "IX_{table}_Headline" ON "{table}" USING GIN ("Headline");
                CREATE INDEX "IX_{table}_Document" ON "{table}" USING GIN ("Document");
                """);
        }
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        if (migrationBuilder.ActiveProvider == Npgsql)
        {
            migrationBuilder.Sql("DROP TABLE \"ClaimSearchPublished\"; DROP TABLE \"ClaimSearch\";");
        }
    }
}
