using ClaimTracker.Domain.Accounts;
using ClaimTracker.IntegrationTests.Infrastructure;
using static ClaimTracker.IntegrationTests.Infrastructure.TestNames;
using Microsoft.EntityFrameworkCore;

namespace ClaimTracker.IntegrationTests.Workflow;

/// <summary>Readers search and read the approved version while a revision, or an edit of a source it cites, waits for review.</summary>
public sealed class PendingRevisionReadersTests(ClaimTrackerFactory factory) : IClassFixture<ClaimTrackerFactory>
{
    [Fact]
    public async Task PublicSearch_FindsOnlyWhatReadersSee_NeverWordsOfAPendingRevision()
    {
        var id = await factory.CreateClaimAsync(Unique("Suchbare Behauptung Haubitzen"));
        var slug = await factory.PublishAsync(id);
        var editor = await factory.SignedInAsync(Email("suche"), Roles.Editor);
        await editor.SubmitAsync(await editor.GetAsync($"/editor/claims/edit/{id}", expectOk: true), "claim-form",
            ("Input.Headline", Unique("Suchbare Behauptung Mehrfachraketenwerfer")));
        var reader = factory.CreateBrowser();

        Assert.Empty((await reader.GetAsync("/claims?q=Mehrfachraketenwerfer", expectOk: true)).QuerySelectorAll($"a[href='/claims/{slug}']"));
        Assert.NotEmpty((await reader.GetAsync("/claims?q=Haubitzen", expectOk: true)).QuerySelectorAll($"a[href='/claims/{slug}']"));
        Assert.NotEmpty((await editor.GetAsync("/editor/claims?q=Mehrfachraketenwerfer", expectOk: true)).QuerySelectorAll($"a[href='/editor/claims/details/{id}']"));

        await factory.PublishAsync(id);
        Assert.NotEmpty((await reader.GetAsync("/claims?q=Mehrfachraketenwerfer", expectOk: true)).QuerySelectorAll($"a[href='/claims/{slug}']"));
        Assert.Empty((await reader.GetAsync("/claims?q=Haubitzen", expectOk: true)).QuerySelectorAll($"a[href='/claims/{slug}']"));
    }

    [Fact]
    public async Task EditingALibrarySource_MakesEveryCitingClaimPending_AndReadersKeepTheApprovedTitle()
    {
        var id = await factory.CreateClaimAsync(Unique("Quelle wird umbenannt"));
        await factory.SetStatusAsync(id, "unproven", new DateOnly(2024, 6, 18));
        var slug = await factory.PublishAsync(id);
        var sourceId = await factory.WithDbAsync(db => db.ClaimSources.Where(cs => cs.ClaimId == id).Select(cs => cs.SourceId).SingleAsync());
        var editor = await factory.SignedInAsync(Email("bibliothek"), Roles.Editor);

        await editor.SubmitAsync(await editor.GetAsync($"/editor/sources/edit/{sourceId}", expectOk: true), "source-form",
            ("Source.Title", "Umbenannte Quelle Pjöngjang-Bericht"));

        Assert.StartsWith("pending revision", (await editor.GetAsync($"/editor/claims/details/{id}", expectOk: true)).GetElementById("review-state")!.TextContent);
        var diff = (await editor.GetAsync($"/editor/claims/review/{id}", expectOk: true)).GetElementById("diff")!;
        Assert.Equal("Umbenannte Quelle Pjöngjang-Bericht (outlet unknown), supports", diff.QuerySelector("tbody td")!.TextContent);
        Assert.Equal("Umbenannte Pjöngjang-Bericht ", string.Concat(diff.QuerySelectorAll("tbody ins").Select(i => i.TextContent)));
        Assert.DoesNotContain("Umbenannte Quelle", (await factory.CreateBrowser().GetAsync($"/claims/{slug}", expectOk: true)).GetElementById("sources")!.TextContent);
    }
}
