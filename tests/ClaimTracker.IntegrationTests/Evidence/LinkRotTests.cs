using ClaimTracker.Domain.Accounts;
using ClaimTracker.Domain.Claims;
using ClaimTracker.Domain.Evidence;
using ClaimTracker.Infrastructure.Claims;
using ClaimTracker.Infrastructure.Evidence;
using ClaimTracker.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ClaimTracker.IntegrationTests.Evidence;

/// <summary>The link check notices a cited page that changes and one that goes away, and tells the desk.</summary>
public sealed class LinkRotTests(EvidenceFactory evidence) : IClassFixture<EvidenceFactory>
{
    private async Task<LinkState?> CheckAsync(int sourceId)
    {
        await using var scope = evidence.App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<LinkCheck>().CheckAsync(sourceId);
    }

    [Fact]
    public async Task ASourceWhosePageChangesAndThenAnswers404_IsFlagged()
    {
        var key = Guid.NewGuid().ToString("N")[..8];
        int sourceId;
        await using (var scope = evidence.App.Services.CreateAsyncScope())
        {
            sourceId = (await scope.ServiceProvider.GetRequiredService<SourceLibrary>().CreateAsync(
                new Source.Draft($"{evidence.Site.Root}/changing/{key}", "Stand der Dinge " + key, null, null, new DateOnly(2024, 5, 1), "de", null, null),
                "builder@example.org")).Id!.Value;
        }

        // First look: alive, and a copy is kept to compare with later. A page that only changes its script (a token) is unchanged.
        Assert.Equal(LinkState.Alive, await CheckAsync(sourceId));
        Assert.Equal(1, await evidence.App.WithDbAsync(db => db.SourceCaptures.CountAsync(c => c.SourceId == sourceId)));
        Assert.Equal(LinkState.Alive, await CheckAsync(sourceId));

        evidence.Site.Changing[key] = "b";
        Assert.Equal(LinkState.Changed, await CheckAsync(sourceId));

        evidence.Site.Changing[key] = "gone";
        Assert.Equal(LinkState.Gone, await CheckAsync(sourceId));

        var source = await evidence.App.WithDbAsync(db => db.Sources.SingleAsync(s => s.Id == sourceId));
        Assert.Equal(LinkState.Gone, source.LinkState);
        Assert.Contains("404", source.LinkNote);
        Assert.True(await evidence.App.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == ClaimTracker.Domain.Auditing.AuditAction.SourceLinkStateChanged && a.Target == $"source #{sourceId}")));
        var editor = await evidence.App.SignedInAsync($"linkrot-{key}@example.org", Roles.Editor);
        var workspace = await editor.GetAsync("/editor", expectOk: true);
        Assert.Contains("Stand der Dinge " + key, workspace.GetElementById("link-rot")!.TextContent);
        var page = await editor.GetAsync($"/editor/sources/{sourceId}/evidence", expectOk: true);
        Assert.Contains("gone", page.GetElementById("link-flag")!.TextContent);
    }

    [Fact]
    public async Task ReadersSeeThePreservedCopy_AndAGonePageIsNoLongerLinked()
    {
        var key = Guid.NewGuid().ToString("N")[..8];
        var address = $"{evidence.Site.Root}/changing/{key}";
        var claimId = await evidence.App.CreateClaimAsync("Beleg verschwindet " + key);
        await evidence.App.SetStatusAsync(claimId, "corroborated", new DateOnly(2024, 11, 5));
        int sourceId;
        await using (var scope = evidence.App.Services.CreateAsyncScope())
        {
            var result = await scope.ServiceProvider.GetRequiredService<CiteSources>().AttachNewSourceAsync(claimId,
                new Source.Draft(address, "Bericht " + key, null, null, new DateOnly(2024, 11, 4), "de", null, null), SourceStance.Supports, null, null, "builder@example.org");
            Assert.True(result.Succeeded);
            sourceId = await scope.ServiceProvider.GetRequiredService<ClaimTracker.Infrastructure.Data.AppDbContext>().Sources.Where(s => s.Url == address).Select(s => s.Id).SingleAsync();
        }
        var slug = await evidence.App.PublishAsync(claimId);
        var reader = evidence.App.CreateBrowser();
        var before = await reader.GetAsync($"/claims/{slug}", expectOk: true);
        Assert.NotNull(before.QuerySelector($"#sources a[href='{address}']"));
        Assert.Null(before.QuerySelector(".preserved-copy"));

        Assert.Equal(LinkState.Alive, await CheckAsync(sourceId));
        var copy = await evidence.App.WithDbAsync(db => db.SourceCaptures.SingleAsync(c => c.SourceId == sourceId));

        // Readers learn at once that a copy exists, when it was made and its hash (the cached page is evicted).
        var kept = await reader.GetAsync($"/claims/{slug}", expectOk: true);
        Assert.Contains(copy.Sha256, kept.QuerySelector(".preserved-copy")!.TextContent);
        Assert.NotNull(kept.QuerySelector($"#sources a[href='{address}']"));

        evidence.Site.Changing[key] = "gone";
        Assert.Equal(LinkState.Gone, await CheckAsync(sourceId));

        var gone = await reader.GetAsync($"/claims/{slug}", expectOk: true);
        Assert.Null(gone.QuerySelector($"#sources a[href='{address}']"));
        Assert.Contains("no longer available", gone.QuerySelector(".source-gone")!.TextContent);
        var link = gone.QuerySelector(".preserved-copy a")!.GetAttribute("href");
        Assert.Equal($"/evidence/copies/{copy.Id}", link);
        var served = await reader.GetAsync(link);
        Assert.Equal(System.Net.HttpStatusCode.OK, served.StatusCode);
        Assert.Equal("attachment", served.Content.Headers.ContentDisposition!.DispositionType);
    }
}
