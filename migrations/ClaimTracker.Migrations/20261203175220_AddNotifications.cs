using ClaimTracker.Infrastructure.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ClaimTracker.Migrations
{
    /// <summary>The staff inbox; each row is also the outbox entry of its email copy.</summary>
    [DbContext(typeof(AppDbContext))]
    [Migration("20261203175220_AddNotifications")]
    public partial class AddNotifications : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Notifications",
                columns: table => new
                {
                    Id = table.Column<int>(nullable: false)
                        .Identity(),
                    Recipient = table.Column<string>(maxLength: 256, nullable: false),
                    Kind = table.Column<string>(maxLength: 24, nullable: false),
                    ClaimId = table.Column<int>(nullable: true),
                    Text = table.Column<string>(maxLength: 600, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(nullable: false),
                    ReadAtUtc = table.Column<DateTime>(nullable: true),
                    Mail = table.Column<string>(maxLength: 12, nullable: false),
                    MailAttempts = table.Column<int>(nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Notifications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Notifications_Claims_ClaimId",
                        column: x => x.ClaimId,
                        principalTable: "Claims",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_ClaimId",
                table: "Notifications",
                column: "ClaimId");

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_Mail",
                table: "Notifications",
                column: "Mail");

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_Recipient_Id",
                table: "Notifications",
                columns: new[] { "Recipient", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_Recipient_ReadAtUtc",
                table: "Notifications",
                columns: new[] { "Recipient", "ReadAtUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Notifications");
        }
    }
}
