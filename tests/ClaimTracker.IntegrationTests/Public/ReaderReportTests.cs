using System.Net;
using ClaimTracker.Domain.Accounts;
using ClaimTracker.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ClaimTracker.IntegrationTests.Public;

public sealed class ReaderReportTests(ClaimTrackerFactory factory) : IClassFixture<ClaimTrackerFactory>
{
    [Fact]
    public async Task Report_ReachesTheEditorsQueue_EmailNeverPublic_EditorResolvesIt()
    {
        var slug = await factory.PublishAsync(await factory.CreateClaimAsync("Gemeldete Behauptung " + Guid.NewGuid().ToString("N")[..6]));
        var reader = factory.CreateBrowser();
        var form = await reader.GetAsync($"/claims/{slug}/report", expectOk: true);

        var sent = await reader.SubmitAsync(form, "report-form", ("Input.Message", "Die Quelle nennt ein falsches Datum: 19. Juni, nicht 18. Juni."),
            ("Input.Email", "leserin@example.org"));

        Assert.NotNull((await reader.FollowAsync(sent)).GetElementById("report-sent"));
        var claimPage = await (await reader.GetAsync($"/claims/{slug}")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("leserin@example.org", claimPage);
        Assert.DoesNotContain("leserin@example.org", await (await reader.GetAsync($"/api/claims/{slug}")).Content.ReadAsStringAsync());

        var editor = await factory.SignedInAsync($"meldungen-{Guid.NewGuid():N}@example.org", Roles.Editor);
        var queue = await editor.GetAsync("/editor/reports", expectOk: true);
        var item = queue.QuerySelectorAll("#reports li.open").Single(li => li.TextContent.Contains("falsches Datum"));
        Assert.Contains("leserin@example.org", item.TextContent);

        var resolved = await editor.SubmitAsync(queue, item.QuerySelector("form")!.Id!, ("note", "Datum korrigiert."));
        Assert.Equal("Report resolved.", (await editor.FollowAsync(resolved)).Status());
        Assert.True(await factory.WithDbAsync(db => db.ReaderReports.AnyAsync(r => r.IsResolved && r.ResolutionNote == "Datum korrigiert.")));
    }

    [Fact]
    public async Task Report_FilledHoneypot_IsThankedButNotStored()
    {
        var slug = await factory.PublishAsync(await factory.CreateClaimAsync("Honigtopf " + Guid.NewGuid().ToString("N")[..6]));
        var reader = factory.CreateBrowser();
        var before = await factory.WithDbAsync(db => db.ReaderReports.CountAsync());

        var sent = await reader.SubmitAsync(await reader.GetAsync($"/claims/{slug}/report", expectOk: true), "report-form",
            ("Input.Message", "Billige Uhren günstig kaufen, hier klicken!"), ("Input.Website", "https://spam.example"));

        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Equal(before, await factory.WithDbAsync(db => db.ReaderReports.CountAsync()));
    }

    [Theory]
    [InlineData("zu kurz", "", "at least 10 characters")]
    [InlineData("Eine ausreichend lange Meldung.", "keine-adresse", "not a valid email address")]
    public async Task Report_BadInput_IsExplainedAndNothingStored(string message, string email, string error)
    {
        var slug = await factory.PublishAsync(await factory.CreateClaimAsync("Fehlerfall " + Guid.NewGuid().ToString("N")[..6]));
        var reader = factory.CreateBrowser();
        var before = await factory.WithDbAsync(db => db.ReaderReports.CountAsync());

        var response = await reader.SubmitAsync(await reader.GetAsync($"/claims/{slug}/report", expectOk: true), "report-form",
            ("Input.Message", message), ("Input.Email", email));

        Assert.Contains(error, (await Html.ParseAsync(response)).Errors());
        Assert.Equal(before, await factory.WithDbAsync(db => db.ReaderReports.CountAsync()));
    }

    [Fact]
    public async Task Report_OnADraft_Is404()
    {
        var id = await factory.CreateClaimAsync("Entwurf ohne Meldungen " + Guid.NewGuid().ToString("N")[..6]);
        var slug = await factory.WithDbAsync(db => db.Claims.Where(c => c.Id == id).Select(c => c.Slug).SingleAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await factory.CreateBrowser().GetAsync($"/claims/{slug}/report")).StatusCode);
    }
}

public sealed class ReaderReportLimitTests
{
    [Fact]
    public async Task Reports_OverThePerAddressLimit_Get429()
    {
        using var factory = new ConfiguredFactory(new Dictionary<string, string> { ["Security:RateLimits:ReportsPerAddressPerMinute"] = "2" });
        var slug = await factory.PublishAsync(await factory.CreateClaimAsync("Viele Meldungen"));
        var reader = factory.CreateBrowser();
        var form = await reader.GetAsync($"/claims/{slug}/report", expectOk: true);
        for (var i = 0; i < 2; i++)
        {
            await reader.SubmitAsync(form, "report-form", ("Input.Message", $"Meldung Nummer {i} mit genug Text."));
        }

        var limited = await reader.SubmitAsync(form, "report-form", ("Input.Message", "Eine Meldung zu viel."));

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal(2, await factory.WithDbAsync(db => db.ReaderReports.CountAsync()));
    }
}
