using ClaimTracker.Infrastructure.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ClaimTracker.Migrations
{
    /// <summary>
    /// Each link of a published claim to a topic or actor keeps the claim's approved status date, so that a topic's or an
    /// actor's page reads one range of an index (topic or actor, date, claim) instead of walking every public claim.
    /// Existing links take the date from their claim.
    /// </summary>
    [DbContext(typeof(AppDbContext))]
    [Migration("20261204052510_KeepStatusDateOnLinks")]
    public partial class KeepStatusDateOnLinks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_PublishedClaimTopics_TopicId",
                table: "PublishedClaimTopics");

            migrationBuilder.DropIndex(
                name: "IX_PublishedClaimActors_ActorId",
                table: "PublishedClaimActors");

            migrationBuilder.AddColumn<DateOnly>(
                name: "StatusSince",
                table: "PublishedClaimTopics",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "StatusSince",
                table: "PublishedClaimActors",
                nullable: true);

            // The same statement on SQLite and PostgreSQL.
            migrationBuilder.Sql("""
                UPDATE "PublishedClaimTopics" SET "StatusSince" =
                    (SELECT c."PublishedStatusSince" FROM "Claims" AS c WHERE c."Id" = "PublishedClaimTopics"."ClaimId");
                """);
            migrationBuilder.Sql("""
                UPDATE "PublishedClaimActors" SET "StatusSince" =
                    (SELECT c."PublishedStatusSince" FROM "Claims" AS c WHERE c."Id" = "PublishedClaimActors"."ClaimId");
                """);

            migrationBuilder.CreateIndex(
                name: "IX_PublishedClaimTopics_TopicId_StatusSince_ClaimId",
                table: "PublishedClaimTopics",
                columns: new[] { "TopicId", "StatusSince", "ClaimId" });

            migrationBuilder.CreateIndex(
                name: "IX_PublishedClaimActors_ActorId_StatusSince_ClaimId",
                table: "PublishedClaimActors",
                columns: new[] { "ActorId", "StatusSince", "ClaimId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_PublishedClaimTopics_TopicId_StatusSince_ClaimId",
                table: "PublishedClaimTopics");

            migrationBuilder.DropIndex(
                name: "IX_PublishedClaimActors_ActorId_StatusSince_ClaimId",
                table: "PublishedClaimActors");

            migrationBuilder.DropColumn(
                name: "StatusSince",
                table: "PublishedClaimTopics");

            migrationBuilder.DropColumn(
                name: "StatusSince",
                table: "PublishedClaimActors");

            migrationBuilder.CreateIndex(
                name: "IX_PublishedClaimTopics_TopicId",
                table: "PublishedClaimTopics",
                column: "TopicId");

            migrationBuilder.CreateIndex(
                name: "IX_PublishedClaimActors_ActorId",
                table: "PublishedClaimActors",
                column: "ActorId");
        }
    }
}
