using System.Net;
using ClaimTracker.Domain.Claims;
using ClaimTracker.Infrastructure.Claims;
using ClaimTracker.Infrastructure.Data;
using ClaimTracker.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ClaimTracker.IntegrationTests.Data;

/// <summary>
/// A database from the release before readers' topics and actors followed approved versions: the migration fills them from each
/// claim's approved snapshot, not from the working copy a pending revision changed. Runs on both engines (their SQL differs).
/// </summary>
public sealed class PublishedPartsUpgradeTests
{
    private const string Builder = "builder@example.org";

    [Fact]
    public async Task Upgrade_FillsTopicsAndActorsFromTheApprovedVersion_NotFromAPendingRevision()
    {
        using var database = new FreshDatabase();
        string claimantSlug, speakerSlug;
        using (var before = database.NewInstance())
        {
            await using var scope = before.Services.CreateAsyncScope();
            var services = scope.ServiceProvider;
            var directory = services.GetRequiredService<ActorDirectory>();
            var editor = services.GetRequiredService<LogClaim>();
            var citations = services.GetRequiredService<CiteSources>();
            var statements = services.GetRequiredService<RecordStatement>();
            var claimant = (await directory.CreateAsync(new Actor.Draft("Altland", ActorKind.State, null, "Wie freigegeben", null, null))).Id!.Value;
            var speaker = (await directory.CreateAsync(new Actor.Draft("Sprecher Alt", ActorKind.Official, null, null, null, null))).Id!.Value;
            var id = (await editor.CreateAsync(new ClaimInput("Behauptung aus dem alten Release", "Ein Satz.", "de", null, null, false, null, null, null,
                [claimant], [], "Altthema", null), Builder)).Id!.Value;
            var (_, sourceId) = await before.CreateActorAndSourceAsync();
            Assert.True((await citations.AttachSourceAsync(id, int.Parse(sourceId), SourceStance.Supports, null, null, Builder)).Succeeded);
            Assert.True((await statements.AddStatementAsync(id, new Statement.Draft(speaker, Stance.Denies, new DateOnly(2024, 6, 18), "Falsch.", "de", null, []), Builder)).Succeeded);
            await before.SetStatusAsync(id, "open", new DateOnly(2024, 6, 18));
            await before.PublishAsync(id);
            // A pending revision names another topic; readers must not get it from the upgrade.
            var edit = (await services.GetRequiredService<ClaimTracker.Web.Pages.Editor.Claims.ClaimEditQuery>().GetAsync(id))!;
            await using (var editScope = before.Services.CreateAsyncScope())
            {
                Assert.True((await editScope.ServiceProvider.GetRequiredService<EditClaim>().EditAsync(id, edit.Version, new ClaimInput(edit.Headline,
                    edit.OriginalText, edit.Language, null, null, false, null, null, null, [claimant], [], "Altthema; Neuthema", null), Builder)).Succeeded);
            }
            var db = services.GetRequiredService<AppDbContext>();
            claimantSlug = await db.Actors.Where(a => a.Id == claimant).Select(a => a.Slug).SingleAsync();
            speakerSlug = await db.Actors.Where(a => a.Id == speaker).Select(a => a.Slug).SingleAsync();
            // Back to the schema of the release before (SQL both engines run: SQLite cannot run a hand-written migration's Down).
            await db.Database.ExecuteSqlRawAsync("""
                DROP TABLE "PublishedClaimActors";
                DROP TABLE "PublishedClaimTopics";
                DROP INDEX "IX_Claims_PendingSlug";
                DROP INDEX "IX_WorkflowEvents_Action_OccurredAtUtc";
                ALTER TABLE "Claims" DROP COLUMN "PendingSlug";
                ALTER TABLE "Actors" DROP COLUMN "PublishedName";
                ALTER TABLE "Actors" DROP COLUMN "PublishedDescription";
                ALTER TABLE "Actors" DROP COLUMN "PublishedWikidataId";
                DELETE FROM "__EFMigrationsHistory" WHERE "MigrationId" IN ('20261203000000_AddPublishedParts', '20261204052510_KeepStatusDateOnLinks');
                """);
        }

        using var after = database.NewInstance();
        var reader = after.CreateBrowser();

        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync("/topics/altthema")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync("/topics/neuthema")).StatusCode);
        Assert.Equal("Wie freigegeben", (await reader.GetAsync($"/actors/{claimantSlug}", expectOk: true)).QuerySelector(".lead")!.TextContent);
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync($"/actors/{speakerSlug}")).StatusCode);
        Assert.Equal(2, await after.WithDbAsync(db => db.PublishedClaimActors.CountAsync()));
        // Each link keeps its claim's approved status date (the order of the actor's and topic's pages).
        var since = await after.WithDbAsync(db => db.Claims.Select(c => c.PublishedStatusSince).SingleAsync());
        Assert.NotNull(since);
        Assert.All(await after.WithDbAsync(db => db.PublishedClaimActors.Select(p => p.StatusSince).ToListAsync()), s => Assert.Equal(since, s));
        Assert.All(await after.WithDbAsync(db => db.PublishedClaimTopics.Select(p => p.StatusSince).ToListAsync()), s => Assert.Equal(since, s));
    }
}
