using ClaimTracker.Infrastructure.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ClaimTracker.Migrations;

/// <summary>
/// The four-eye review: the claim's workflow state and its approved (published) headline and status,
/// approved versions with their reader-facing snapshot, the workflow history, review intervals and
/// final statuses. Claims that were public before get their version 1 at the next start.
/// </summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261123070000_AddReviewWorkflow")]
public sealed class AddReviewWorkflow : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<int>(name: "ReviewIntervalDays", table: "Claims", nullable: true);
        migrationBuilder.AddColumn<string>(name: "Review", table: "Claims", maxLength: 16, nullable: false, defaultValue: "Draft");
        migrationBuilder.AddColumn<int>(name: "PublishedVersion", table: "Claims", nullable: true);
        migrationBuilder.AddColumn<string>(name: "PublishedHeadline", table: "Claims", maxLength: 120, nullable: true);
        migrationBuilder.AddColumn<int>(name: "PublishedStatusId", table: "Claims", nullable: true);
        migrationBuilder.AddColumn<DateOnly>(name: "PublishedStatusSince", table: "Claims", nullable: true);
        migrationBuilder.AddColumn<DateTime>(name: "PublishedAtUtc", table: "Claims", nullable: true);
        migrationBuilder.AddColumn<string>(name: "PendingAuthors", table: "Claims", maxLength: 4000, nullable: false, defaultValue: "");
        migrationBuilder.AddColumn<string>(name: "SubmittedBy", table: "Claims", maxLength: 256, nullable: true);
        migrationBuilder.AddColumn<DateTime>(name: "SubmittedAtUtc", table: "Claims", nullable: true);
        migrationBuilder.AddColumn<string>(name: "SubmissionComment", table: "Claims", maxLength: 2000, nullable: true);
        migrationBuilder.AddColumn<string>(name: "CorrectionNote", table: "Claims", maxLength: 2000, nullable: true);
        migrationBuilder.AddColumn<string>(name: "SentBackBy", table: "Claims", maxLength: 256, nullable: true);
        migrationBuilder.AddColumn<string>(name: "SentBackComment", table: "Claims", maxLength: 2000, nullable: true);
        migrationBuilder.AddColumn<string>(name: "WithdrawalNote", table: "Claims", maxLength: 2000, nullable: true);
        migrationBuilder.AddColumn<DateTime>(name: "WithdrawnAtUtc", table: "Claims", nullable: true);
        migrationBuilder.CreateIndex("IX_Claims_Review_SubmittedAtUtc", "Claims", ["Review", "SubmittedAtUtc"]);
        migrationBuilder.CreateIndex("IX_Claims_Public_PublishedStatusSince_Id", "Claims", ["PublishedStatusSince", "Id"], filter: "\"IsPublic\"");
        migrationBuilder.CreateIndex("IX_Claims_Public_PublishedStatusId", "Claims", "PublishedStatusId", filter: "\"IsPublic\"");

        migrationBuilder.AddColumn<DateTime>(name: "PublishedAtUtc", table: "StatusChanges", nullable: true);
        migrationBuilder.CreateIndex("IX_StatusChanges_PublishedAtUtc", "StatusChanges", "PublishedAtUtc");
        migrationBuilder.AddColumn<bool>(name: "IsFinal", table: "StatusDefinitions", nullable: false, defaultValue: false);
        // The default scale's closing verdicts (TRUE is understood by SQLite and PostgreSQL alike).
        migrationBuilder.Sql("UPDATE \"StatusDefinitions\" SET \"IsFinal\" = TRUE WHERE \"Key\" IN ('false', 'misleading', 'confirmed');");
        migrationBuilder.AddColumn<int>(name: "ReviewIntervalDays", table: "SiteSettings", nullable: false, defaultValue: 30);

        migrationBuilder.CreateTable(
            name: "ClaimVersions",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Identity(),
                ClaimId = table.Column<int>(nullable: false),
                Number = table.Column<int>(nullable: false),
                Kind = table.Column<string>(maxLength: 24, nullable: false),
                CorrectionNote = table.Column<string>(maxLength: 2000, nullable: true),
                Headline = table.Column<string>(maxLength: 120, nullable: false),
                StatusId = table.Column<int>(nullable: true),
                StatusSince = table.Column<DateOnly>(nullable: true),
                Snapshot = table.Column<string>(nullable: false),
                SubmittedBy = table.Column<string>(maxLength: 256, nullable: false),
                ApprovedBy = table.Column<string>(maxLength: 256, nullable: false),
                ApprovedAtUtc = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ClaimVersions", x => x.Id);
                table.ForeignKey("FK_ClaimVersions_Claims_ClaimId", x => x.ClaimId, "Claims", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_ClaimVersions_StatusDefinitions_StatusId", x => x.StatusId, "StatusDefinitions", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_ClaimVersions_ClaimId_Number", "ClaimVersions", ["ClaimId", "Number"], unique: true);
        migrationBuilder.CreateIndex("IX_ClaimVersions_Kind_ApprovedAtUtc", "ClaimVersions", ["Kind", "ApprovedAtUtc"]);
        migrationBuilder.CreateIndex("IX_ClaimVersions_StatusId", "ClaimVersions", "StatusId");

        migrationBuilder.CreateTable(
            name: "WorkflowEvents",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Identity(),
                ClaimId = table.Column<int>(nullable: false),
                Action = table.Column<string>(maxLength: 16, nullable: false),
                Actor = table.Column<string>(maxLength: 256, nullable: false),
                OccurredAtUtc = table.Column<DateTime>(nullable: false),
                Comment = table.Column<string>(maxLength: 2000, nullable: true),
                VersionNumber = table.Column<int>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_WorkflowEvents", x => x.Id);
                table.ForeignKey("FK_WorkflowEvents_Claims_ClaimId", x => x.ClaimId, "Claims", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_WorkflowEvents_ClaimId_OccurredAtUtc", "WorkflowEvents", ["ClaimId", "OccurredAtUtc"]);

        if (migrationBuilder.ActiveProvider == "Microsoft.EntityFrameworkCore.Sqlite")
        {
            // Readers search the approved versions only; filled as versions are approved (and by the start-up backfill).
            migrationBuilder.Sql(
                "CREATE VIRTUAL TABLE ClaimSearchPublished USING fts5(claim_id UNINDEXED, headline, body, tokenize = 'unicode61 remove_diacritics 2');");
            // Index rows are keyed by rowid = claim id from now on, so replacing one is a lookup, not a scan.
            migrationBuilder.Sql(
                "CREATE TEMP TABLE ClaimSearchRekey AS SELECT claim_id, headline, body FROM ClaimSearch; " +
                "DELETE FROM ClaimSearch; " +
                "INSERT INTO ClaimSearch (rowid, claim_id, headline, body) SELECT claim_id, claim_id, headline, body FROM ClaimSearchRekey; " +
                "DROP TABLE ClaimSearchRekey;");
        }
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        if (migrationBuilder.ActiveProvider == "Microsoft.EntityFrameworkCore.Sqlite")
        {
            migrationBuilder.Sql("DROP TABLE ClaimSearchPublished;");
        }
        migrationBuilder.DropTable("WorkflowEvents");
        migrationBuilder.DropTable("ClaimVersions");
        migrationBuilder.DropColumn(name: "ReviewIntervalDays", table: "SiteSettings");
        migrationBuilder.DropColumn(name: "IsFinal", table: "StatusDefinitions");
        migrationBuilder.DropIndex("IX_StatusChanges_PublishedAtUtc", "StatusChanges");
        migrationBuilder.DropColumn(name: "PublishedAtUtc", table: "StatusChanges");
        foreach (var index in new[] { "IX_Claims_Review_SubmittedAtUtc", "IX_Claims_Public_PublishedStatusSince_Id", "IX_Claims_Public_PublishedStatusId" })
        {
            migrationBuilder.DropIndex(index, "Claims");
        }
        foreach (var column in new[] { "ReviewIntervalDays", "Review", "PublishedVersion", "PublishedHeadline", "PublishedStatusId", "PublishedStatusSince",
                     "PublishedAtUtc", "PendingAuthors", "SubmittedBy", "SubmittedAtUtc", "SubmissionComment", "CorrectionNote", "SentBackBy",
                     "SentBackComment", "WithdrawalNote", "WithdrawnAtUtc" })
        {
            migrationBuilder.DropColumn(name: column, table: "Claims");
        }
    }
}
