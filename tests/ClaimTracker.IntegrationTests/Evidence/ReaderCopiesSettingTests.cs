using System.Net;
using ClaimTracker.Domain.Accounts;
using ClaimTracker.Domain.Claims;
using ClaimTracker.Infrastructure.Claims;
using ClaimTracker.Infrastructure.Evidence;
using ClaimTracker.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ClaimTracker.IntegrationTests.Evidence;

/// <summary>An admin decides whether readers open preserved copies (copyright); readers always learn that one exists.</summary>
public sealed class ReaderCopiesSettingTests(EvidenceFactory evidence) : IClassFixture<EvidenceFactory>
{
    [Fact]
    public async Task WithCopiesForStaffOnly_ReadersSeeDateAndHashButNoLink_AndTheCopyIsNotServedToThem()
    {
        var key = Guid.NewGuid().ToString("N")[..8];
        var address = $"{evidence.Site.Root}/changing/{key}";
        var claimId = await evidence.App.CreateClaimAsync("Kopie nur für die Redaktion " + key);
        await evidence.App.SetStatusAsync(claimId, "corroborated", new DateOnly(2024, 11, 5));
        int captureId;
        await using (var scope = evidence.App.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<CiteSources>().AttachNewSourceAsync(claimId,
                new Source.Draft(address, "Bericht " + key, null, null, new DateOnly(2024, 11, 4), "de", null, null), SourceStance.Supports, null, null, "builder@example.org");
            var sourceId = await evidence.App.WithDbAsync(db => db.Sources.Where(s => s.Url == address).Select(s => s.Id).SingleAsync());
            captureId = (await scope.ServiceProvider.GetRequiredService<EvidenceLibrary>().FetchAsync(address, sourceId, "builder@example.org")).CaptureId!.Value;
        }
        var slug = await evidence.App.PublishAsync(claimId);
        var reader = evidence.App.CreateBrowser();
        Assert.NotNull((await reader.GetAsync($"/claims/{slug}", expectOk: true)).QuerySelector($".preserved-copy a[href='/evidence/copies/{captureId}']"));

        var admin = await evidence.App.SignedInAsync($"kopien-{key}@example.org", Roles.Admin);
        var settings = await admin.GetAsync("/admin/settings", expectOk: true);
        Assert.NotNull(settings.QuerySelector("#readers-open-copies[checked]"));
        var saved = await admin.SubmitAsync(settings, "copies-form", ("ReadersMayOpenCopies", "false"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        try
        {
            var page = await reader.GetAsync($"/claims/{slug}", expectOk: true);
            var line = page.QuerySelector(".preserved-copy")!;
            Assert.Null(line.QuerySelector("a"));
            var sha = await evidence.App.WithDbAsync(db => db.SourceCaptures.Where(c => c.Id == captureId).Select(c => c.Sha256).SingleAsync());
            Assert.Contains(sha, line.TextContent);
            Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync($"/evidence/copies/{captureId}")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/evidence/copies/{captureId}")).StatusCode);
            Assert.True(await evidence.App.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == ClaimTracker.Domain.Auditing.AuditAction.ReaderCopiesPolicyChanged && a.Details.Contains("staff only"))));
        }
        finally
        {
            await using var scope = evidence.App.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<ClaimTracker.Infrastructure.Site.SitePublishing>().SetReadersMayOpenCopiesAsync(true, "admin@example.org");
        }
    }
}
