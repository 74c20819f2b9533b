using ClaimTracker.Infrastructure.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ClaimTracker.Migrations;

/// <summary>
/// Readers follow approved versions only, also for topics, actors and permalinks: the topics and actors each
/// claim's approved version names (filled from the approved snapshots), the actor as readers last saw it approved
/// (filled from the directory for actors an approved version names), and a permalink change waiting for review.
/// </summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261203000000_AddPublishedParts")]
public sealed class AddPublishedParts : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>(name: "PendingSlug", table: "Claims", maxLength: 80, nullable: true);
        migrationBuilder.CreateIndex("IX_Claims_PendingSlug", "Claims", "PendingSlug", unique: true);
        migrationBuilder.AddColumn<string>(name: "PublishedName", table: "Actors", maxLength: 200, nullable: true);
        migrationBuilder.AddColumn<string>(name: "PublishedDescription", table: "Actors", maxLength: 500, nullable: true);
        migrationBuilder.AddColumn<string>(name: "PublishedWikidataId", table: "Actors", maxLength: 20, nullable: true);

        migrationBuilder.CreateTable(
            name: "PublishedClaimTopics",
            columns: table => new
            {
                ClaimId = table.Column<int>(nullable: false),
                TopicId = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_PublishedClaimTopics", x => new { x.ClaimId, x.TopicId });
                table.ForeignKey("FK_PublishedClaimTopics_Claims_ClaimId", x => x.ClaimId, "Claims", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_PublishedClaimTopics_Topics_TopicId", x => x.TopicId, "Topics", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_PublishedClaimTopics_TopicId", "PublishedClaimTopics", "TopicId");

        migrationBuilder.CreateTable(
            name: "PublishedClaimActors",
            columns: table => new
            {
                ClaimId = table.Column<int>(nullable: false),
                ActorId = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_PublishedClaimActors", x => new { x.ClaimId, x.ActorId });
                table.ForeignKey("FK_PublishedClaimActors_Claims_ClaimId", x => x.ClaimId, "Claims", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_PublishedClaimActors_Actors_ActorId", x => x.ActorId, "Actors", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_PublishedClaimActors_ActorId", "PublishedClaimActors", "ActorId");
        migrationBuilder.CreateIndex("IX_WorkflowEvents_Action_OccurredAtUtc", "WorkflowEvents", ["Action", "OccurredAtUtc"]);

        // What each claim's latest approved version names, read from its snapshot (topics by name; claimants,
        // subjects and the speakers of statements by id): a pending revision's working copy is not what readers saw.
        if (migrationBuilder.ActiveProvider == "Npgsql.EntityFrameworkCore.PostgreSQL")
        {
            migrationBuilder.Sql("""
                INSERT INTO "PublishedClaimTopics" ("ClaimId", "TopicId")
                SELECT DISTINCT c."Id", t."Id"
                FROM "Claims" c
                JOIN "ClaimVersions" v ON v."ClaimId" = c."Id" AND v."Number" = c."PublishedVersion"
                CROSS JOIN LATERAL jsonb_array_elements_text(v."Snapshot"::jsonb -> 'Topics') AS named(name)
                JOIN "Topics" t ON t."Name" = named.name;
                INSERT INTO "PublishedClaimActors" ("ClaimId", "ActorId")
                SELECT DISTINCT c."Id", a."Id"
                FROM "Claims" c
                JOIN "ClaimVersions" v ON v."ClaimId" = c."Id" AND v."Number" = c."PublishedVersion"
                CROSS JOIN LATERAL (
                    SELECT (e ->> 'Id')::int AS id FROM jsonb_array_elements(v."Snapshot"::jsonb -> 'Claimants') e
                    UNION SELECT (e ->> 'Id')::int FROM jsonb_array_elements(v."Snapshot"::jsonb -> 'Subjects') e
                    UNION SELECT (e -> 'Actor' ->> 'Id')::int FROM jsonb_array_elements(v."Snapshot"::jsonb -> 'Statements') e
                ) named
                JOIN "Actors" a ON a."Id" = named.id;
                """);
        }
        else
        {
            migrationBuilder.Sql("""
                INSERT INTO "PublishedClaimTopics" ("ClaimId", "TopicId")
                SELECT DISTINCT c."Id", t."Id"
                FROM "Claims" c
                JOIN "ClaimVersions" v ON v."ClaimId" = c."Id" AND v."Number" = c."PublishedVersion",
                     json_each(v."Snapshot", '$.Topics') named
                JOIN "Topics" t ON t."Name" = named.value;
                INSERT INTO "PublishedClaimActors" ("ClaimId", "ActorId")
                SELECT named.claim, named.actor FROM (
                    SELECT c."Id" AS claim, json_extract(e.value, '$.Id') AS actor
                    FROM "Claims" c JOIN "ClaimVersions" v ON v."ClaimId" = c."Id" AND v."Number" = c."PublishedVersion",
                         json_each(v."Snapshot", '$.Claimants') e
                    UNION SELECT c."Id", json_extract(e.value, '$.Id')
                    FROM "Claims" c JOIN "ClaimVersions" v ON v."ClaimId" = c."Id" AND v."Number" = c."PublishedVersion",
                         json_each(v."Snapshot", '$.Subjects') e
                    UNION SELECT c."Id", json_extract(e.value, '$.Actor.Id')
                    FROM "Claims" c JOIN "ClaimVersions" v ON v."ClaimId" = c."Id" AND v."Number" = c."PublishedVersion",
                         json_each(v."Snapshot", '$.Statements') e
                ) named
                WHERE named.actor IN (SELECT "Id" FROM "Actors");
                """);
        }
        migrationBuilder.Sql("""
            UPDATE "Actors" SET "PublishedName" = "Name", "PublishedDescription" = "Description", "PublishedWikidataId" = "WikidataId"
            WHERE "Id" IN (SELECT "ActorId" FROM "PublishedClaimActors");
            """);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex("IX_WorkflowEvents_Action_OccurredAtUtc", "WorkflowEvents");
        migrationBuilder.DropTable("PublishedClaimActors");
        migrationBuilder.DropTable("PublishedClaimTopics");
        migrationBuilder.DropColumn(name: "PublishedWikidataId", table: "Actors");
        migrationBuilder.DropColumn(name: "PublishedDescription", table: "Actors");
        migrationBuilder.DropColumn(name: "PublishedName", table: "Actors");
        migrationBuilder.DropIndex("IX_Claims_PendingSlug", "Claims");
        migrationBuilder.DropColumn(name: "PendingSlug", table: "Claims");
    }
}
