using ClaimTracker.Infrastructure.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ClaimTracker.Migrations;

/// <summary>
/// Claims and everything around them: actors, topics, sources, the status scale and history,
/// statements, relations, old slugs, the field-level change log, and (SQLite) the FTS5 search index.
/// </summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261123020000_AddClaims")]
public sealed class AddClaims : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "Actors",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Identity(),
                Name = table.Column<string>(maxLength: 200, nullable: false),
                Slug = table.Column<string>(maxLength: 80, nullable: false),
                Kind = table.Column<string>(maxLength: 24, nullable: false),
                Country = table.Column<string>(maxLength: 100, nullable: true),
                Description = table.Column<string>(maxLength: 500, nullable: true),
                WikidataId = table.Column<string>(maxLength: 20, nullable: true),
                ProvenanceLabel = table.Column<string>(maxLength: 100, nullable: true),
                Version = table.Column<Guid>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_Actors", x => x.Id));

        migrationBuilder.CreateTable(
            name: "ChangeRecords",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false).Identity(),
                OccurredAtUtc = table.Column<DateTime>(nullable: false),
                Actor = table.Column<string>(maxLength: 256, nullable: false),
                EntityType = table.Column<string>(maxLength: 64, nullable: false),
                EntityId = table.Column<string>(maxLength: 64, nullable: false),
                ClaimId = table.Column<int>(nullable: true),
                Action = table.Column<string>(maxLength: 16, nullable: false),
                Changes = table.Column<string>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_ChangeRecords", x => x.Id));

        migrationBuilder.CreateTable(
            name: "StatusDefinitions",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Identity(),
                Key = table.Column<string>(maxLength: 80, nullable: false),
                NameEn = table.Column<string>(maxLength: 60, nullable: false),
                NameDe = table.Column<string>(maxLength: 60, nullable: false),
                DescriptionEn = table.Column<string>(maxLength: 1000, nullable: false),
                DescriptionDe = table.Column<string>(maxLength: 1000, nullable: false),
                Colour = table.Column<string>(maxLength: 7, nullable: false),
                Order = table.Column<int>(nullable: false),
                IsVerdict = table.Column<bool>(nullable: false),
                RatingValue = table.Column<int>(nullable: true),
                Version = table.Column<Guid>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_StatusDefinitions", x => x.Id));

        migrationBuilder.CreateTable(
            name: "Topics",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Identity(),
                Name = table.Column<string>(maxLength: 100, nullable: false),
                Slug = table.Column<string>(maxLength: 80, nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_Topics", x => x.Id));

        migrationBuilder.CreateTable(
            name: "Sources",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Identity(),
                Url = table.Column<string>(maxLength: 2000, nullable: true),
                Title = table.Column<string>(maxLength: 300, nullable: false),
                OutletId = table.Column<int>(nullable: true),
                Author = table.Column<string>(maxLength: 200, nullable: true),
                PublishedOn = table.Column<DateOnly>(nullable: true),
                Language = table.Column<string>(maxLength: 35, nullable: false),
                ArchiveUrl = table.Column<string>(maxLength: 2000, nullable: true),
                Excerpt = table.Column<string>(maxLength: 20000, nullable: true),
                ExcerptSha256 = table.Column<string>(maxLength: 64, nullable: true),
                ExcerptCapturedAtUtc = table.Column<DateTime>(nullable: true),
                CreatedBy = table.Column<string>(maxLength: 256, nullable: false),
                CreatedAtUtc = table.Column<DateTime>(nullable: false),
                Version = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Sources", x => x.Id);
                table.ForeignKey("FK_Sources_Actors_OutletId", x => x.OutletId, "Actors", "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "Claims",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Identity(),
                Slug = table.Column<string>(maxLength: 80, nullable: false),
                Headline = table.Column<string>(maxLength: 120, nullable: false),
                OriginalText = table.Column<string>(maxLength: 4000, nullable: false),
                Language = table.Column<string>(maxLength: 35, nullable: false),
                Translation = table.Column<string>(maxLength: 4000, nullable: true),
                Translator = table.Column<string>(maxLength: 200, nullable: true),
                IsMachineTranslated = table.Column<bool>(nullable: false),
                FirstMadeOn = table.Column<DateOnly>(nullable: true),
                Summary = table.Column<string>(maxLength: 100000, nullable: false),
                ParentClaimId = table.Column<int>(nullable: true),
                ReviewBy = table.Column<DateOnly>(nullable: true),
                IsPublic = table.Column<bool>(nullable: false),
                CurrentStatusId = table.Column<int>(nullable: true),
                CurrentStatusSince = table.Column<DateOnly>(nullable: true),
                CreatedBy = table.Column<string>(maxLength: 256, nullable: false),
                CreatedAtUtc = table.Column<DateTime>(nullable: false),
                UpdatedBy = table.Column<string>(maxLength: 256, nullable: false),
                UpdatedAtUtc = table.Column<DateTime>(nullable: false),
                Version = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Claims", x => x.Id);
                table.ForeignKey("FK_Claims_Claims_ParentClaimId", x => x.ParentClaimId, "Claims", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_Claims_StatusDefinitions_CurrentStatusId", x => x.CurrentStatusId, "StatusDefinitions", "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "ClaimActors",
            columns: table => new
            {
                ClaimId = table.Column<int>(nullable: false),
                ActorId = table.Column<int>(nullable: false),
                Role = table.Column<string>(maxLength: 16, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ClaimActors", x => new { x.ClaimId, x.ActorId, x.Role });
                table.ForeignKey("FK_ClaimActors_Actors_ActorId", x => x.ActorId, "Actors", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_ClaimActors_Claims_ClaimId", x => x.ClaimId, "Claims", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "ClaimRelations",
            columns: table => new
            {
                FromClaimId = table.Column<int>(nullable: false),
                ToClaimId = table.Column<int>(nullable: false),
                Kind = table.Column<string>(maxLength: 16, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ClaimRelations", x => new { x.FromClaimId, x.ToClaimId, x.Kind });
                table.ForeignKey("FK_ClaimRelations_Claims_FromClaimId", x => x.FromClaimId, "Claims", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_ClaimRelations_Claims_ToClaimId", x => x.ToClaimId, "Claims", "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "ClaimSources",
            columns: table => new
            {
                ClaimId = table.Column<int>(nullable: false),
                SourceId = table.Column<int>(nullable: false),
                Stance = table.Column<string>(maxLength: 16, nullable: false),
                Quote = table.Column<string>(maxLength: 2000, nullable: true),
                Note = table.Column<string>(maxLength: 2000, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ClaimSources", x => new { x.ClaimId, x.SourceId });
                table.ForeignKey("FK_ClaimSources_Claims_ClaimId", x => x.ClaimId, "Claims", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_ClaimSources_Sources_SourceId", x => x.SourceId, "Sources", "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "ClaimTopics",
            columns: table => new
            {
                ClaimId = table.Column<int>(nullable: false),
                TopicId = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ClaimTopics", x => new { x.ClaimId, x.TopicId });
                table.ForeignKey("FK_ClaimTopics_Claims_ClaimId", x => x.ClaimId, "Claims", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_ClaimTopics_Topics_TopicId", x => x.TopicId, "Topics", "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "SlugRedirects",
            columns: table => new
            {
                OldSlug = table.Column<string>(maxLength: 80, nullable: false),
                ClaimId = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_SlugRedirects", x => x.OldSlug);
                table.ForeignKey("FK_SlugRedirects_Claims_ClaimId", x => x.ClaimId, "Claims", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "Statements",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Identity(),
                ClaimId = table.Column<int>(nullable: false),
                ActorId = table.Column<int>(nullable: false),
                Stance = table.Column<string>(maxLength: 24, nullable: false),
                MadeOn = table.Column<DateOnly>(nullable: false),
                Quote = table.Column<string>(maxLength: 4000, nullable: true),
                QuoteLanguage = table.Column<string>(maxLength: 35, nullable: false),
                Translation = table.Column<string>(maxLength: 4000, nullable: true),
                RecordedBy = table.Column<string>(maxLength: 256, nullable: false),
                RecordedAtUtc = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Statements", x => x.Id);
                table.ForeignKey("FK_Statements_Actors_ActorId", x => x.ActorId, "Actors", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_Statements_Claims_ClaimId", x => x.ClaimId, "Claims", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "StatusChanges",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Identity(),
                ClaimId = table.Column<int>(nullable: false),
                StatusId = table.Column<int>(nullable: false),
                EffectiveOn = table.Column<DateOnly>(nullable: false),
                Rationale = table.Column<string>(maxLength: 100000, nullable: false),
                CorrectsId = table.Column<int>(nullable: true),
                RecordedBy = table.Column<string>(maxLength: 256, nullable: false),
                RecordedAtUtc = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_StatusChanges", x => x.Id);
                table.ForeignKey("FK_StatusChanges_Claims_ClaimId", x => x.ClaimId, "Claims", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_StatusChanges_StatusChanges_CorrectsId", x => x.CorrectsId, "StatusChanges", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_StatusChanges_StatusDefinitions_StatusId", x => x.StatusId, "StatusDefinitions", "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "StatementSources",
            columns: table => new
            {
                StatementId = table.Column<int>(nullable: false),
                SourceId = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_StatementSources", x => new { x.StatementId, x.SourceId });
                table.ForeignKey("FK_StatementSources_Sources_SourceId", x => x.SourceId, "Sources", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_StatementSources_Statements_StatementId", x => x.StatementId, "Statements", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "StatusChangeSources",
            columns: table => new
            {
                StatusChangeId = table.Column<int>(nullable: false),
                SourceId = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_StatusChangeSources", x => new { x.StatusChangeId, x.SourceId });
                table.ForeignKey("FK_StatusChangeSources_Sources_SourceId", x => x.SourceId, "Sources", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_StatusChangeSources_StatusChanges_StatusChangeId", x => x.StatusChangeId, "StatusChanges", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex("IX_Actors_Name", "Actors", "Name");
        migrationBuilder.CreateIndex("IX_Actors_Slug", "Actors", "Slug", unique: true);
        migrationBuilder.CreateIndex("IX_ChangeRecords_ClaimId", "ChangeRecords", "ClaimId");
        migrationBuilder.CreateIndex("IX_ChangeRecords_OccurredAtUtc", "ChangeRecords", "OccurredAtUtc");
        migrationBuilder.CreateIndex("IX_ClaimActors_ActorId", "ClaimActors", "ActorId");
        migrationBuilder.CreateIndex("IX_ClaimRelations_ToClaimId", "ClaimRelations", "ToClaimId");
        migrationBuilder.CreateIndex("IX_Claims_CurrentStatusId", "Claims", "CurrentStatusId");
        migrationBuilder.CreateIndex("IX_Claims_ParentClaimId", "Claims", "ParentClaimId");
        migrationBuilder.CreateIndex("IX_Claims_ReviewBy", "Claims", "ReviewBy");
        migrationBuilder.CreateIndex("IX_Claims_Slug", "Claims", "Slug", unique: true);
        migrationBuilder.CreateIndex("IX_Claims_UpdatedAtUtc", "Claims", "UpdatedAtUtc");
        migrationBuilder.CreateIndex("IX_ClaimSources_SourceId", "ClaimSources", "SourceId");
        migrationBuilder.CreateIndex("IX_ClaimTopics_TopicId", "ClaimTopics", "TopicId");
        migrationBuilder.CreateIndex("IX_SlugRedirects_ClaimId", "SlugRedirects", "ClaimId");
        migrationBuilder.CreateIndex("IX_Sources_OutletId", "Sources", "OutletId");
        migrationBuilder.CreateIndex("IX_Sources_Url", "Sources", "Url", unique: true);
        migrationBuilder.CreateIndex("IX_Statements_ActorId", "Statements", "ActorId");
        migrationBuilder.CreateIndex("IX_Statements_ClaimId", "Statements", "ClaimId");
        migrationBuilder.CreateIndex("IX_StatementSources_SourceId", "StatementSources", "SourceId");
        migrationBuilder.CreateIndex("IX_StatusChanges_ClaimId_EffectiveOn", "StatusChanges", ["ClaimId", "EffectiveOn"]);
        migrationBuilder.CreateIndex("IX_StatusChanges_CorrectsId", "StatusChanges", "CorrectsId");
        migrationBuilder.CreateIndex("IX_StatusChanges_StatusId", "StatusChanges", "StatusId");
        migrationBuilder.CreateIndex("IX_StatusChangeSources_SourceId", "StatusChangeSources", "SourceId");
        migrationBuilder.CreateIndex("IX_StatusDefinitions_Key", "StatusDefinitions", "Key", unique: true);
        migrationBuilder.CreateIndex("IX_Topics_Slug", "Topics", "Slug", unique: true);

        if (migrationBuilder.ActiveProvider == "Microsoft.EntityFrameworkCore.Sqlite")
        {
            // Full-text index, kept by ClaimSearchIndex; not part of the EF model (a virtual table).
            migrationBuilder.Sql(
                "CREATE VIRTUAL TABLE ClaimSearch USING fts5(claim_id UNINDEXED, headline, body, tokenize = 'unicode61 remove_diacritics 2');");
        }
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        if (migrationBuilder.ActiveProvider == "Microsoft.EntityFrameworkCore.Sqlite")
        {
            migrationBuilder.Sql("DROP TABLE ClaimSearch;");
        }
        foreach (var table in new[]
                 {
                     "StatusChangeSources", "StatementSources", "StatusChanges", "Statements", "SlugRedirects", "ClaimTopics",
                     "ClaimSources", "ClaimRelations", "ClaimActors", "Claims", "Sources", "Topics", "StatusDefinitions",
                     "ChangeRecords", "Actors",
                 })
        {
            migrationBuilder.DropTable(table);
        }
    }
}
