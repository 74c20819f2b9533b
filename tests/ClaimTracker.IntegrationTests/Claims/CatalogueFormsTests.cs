using System.Net;
using ClaimTracker.Domain.Accounts;
using ClaimTracker.Domain.Claims;
using ClaimTracker.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ClaimTracker.IntegrationTests.Claims;

/// <summary>The status scale (admins), the actor directory, the source library and relations between claims.</summary>
public sealed class CatalogueFormsTests(ClaimTrackerFactory factory) : IClassFixture<ClaimTrackerFactory>
{
    [Fact]
    public async Task StatusScale_AdminAddsAndEditsStatuses_BadValuesAreExplained()
    {
        var admin = await factory.SignedInAsync($"skala-{Guid.NewGuid():N}@example.org", Roles.Admin);
        var page = await admin.GetAsync("/admin/statuses", expectOk: true);
        Assert.Equal(6, page.QuerySelectorAll("#scale tbody tr").Length);

        var invalid = await admin.SubmitAsync(page, "new-status", ("Input.Key", "satire"), ("Input.NameEn", "Satire"), ("Input.NameDe", "Satire"),
            ("Input.Colour", "#12345"), ("Input.Order", "9"), ("Input.IsVerdict", "true"));
        Assert.Contains("hex value", (await Html.ParseAsync(invalid)).Errors());

        var noRating = await admin.SubmitAsync(page, "new-status", ("Input.Key", "satire"), ("Input.NameEn", "Satire"), ("Input.NameDe", "Satire"),
            ("Input.Colour", "#123456"), ("Input.Order", "9"), ("Input.IsVerdict", "true"));
        Assert.Contains("rating value of 1 or more", (await Html.ParseAsync(noRating)).Errors());
        Assert.False(await factory.WithDbAsync(db => db.Statuses.AnyAsync(s => s.Key == "satire")));

        var created = await admin.SubmitAsync(page, "new-status", ("Input.Key", "satire"), ("Input.NameEn", "Satire"), ("Input.NameDe", "Satire"),
            ("Input.Colour", "#123456"), ("Input.Order", "9"));
        Assert.Equal("Added “Satire”.", (await admin.FollowAsync(created)).Status());

        var edited = await admin.SubmitAsync(await admin.GetAsync("/admin/statuses", expectOk: true), "status-satire", ("Input.NameDe", "Satirisch"));
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        Assert.Equal("Satirisch", await factory.WithDbAsync(db => db.Statuses.Where(s => s.Key == "satire").Select(s => s.NameDe).SingleAsync()));
        var css = await (await admin.GetAsync("/status-colours.css")).Content.ReadAsStringAsync();
        Assert.Contains(".status-badge[data-status=\"satire\"]{background:#123456", css);
    }

    [Fact]
    public async Task StatusScale_StaleForm_IsAConflictAndChangesNothing()
    {
        var admin = await factory.SignedInAsync($"skala2-{Guid.NewGuid():N}@example.org", Roles.Admin);
        var stale = await admin.GetAsync("/admin/statuses", expectOk: true);
        await admin.SubmitAsync(await admin.GetAsync("/admin/statuses", expectOk: true), "status-misleading", ("Input.DescriptionEn", "Erste Änderung."));

        var response = await admin.SubmitAsync(stale, "status-misleading", ("Input.DescriptionEn", "Zweite Änderung."));

        Assert.Contains("changed “Misleading” meanwhile", (await Html.ParseAsync(response)).Errors());
        Assert.Equal("Erste Änderung.", await factory.WithDbAsync(db => db.Statuses.Where(s => s.Key == "misleading").Select(s => s.DescriptionEn).SingleAsync()));
    }

    [Fact]
    public async Task StatusScale_IsForAdminsOnly_EvenForPosts()
    {
        var editor = await factory.SignedInAsync($"kein-admin-{Guid.NewGuid():N}@example.org", Roles.Editor);
        var token = (await editor.GetAsync("/editor/actors", expectOk: true)).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var response = await editor.PostAsync("/admin/statuses?handler=Create", new FormUrlEncodedContent(
            [new("__RequestVerificationToken", token), new("Input.Key", "hack"), new("Input.NameEn", "Hack"), new("Input.NameDe", "Hack"), new("Input.Colour", "#000000")]));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.False(await factory.WithDbAsync(db => db.Statuses.AnyAsync(s => s.Key == "hack")));
    }

    [Fact]
    public async Task Actor_CreateThenEdit_DuplicatesAndBadWikidataAreRefused()
    {
        var editor = await factory.SignedInAsync($"akteur-{Guid.NewGuid():N}@example.org", Roles.Editor);
        var name = "Koreanische Zentrale Nachrichtenagentur " + Guid.NewGuid().ToString("N")[..4];
        var created = await editor.SubmitAsync(await editor.GetAsync("/editor/actors", expectOk: true), "actor-form",
            ("Input.Name", name), ("Input.Kind", "NewsOutlet"), ("Input.ProvenanceLabel", "state-controlled media"), ("Input.WikidataId", "Q493012"));
        Assert.Equal($"Added {name}.", (await editor.FollowAsync(created)).Status());

        var duplicate = await editor.SubmitAsync(await editor.GetAsync("/editor/actors", expectOk: true), "actor-form", ("Input.Name", name), ("Input.Kind", "NewsOutlet"));
        Assert.Contains("already in the directory", (await Html.ParseAsync(duplicate)).Errors());

        var id = await factory.WithDbAsync(db => db.Actors.Where(a => a.Name == name).Select(a => a.Id).SingleAsync());
        var edit = await editor.GetAsync($"/editor/actors/edit/{id}", expectOk: true);
        var bad = await editor.SubmitAsync(edit, "actor-form", ("Input.WikidataId", "KCNA"));
        Assert.Contains("Q followed by digits", (await Html.ParseAsync(bad)).Errors());
        var ok = await editor.SubmitAsync(edit, "actor-form", ("Input.Country", "Nordkorea"));
        Assert.True(ok.StatusCode == HttpStatusCode.Redirect, (await Html.ParseAsync(ok)).Errors());
        Assert.Equal("Nordkorea", await factory.WithDbAsync(db => db.Actors.Where(a => a.Id == id).Select(a => a.Country).SingleAsync()));

        var stale = await editor.SubmitAsync(edit, "actor-form", ("Input.Country", "Russland"));
        Assert.Contains("changed", (await Html.ParseAsync(stale)).Errors());
        Assert.Equal("Nordkorea", await factory.WithDbAsync(db => db.Actors.Where(a => a.Id == id).Select(a => a.Country).SingleAsync()));
    }

    [Fact]
    public async Task Source_Edit_NewExcerptIsRehashed_AnotherSourcesAddressIsRefused_CitingClaimsAreListed()
    {
        var editor = await factory.SignedInAsync($"bib-{Guid.NewGuid():N}@example.org", Roles.Editor);
        var (_, sourceText) = await factory.CreateActorAndSourceAsync();
        var sourceId = int.Parse(sourceText);
        var claimId = await factory.CreateClaimAsync("Zitierfall " + Guid.NewGuid().ToString("N")[..6]);
        await editor.SubmitAsync(await editor.GetAsync($"/editor/claims/source/{claimId}", expectOk: true), "attach-form", ("Link.SourceId", sourceText));
        var takenUrl = $"https://belegt.example/{Guid.NewGuid():N}";
        var other = await factory.CreateClaimAsync("Anderer Fall " + Guid.NewGuid().ToString("N")[..6]);
        await editor.SubmitAsync(await editor.GetAsync($"/editor/claims/source/{other}", expectOk: true), "new-source-form", ("Source.Url", takenUrl), ("Source.Title", "Belegt"));

        var page = await editor.GetAsync($"/editor/sources/edit/{sourceId}", expectOk: true);
        Assert.Contains("Zitierfall", page.GetElementById("cited-by")!.TextContent);
        var refused = await editor.SubmitAsync(page, "source-form", ("Source.Url", takenUrl));
        Assert.Contains("belongs to another source", (await Html.ParseAsync(refused)).Errors());

        var saved = await editor.SubmitAsync(page, "source-form", ("Source.Excerpt", "Ein neuer, längerer Auszug."));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var hash = await factory.WithDbAsync(db => db.Sources.Where(s => s.Id == sourceId).Select(s => s.ExcerptSha256).SingleAsync());
        Assert.Equal(Source.Hash("Ein neuer, längerer Auszug."), hash);
    }

    [Fact]
    public async Task Source_SameAddressFromSeveralEditorsAtOnce_IsStoredOnceAndNobodyGetsAnError()
    {
        var url = $"https://gleichzeitig.example/{Guid.NewGuid():N}";
        var attempts = Enumerable.Range(0, 4).Select(async i =>
        {
            await using var scope = factory.Services.CreateAsyncScope();
            var library = scope.ServiceProvider.GetRequiredService<ClaimTracker.Infrastructure.Claims.SourceLibrary>();
            return await library.CreateAsync(new Source.Draft(url, $"Bericht {i}", null, null, null, "de", null, null), $"ed{i}@example.org");
        });

        var results = await Task.WhenAll(attempts);

        Assert.Single(results, r => r.Succeeded);
        Assert.All(results.Where(r => !r.Succeeded), r => Assert.Equal("Url", r.Errors.Single().Field));
        Assert.Equal(1, await factory.WithDbAsync(db => db.Sources.CountAsync(s => s.Url == url)));
    }

    [Fact]
    public async Task Relation_CounterClaim_ShowsOnBothClaims()
    {
        var editor = await factory.SignedInAsync($"bezug-{Guid.NewGuid():N}@example.org", Roles.Editor);
        var claim = await factory.CreateClaimAsync("Waffen geliefert " + Guid.NewGuid().ToString("N")[..6]);
        var claimSlug = await factory.WithDbAsync(db => db.Claims.Where(c => c.Id == claim).Select(c => c.Slug).SingleAsync());
        var counter = await factory.CreateClaimAsync("Berichte über Lieferungen sind erfunden " + Guid.NewGuid().ToString("N")[..6]);

        var response = await editor.SubmitAsync(await editor.GetAsync($"/editor/claims/details/{counter}", expectOk: true), "relation-form",
            ("kind", "Contradicts"), ("otherSlug", claimSlug));

        Assert.Contains("contradicts", (await editor.FollowAsync(response)).GetElementById("overview")!.TextContent);
        var target = await editor.GetAsync($"/editor/claims/details/{claim}", expectOk: true);
        Assert.Contains("contradicted by", target.GetElementById("overview")!.TextContent);

        var self = await editor.SubmitAsync(await editor.GetAsync($"/editor/claims/details/{counter}", expectOk: true), "relation-form",
            ("kind", "Contradicts"), ("otherSlug", claimSlug));
        Assert.Contains("already recorded", (await Html.ParseAsync(self)).Errors());
        var unknown = await editor.SubmitAsync(await editor.GetAsync($"/editor/claims/details/{counter}", expectOk: true), "relation-form",
            ("kind", "Contradicts"), ("otherSlug", "gibt-es-nicht"));
        Assert.Contains("No claim has the permalink “gibt-es-nicht”.", (await Html.ParseAsync(unknown)).Errors());
    }

    [Fact]
    public async Task HostileHeadline_IsShownAsText()
    {
        var editor = await factory.SignedInAsync($"xss-{Guid.NewGuid():N}@example.org", Roles.Editor);
        var id = await factory.CreateClaimAsync("<img src=x onerror=alert(1)> „Zitat“", "<script>alert(1)</script>");
        var html = await (await editor.GetAsync($"/editor/claims/details/{id}")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("<img src=x", html);
        Assert.DoesNotContain("<script>alert(1)</script>", html);
        var page = await editor.GetAsync($"/editor/claims/details/{id}", expectOk: true);
        Assert.Equal("<img src=x onerror=alert(1)> „Zitat“", page.GetElementById("claim-headline")!.TextContent);
        Assert.Null(page.GetElementById("claim-headline")!.FirstElementChild);
    }
}
