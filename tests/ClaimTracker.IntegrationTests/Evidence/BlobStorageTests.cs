using System.Net;
using ClaimTracker.Infrastructure.Evidence;
using ClaimTracker.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ClaimTracker.IntegrationTests.Evidence;

/// <summary>Evidence bytes kept in a folder instead of the database: stored once, served, exported and imported, and checked by /healthz/ready.</summary>
public sealed class BlobStorageTests
{
    [Fact]
    public async Task BlobsInAFolder_AreServed_TravelInTheExport_AndArriveInTheImportedDatabase()
    {
        var folder = Directory.CreateTempSubdirectory("claimtracker-blobs-");
        var exportFile = Path.Combine(folder.FullName, "..", folder.Name + "-export.json");
        try
        {
            using var source = new ConfiguredFactory(new Dictionary<string, string> { ["Evidence:BlobFolder"] = folder.FullName });
            var (_, sourceIdText) = await source.CreateActorAndSourceAsync();
            var sourceId = int.Parse(sourceIdText);
            var png = UploadTests.Png();
            await using (var scope = source.Services.CreateAsyncScope())
            {
                var library = scope.ServiceProvider.GetRequiredService<EvidenceLibrary>();
                Assert.True((await library.AttachAsync(sourceId, null, "Bildschirmfoto", "a.png", "image/png", png, "x@example.org")).Succeeded);
                // The same bytes again: one blob, two files.
                Assert.True((await library.AttachAsync(sourceId, null, "Noch einmal", "b.png", "image/png", png, "x@example.org")).Succeeded);
            }
            var sha = ClaimTracker.Domain.Evidence.StoredBlob.HashOf(png);
            var blob = await source.WithDbAsync(db => db.StoredBlobs.SingleAsync());
            Assert.Equal(sha, blob.Sha256);
            Assert.Null(blob.Content);
            Assert.Equal(png, await File.ReadAllBytesAsync(Path.Combine(folder.FullName, sha[..2], sha), TestContext.Current.CancellationToken));
            var editor = await source.SignedInAsync("ordner@example.org", ClaimTracker.Domain.Accounts.Roles.Editor);
            var fileId = await source.WithDbAsync(db => db.EvidenceFiles.Select(f => f.Id).FirstAsync());
            Assert.Equal(png, await (await editor.GetAsync($"/evidence/files/{fileId}")).Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
            Assert.Equal(HttpStatusCode.OK, (await source.CreateBrowser().GetAsync("/healthz/ready")).StatusCode);

            Assert.Equal(0, (await source.RunCommandAsync(["export", "--file", exportFile])).Exit);
            using var moved = new ClaimTrackerFactory();
            _ = moved.CreateBrowser();
            Assert.Equal(0, (await moved.RunCommandAsync(["import", "--file", exportFile])).Exit);

            var arrived = await moved.WithDbAsync(db => db.StoredBlobs.SingleAsync());
            Assert.Equal(png, arrived.Content);
            Assert.Equal(2, await moved.WithDbAsync(db => db.EvidenceFiles.CountAsync(f => f.Sha256 == sha)));
        }
        finally
        {
            File.Delete(exportFile);
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task AFolderThatCannotBeWritten_MakesTheInstanceNotReady()
    {
        var notAFolder = Path.GetTempFileName();
        try
        {
            using var app = new ConfiguredFactory(new Dictionary<string, string> { ["Evidence:BlobFolder"] = notAFolder });
            var ready = await app.CreateBrowser().GetAsync("/healthz/ready");

            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
            Assert.Contains("evidence folder", await ready.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        }
        finally
        {
            File.Delete(notAFolder);
        }
    }
}
