using System.Net;
using ClaimTracker.Domain.Accounts;
using ClaimTracker.Domain.Claims;
using ClaimTracker.Infrastructure.Claims;
using ClaimTracker.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ClaimTracker.IntegrationTests.Claims;

/// <summary>A re-entered article is noticed before it is saved, and two records of one article can be merged.</summary>
public sealed class SourceDuplicateTests(ManySignInsFactory factory) : IClassFixture<ManySignInsFactory>
{
    private async Task<(int OutletId, int SourceId, string Title)> LibrarySourceAsync(string title, string? url = null, int? outletId = null)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var outlet = outletId ?? (await scope.ServiceProvider.GetRequiredService<ActorDirectory>()
            .CreateAsync(new Actor.Draft("Agentur " + Guid.NewGuid().ToString("N")[..8], ActorKind.NewsOutlet, null, null, null, "independent"))).Id!.Value;
        var source = await scope.ServiceProvider.GetRequiredService<SourceLibrary>()
            .CreateAsync(new Source.Draft(url, title, outlet, null, new DateOnly(2024, 6, 18), "de", null, null), "builder@example.org");
        return (outlet, source.Id!.Value, title);
    }

    [Fact]
    public async Task ReEnteredArticle_WithAnotherTitleAndNoAddress_IsShownBeforeSaving_AndCanBeAttachedInstead()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var (outlet, existing, _) = await LibrarySourceAsync($"Putin vor seinem Besuch in Pjöngjang {tag}", $"https://example.org/putin-{tag}");
        var id = await factory.CreateClaimAsync("Doppelt erfasst " + tag);
        var editor = await factory.SignedInAsync($"doppelquelle-{tag}@example.org", Roles.Editor);
        var form = await editor.GetAsync($"/editor/claims/source/{id}", expectOk: true);
        (string, string)[] fields = [("Source.Title", $"Putin: Besuch in Pjöngjang {tag}"), ("Source.OutletId", outlet.ToString()),
            ("Source.PublishedOn", "2024-06-18"), ("Link.Stance", "Supports")];
        var before = await factory.WithDbAsync(db => db.Sources.CountAsync());

        var warned = await Html.ParseAsync(await editor.SubmitAsync(form, "new-source-form", fields));

        var panel = warned.GetElementById("duplicate-sources")!;
        Assert.Contains($"#{existing}", panel.TextContent);
        Assert.Contains("same outlet and date", panel.TextContent);
        Assert.Equal(before, await factory.WithDbAsync(db => db.Sources.CountAsync()));
        // The form keeps what was typed.
        Assert.Equal($"Putin: Besuch in Pjöngjang {tag}", warned.QuerySelector("#Source_Title")!.GetAttribute("value"));

        var attached = await editor.SubmitAsync(warned, $"attach-duplicate-{existing}");
        Assert.Equal(HttpStatusCode.Redirect, attached.StatusCode);
        Assert.True(await factory.WithDbAsync(db => db.ClaimSources.AnyAsync(c => c.ClaimId == id && c.SourceId == existing && c.Stance == SourceStance.Supports)));
        Assert.Equal(before, await factory.WithDbAsync(db => db.Sources.CountAsync()));
    }

    [Fact]
    public async Task AnotherArticleOfTheSameDay_IsCreatedOnceTheEditorSaysSo()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var (outlet, _, _) = await LibrarySourceAsync($"Kim empfängt Putin in Pjöngjang {tag}");
        var id = await factory.CreateClaimAsync("Zweiter Artikel " + tag);
        var editor = await factory.SignedInAsync($"anderer-{tag}@example.org", Roles.Editor);
        (string, string)[] fields = [("Source.Title", $"Kim und Putin in Pjöngjang: Vertrag {tag}"), ("Source.OutletId", outlet.ToString()),
            ("Source.PublishedOn", "2024-06-18")];

        var warned = await Html.ParseAsync(await editor.SubmitAsync(await editor.GetAsync($"/editor/claims/source/{id}", expectOk: true), "new-source-form", fields));
        Assert.NotNull(warned.GetElementById("duplicate-sources"));
        var created = await editor.SubmitAsync(warned, "new-source-form", [.. fields, ("Source.ConfirmedDistinct", "true")]);

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.True(await factory.WithDbAsync(db => db.Sources.AnyAsync(s => s.Title == $"Kim und Putin in Pjöngjang: Vertrag {tag}")));
    }

    [Fact]
    public async Task Merge_MovesEveryCitationStatementAndStatusToTheKeptSource_DeletesTheOther_AndIsAudited()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var (outlet, keep, _) = await LibrarySourceAsync($"Belousov in Pjöngjang {tag}", $"https://example.org/belousov-{tag}");
        var (_, duplicate, duplicateTitle) = await LibrarySourceAsync($"Belousov besucht Pjöngjang {tag}", outletId: outlet);
        var both = await factory.CreateClaimAsync("Zitiert beide " + tag);
        var onlyDuplicate = await factory.CreateClaimAsync("Zitiert die Dublette " + tag);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var citing = scope.ServiceProvider.GetRequiredService<CiteSources>();
            var statements = scope.ServiceProvider.GetRequiredService<RecordStatement>();
            var statusChange = scope.ServiceProvider.GetRequiredService<ChangeClaimStatus>();
            Assert.True((await citing.AttachSourceAsync(both, keep, SourceStance.Supports, null, null, "builder@example.org")).Succeeded);
            Assert.True((await citing.AttachSourceAsync(both, duplicate, SourceStance.Supports, "„geliefert“", null, "builder@example.org")).Succeeded);
            Assert.True((await citing.AttachSourceAsync(onlyDuplicate, duplicate, SourceStance.ReportsDenial, null, null, "builder@example.org")).Succeeded);
            var actor = await factory.WithDbAsync(db => db.Actors.Select(a => a.Id).FirstAsync());
            Assert.True((await statements.AddStatementAsync(onlyDuplicate, new Statement.Draft(actor, Stance.Denies, new DateOnly(2024, 11, 30), "Lüge.", "de", null,
                [duplicate]), "builder@example.org")).Succeeded);
            var unproven = await factory.WithDbAsync(db => db.Statuses.Where(s => s.Key == "unproven").Select(s => s.Id).SingleAsync());
            Assert.True((await statusChange.ChangeStatusAsync(onlyDuplicate, unproven, new DateOnly(2024, 11, 30), "Beide dementieren.", [duplicate], null,
                "builder@example.org")).Succeeded);
        }
        var editorBrowser = await factory.SignedInAsync($"zusammen-{tag}@example.org", Roles.Editor);

        var page = await editorBrowser.GetAsync($"/editor/sources/edit/{duplicate}", expectOk: true);
        Assert.Contains($"#{keep}", page.GetElementById("likely-duplicates")?.TextContent ?? "");
        var itself = await Html.ParseAsync(await editorBrowser.SubmitAsync(page, "merge-form", ("mergeInto", duplicate.ToString())));
        Assert.Contains("cannot be merged into itself", itself.Errors());
        var merged = await editorBrowser.SubmitAsync(page, "merge-form", ("mergeInto", keep.ToString()));

        Assert.Equal(HttpStatusCode.Redirect, merged.StatusCode);
        Assert.False(await factory.WithDbAsync(db => db.Sources.AnyAsync(s => s.Id == duplicate)));
        var citations = await factory.WithDbAsync(db => db.ClaimSources.Where(c => (c.ClaimId == both || c.ClaimId == onlyDuplicate) && (c.SourceId == keep || c.SourceId == duplicate))
            .Select(c => new { c.ClaimId, c.SourceId, c.Stance, c.Quote }).ToListAsync());
        Assert.All(citations, c => Assert.Equal(keep, c.SourceId));
        Assert.Equal("„geliefert“", Assert.Single(citations, c => c.ClaimId == both).Quote);
        Assert.Equal(SourceStance.ReportsDenial, Assert.Single(citations, c => c.ClaimId == onlyDuplicate).Stance);
        Assert.True(await factory.WithDbAsync(db => db.Statements.AnyAsync(s => s.ClaimId == onlyDuplicate && s.Sources.Any(x => x.SourceId == keep))));
        Assert.True(await factory.WithDbAsync(db => db.StatusChanges.AnyAsync(s => s.ClaimId == onlyDuplicate && s.Sources.Any(x => x.SourceId == keep))));
        var audit = await factory.WithDbAsync(db => db.AuditEntries.Where(a => a.Action == Domain.Auditing.AuditAction.SourcesMerged).Select(a => a.Details).ToListAsync());
        Assert.Contains(audit, d => d.Contains($"#{duplicate} “{duplicateTitle}”") && d.Contains($"#{keep}"));
    }
}
