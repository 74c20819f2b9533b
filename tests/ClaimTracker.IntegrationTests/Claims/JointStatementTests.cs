using System.Net;
using System.Text.Json;
using ClaimTracker.Domain.Accounts;
using ClaimTracker.Domain.Claims;
using ClaimTracker.Infrastructure.Claims;
using ClaimTracker.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ClaimTracker.IntegrationTests.Claims;

/// <summary>"Denied by both Pyongyang and Moscow": one statement naming both, shown once wherever readers look.</summary>
public sealed class JointStatementTests(ManySignInsFactory factory) : IClassFixture<ManySignInsFactory>
{
    private async Task<(int ClaimId, int North, int Russia, string SourceId)> ClaimWithTwoSubjectsAsync()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        await using var scope = factory.Services.CreateAsyncScope();
        var directory = scope.ServiceProvider.GetRequiredService<ActorDirectory>();
        var north = (await directory.CreateAsync(new Actor.Draft($"Pjöngjang {tag}", ActorKind.State, null, null, null, null))).Id!.Value;
        var russia = (await directory.CreateAsync(new Actor.Draft($"Moskau {tag}", ActorKind.State, null, null, null, null))).Id!.Value;
        var editor = scope.ServiceProvider.GetRequiredService<LogClaim>();
        var evidence = scope.ServiceProvider.GetRequiredService<CiteSources>();
        var claim = await editor.CreateAsync(new ClaimInput($"Nordkorea liefert Raketen an Russland {tag}", "Nordkorea liefert Raketen.", "de",
            null, null, false, null, null, null, [], [north, russia], null, null), "builder@example.org");
        var (_, sourceId) = await factory.CreateActorAndSourceAsync();
        Assert.True((await evidence.AttachSourceAsync(claim.Id!.Value, int.Parse(sourceId), SourceStance.ReportsDenial, null, null, "builder@example.org")).Succeeded);
        return (claim.Id!.Value, north, russia, sourceId);
    }

    [Fact]
    public async Task JointDenial_TickedForBothSubjects_IsOneStatement_ShownOnceWithBothNames_OnEveryReaderSurface()
    {
        var (id, north, russia, sourceId) = await ClaimWithTwoSubjectsAsync();
        var editor = await factory.SignedInAsync($"gemeinsam-{Guid.NewGuid():N}@example.org", Roles.Editor);

        var form = await editor.GetAsync($"/editor/claims/statement/{id}", expectOk: true);
        Assert.Equal(2, form.QuerySelectorAll("#speakers input[name='Input.ActorIds']").Length);
        var response = await editor.SubmitListsAsync(form, "statement-form",
            ("Input.ActorIds", [north.ToString(), russia.ToString()]), ("Input.Stance", ["Denies"]), ("Input.MadeOn", ["2024-06-18"]),
            ("Input.Quote", ["Das sind haltlose Unterstellungen."]), ("Input.Translation", ["These are baseless insinuations."]),
            ("Input.SourceIds", [sourceId]));

        var details = await editor.FollowAsync(response);
        var staff = Assert.Single(details.QuerySelectorAll("#statements .statement"));
        var names = await factory.WithDbAsync(db => db.Actors.Where(a => a.Id == north || a.Id == russia).OrderBy(a => a.Id).Select(a => a.Name).ToListAsync());
        Assert.Contains($"{names[0]} and {names[1]}", staff.QuerySelector("strong")!.TextContent);
        var saved = await factory.WithDbAsync(db => db.Statements.Include(s => s.JointActors).SingleAsync(s => s.ClaimId == id));
        Assert.Equal([north, russia], saved.ActorIds.Order());

        var slug = await factory.PublishAsync(id);
        var reader = factory.CreateBrowser();
        var page = await reader.GetAsync($"/claims/{slug}", expectOk: true);
        var shown = Assert.Single(page.QuerySelectorAll(".statement"));
        Assert.Equal($"{names[0]} and {names[1]}", shown.QuerySelector("strong")!.TextContent);
        Assert.Single(page.QuerySelectorAll(".statement blockquote[lang=de]"));

        var german = factory.CreateBrowser();
        german.DefaultRequestHeaders.AcceptLanguage.ParseAdd("de");
        Assert.Equal($"{names[0]} und {names[1]}", (await german.GetAsync($"/claims/{slug}", expectOk: true)).QuerySelector(".statement strong")!.TextContent);

        using var api = JsonDocument.Parse(await reader.GetStringAsync($"/api/claims/{slug}"));
        var statement = Assert.Single(api.RootElement.GetProperty("statements").EnumerateArray().ToList());
        Assert.Equal(names.Order(), statement.GetProperty("actors").EnumerateArray().Select(a => a.GetString()!).Order());
        // The actor pages list the claim for both.
        foreach (var actorId in new[] { north, russia })
        {
            Assert.True(await factory.WithDbAsync(db => db.PublishedClaimActors.AnyAsync(p => p.ClaimId == id && p.ActorId == actorId)));
        }
    }

    [Fact]
    public async Task OneOfAJointDenial_LaterConfirmingAlone_IsAWalkBack_TheOtherIsNot()
    {
        var (id, north, russia, sourceId) = await ClaimWithTwoSubjectsAsync();
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var evidence = scope.ServiceProvider.GetRequiredService<RecordStatement>();
            Assert.True((await evidence.AddStatementAsync(id, new Statement.Draft(north, Stance.Denies, new DateOnly(2024, 6, 18), "Lügen.", "de", null,
                [int.Parse(sourceId)], [russia]), "builder@example.org")).Succeeded);
            Assert.True((await evidence.AddStatementAsync(id, new Statement.Draft(russia, Stance.Confirms, new DateOnly(2025, 4, 28), "Ja, sie halfen.", "de", null,
                [int.Parse(sourceId)]), "builder@example.org")).Succeeded);
            Assert.True((await evidence.AddStatementAsync(id, new Statement.Draft(north, Stance.Asserts, new DateOnly(2025, 4, 29), "Wir stehen zu Russland.", "de", null,
                [int.Parse(sourceId)]), "builder@example.org")).Succeeded);
        }
        await using var reading = factory.Services.CreateAsyncScope();
        var details = await reading.ServiceProvider.GetRequiredService<ClaimDetailsQuery>().GetAsync(id);
        var byQuote = details!.Statements.ToDictionary(s => s.Quote!);
        Assert.True(byQuote["Ja, sie halfen."].IsWalkBack);
        Assert.False(byQuote["Wir stehen zu Russland."].IsWalkBack);
        Assert.False(byQuote["Lügen."].IsWalkBack);
    }

    [Fact]
    public async Task Correction_AddsAndRemovesWhoSaidItTogether_ButNotTheFirstNamed()
    {
        var (id, north, russia, sourceId) = await ClaimWithTwoSubjectsAsync();
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            Assert.True((await scope.ServiceProvider.GetRequiredService<RecordStatement>().AddStatementAsync(id, new Statement.Draft(north, Stance.Denies,
                new DateOnly(2024, 6, 18), "Lügen.", "de", null, [int.Parse(sourceId)]), "builder@example.org")).Succeeded);
        }
        var statementId = await factory.WithDbAsync(db => db.Statements.Where(s => s.ClaimId == id).Select(s => s.Id).SingleAsync());
        var editor = await factory.SignedInAsync($"korrektur-{Guid.NewGuid():N}@example.org", Roles.Editor);

        var form = await editor.GetAsync($"/editor/claims/statement/{id}?statement={statementId}", expectOk: true);
        var choices = form.QuerySelectorAll("#speakers input[name='Input.ActorIds']").Select(i => i.GetAttribute("value")).ToList();
        Assert.Equal([russia.ToString()], choices);
        Assert.Equal(HttpStatusCode.Redirect, (await editor.SubmitListsAsync(form, "statement-form", ("Input.ActorIds", [russia.ToString()]))).StatusCode);
        Assert.Equal([north, russia], (await factory.WithDbAsync(db => db.Statements.Include(s => s.JointActors).SingleAsync(s => s.Id == statementId))).ActorIds.Order());

        form = await editor.GetAsync($"/editor/claims/statement/{id}?statement={statementId}", expectOk: true);
        Assert.Equal(HttpStatusCode.Redirect, (await editor.SubmitListsAsync(form, "statement-form", ("Input.ActorIds", []))).StatusCode);
        Assert.Equal([north], (await factory.WithDbAsync(db => db.Statements.Include(s => s.JointActors).SingleAsync(s => s.Id == statementId))).ActorIds);
    }
}
