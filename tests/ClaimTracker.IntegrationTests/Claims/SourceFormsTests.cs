using System.Net;
using AngleSharp.Html.Dom;
using ClaimTracker.Domain.Accounts;
using ClaimTracker.Domain.Claims;
using ClaimTracker.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ClaimTracker.IntegrationTests.Claims;

/// <summary>Citing sources through the forms: one save for a new source and its citation, one source per address, two citations of one article, editing and detaching a citation.</summary>
public sealed class SourceFormsTests(ManySignInsFactory factory) : IClassFixture<ManySignInsFactory>
{
    [Fact]
    public async Task Source_SameAddressTwice_PointsToTheExistingOne()
    {
        var editor = await factory.SignedInAsync($"quelle-{Guid.NewGuid():N}@example.org", Roles.Editor);
        var first = await factory.CreateClaimAsync("Quellenfall eins");
        var second = await factory.CreateClaimAsync("Quellenfall zwei");
        var url = $"https://www.example.org/politik/nordkorea-{Guid.NewGuid():N}";
        await editor.SubmitAsync(await editor.GetAsync($"/editor/claims/source/{first}", expectOk: true), "new-source-form",
            ("Source.Url", url), ("Source.Title", "Bericht"), ("Source.Excerpt", "Ein Auszug."));

        var response = await editor.SubmitAsync(await editor.GetAsync($"/editor/claims/source/{second}", expectOk: true), "new-source-form",
            ("Source.Url", url.Replace("https://www.", "HTTPS://WWW.") + "?utm_source=feed#absatz"), ("Source.Title", "Derselbe Bericht"));

        var page = await Html.ParseAsync(response);
        Assert.Contains("already in the source library as “Bericht”", page.Errors());
        Assert.NotNull(page.GetElementById("existing-source"));
        Assert.Equal(1, await factory.WithDbAsync(db => db.Sources.CountAsync(s => s.Url == url)));
    }

    [Fact]
    public async Task Source_NewOneWhoseCitationIsRefused_IsNotLeftInTheLibrary()
    {
        var editor = await factory.SignedInAsync($"ein-speichern-{Guid.NewGuid():N}@example.org", Roles.Editor);
        var id = await factory.CreateClaimAsync("Quelle und Zitat in einem Zug");
        var url = $"https://agentur.example/{Guid.NewGuid():N}";

        var response = await editor.SubmitAsync(await editor.GetAsync($"/editor/claims/source/{id}", expectOk: true), "new-source-form",
            ("Source.Url", url), ("Source.Title", "Bericht mit einem Zitat"), ("Link.Quote", new string('z', Claim.QuoteMaxLength + 1)));

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Contains("Quote can have at most", page.Errors());
        Assert.Equal(url, ((IHtmlInputElement)page.QuerySelector("#Source_Url")!).Value);
        // Source and citation are one save: the refused citation left no source behind.
        Assert.False(await factory.WithDbAsync(db => db.Sources.AnyAsync(s => s.Url == url)));

        var fixedUp = await editor.SubmitAsync(page, "new-source-form", ("Link.Quote", "Ein kurzes Zitat."));
        Assert.Equal(System.Net.HttpStatusCode.Redirect, fixedUp.StatusCode);
        Assert.Equal(1, await factory.WithDbAsync(db => db.Sources.CountAsync(s => s.Url == url)));
    }

    [Fact]
    public async Task Source_NewWithExcerpt_StoresItsHashAndCaptureTime()
    {
        var editor = await factory.SignedInAsync($"auszug-{Guid.NewGuid():N}@example.org", Roles.Editor);
        var id = await factory.CreateClaimAsync("Auszugsfall");
        const string excerpt = "Sowohl Nordkorea als auch Russland haben die Bewegungen der nordkoreanischen Truppen nicht offiziell bestätigt.";
        var url = $"https://agentur.example/{Guid.NewGuid():N}";

        await editor.SubmitAsync(await editor.GetAsync($"/editor/claims/source/{id}", expectOk: true), "new-source-form",
            ("Source.Url", url), ("Source.Title", "Belousov in Pjöngjang"), ("Source.Excerpt", excerpt), ("Link.Stance", "Supports"));

        var source = await factory.WithDbAsync(db => db.Sources.SingleAsync(s => s.Url == url));
        Assert.Equal(Source.Hash(excerpt), source.ExcerptSha256);
        Assert.NotNull(source.ExcerptCapturedAtUtc);
        Assert.True(await factory.WithDbAsync(db => db.ClaimSources.AnyAsync(cs => cs.ClaimId == id && cs.SourceId == source.Id)));
    }

    [Fact]
    public async Task OneArticle_CitedForTheAccusationAndForTheDenial_IsTwoCitations_ReadersSeeBoth()
    {
        var editor = await factory.SignedInAsync($"zweimal-{Guid.NewGuid():N}@example.org", Roles.Editor);
        var id = await factory.CreateClaimAsync("Zweimal zitiert " + Guid.NewGuid().ToString("N")[..6]);
        var (_, sourceId) = await factory.CreateActorAndSourceAsync();

        var first = await editor.SubmitAsync(await editor.GetAsync($"/editor/claims/source/{id}", expectOk: true), "attach-form",
            ("Link.SourceId", sourceId), ("Link.Stance", "Supports"), ("Link.Quote", "„Nordkorea hat geliefert“"));
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        // The cited source stays in the picker, saying how it is cited.
        var again = await editor.GetAsync($"/editor/claims/source/{id}", expectOk: true);
        Assert.Contains("cited: supports", again.QuerySelector($"#Link_SourceId option[value='{sourceId}']")!.TextContent, StringComparison.OrdinalIgnoreCase);
        var same = await Html.ParseAsync(await editor.SubmitAsync(again, "attach-form", ("Link.SourceId", sourceId), ("Link.Stance", "Supports")));
        Assert.Contains("already cites this source", same.Errors());
        var second = await editor.SubmitAsync(again, "attach-form", ("Link.SourceId", sourceId), ("Link.Stance", "ReportsDenial"), ("Link.Quote", "„beide dementieren“"));
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);

        var details = await editor.FollowAsync(second);
        Assert.Equal(2, details.QuerySelectorAll("#sources li.source").Length);
        // Each citation is edited on its own.
        var edited = await editor.SubmitAsync(details, $"link-{sourceId}-ReportsDenial", ("quote", "„beide Staaten dementieren“"));
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        var citations = await factory.WithDbAsync(db => db.ClaimSources.Where(c => c.ClaimId == id).OrderBy(c => c.Stance).Select(c => new { c.Stance, c.Quote }).ToListAsync());
        Assert.Equal([(SourceStance.Supports, "„Nordkorea hat geliefert“"), (SourceStance.ReportsDenial, "„beide Staaten dementieren“")],
            citations.Select(c => (c.Stance, c.Quote!)).OrderBy(c => c.Stance));

        var slug = await factory.PublishAsync(id);
        var page = await factory.CreateBrowser().GetAsync($"/claims/{slug}", expectOk: true);
        Assert.Equal(2, page.QuerySelectorAll("#sources li.source").Length);
    }

    [Fact]
    public async Task Source_WithoutAddress_NeedsItsDate_ButMayHaveAnUnknownOutlet()
    {
        var editor = await factory.SignedInAsync($"print-{Guid.NewGuid():N}@example.org", Roles.Editor);
        var id = await factory.CreateClaimAsync("Printfall");
        var form = await editor.GetAsync($"/editor/claims/source/{id}", expectOk: true);
        var response = await editor.SubmitAsync(form, "new-source-form", ("Source.Title", "Zeitungsausschnitt"));
        Assert.Contains("needs its publication date", (await Html.ParseAsync(response)).Errors());

        var title = "Flugblatt ohne Herausgeber " + Guid.NewGuid().ToString("N")[..6];
        var saved = await editor.SubmitAsync(form, "new-source-form", ("Source.Title", title), ("Source.PublishedOn", "2024-06-18"), ("Source.OutletId", ""));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var source = await factory.WithDbAsync(db => db.Sources.SingleAsync(s => s.Title == title));
        Assert.Null(source.OutletId);
        Assert.True(await factory.WithDbAsync(db => db.ClaimSources.AnyAsync(cs => cs.ClaimId == id && cs.SourceId == source.Id)));
    }

    [Fact]
    public async Task SourceLink_EditAndDetach_ButNotWhileAStatusRestsOnIt()
    {
        var (editor, id, sourceId) = await factory.ClaimWithSourceAsync();
        var details = await editor.GetAsync($"/editor/claims/details/{id}", expectOk: true);
        var saved = await editor.SubmitAsync(details, $"link-{sourceId}", ("stance", "Disputes"), ("note", "Nur eine Seite zitiert."));
        Assert.Equal("Link saved.", (await editor.FollowAsync(saved)).Status());
        Assert.Equal(SourceStance.Disputes, await factory.WithDbAsync(db => db.ClaimSources.Where(cs => cs.ClaimId == id).Select(cs => cs.Stance).SingleAsync()));

        var open = await factory.WithDbAsync(db => db.Statuses.Where(s => s.Key == "unproven").Select(s => s.Id).SingleAsync());
        await editor.SubmitListsAsync(await editor.GetAsync($"/editor/claims/status/{id}", expectOk: true), "status-form",
            ("Input.StatusId", [open.ToString()]), ("Input.EffectiveOn", ["2024-06-18"]), ("Input.Rationale", ["Unklar."]), ("Input.SourceIds", [sourceId.ToString()]));
        var refused = await editor.SubmitAsync(await editor.GetAsync($"/editor/claims/details/{id}", expectOk: true), $"detach-{sourceId}");
        Assert.Contains("A status change rests on this source", (await Html.ParseAsync(refused)).Errors());
        Assert.True(await factory.WithDbAsync(db => db.ClaimSources.AnyAsync(cs => cs.ClaimId == id)));
    }

    [Fact]
    public async Task SourceLink_Detach_RemovesItAndIsAudited()
    {
        var (editor, id, sourceId) = await factory.ClaimWithSourceAsync();
        var response = await editor.SubmitAsync(await editor.GetAsync($"/editor/claims/details/{id}", expectOk: true), $"detach-{sourceId}");
        var details = await editor.FollowAsync(response);
        Assert.Equal("Source detached.", details.Status());
        Assert.False(await factory.WithDbAsync(db => db.ClaimSources.AnyAsync(cs => cs.ClaimId == id)));
        Assert.Contains("removed source citation", details.GetElementById("changes")!.TextContent);
    }
}
