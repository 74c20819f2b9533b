using System.Net;
using AngleSharp.Html.Dom;
using ClaimTracker.Domain.Accounts;
using ClaimTracker.Domain.Claims;
using ClaimTracker.Infrastructure.Claims;
using ClaimTracker.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ClaimTracker.IntegrationTests.Claims;

/// <summary>
/// The claim form names claimants and subjects by name and lists only those chosen: a list of every actor
/// (thousands in a large newsroom's directory, twice per form) does not scale.
/// </summary>
public sealed class ActorPickerTests(ClaimTrackerFactory factory) : IClassFixture<ClaimTrackerFactory>
{
    [Fact]
    public async Task Edit_ActorsByName_AddedCaseAside_UntickedOnesRemoved_OnlyChosenOnesListed()
    {
        await ActorsAsync("USA", "Südkorea", "Nordkorea", "Russland");
        var id = await factory.CreateClaimAsync("Nordkorea liefert Granaten – Akteure " + Guid.NewGuid().ToString("N")[..6]);
        var editor = await factory.SignedInAsync($"akteur-{Guid.NewGuid():N}@example.org", Roles.Editor);

        var added = await editor.SubmitAsync(await editor.GetAsync($"/editor/claims/edit/{id}", expectOk: true), "claim-form",
            ("Input.AddClaimants", "usa;  Südkorea "), ("Input.AddSubjects", "Nordkorea\nRussland"));
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Equal(["Südkorea", "USA"], await ActorNamesAsync(id, ClaimRole.Claimant));
        Assert.Equal(["Nordkorea", "Russland"], await ActorNamesAsync(id, ClaimRole.Subject));

        // The form lists the chosen actors (ticked), not the whole directory.
        var form = await editor.GetAsync($"/editor/claims/edit/{id}", expectOk: true);
        var claimantBoxes = form.QuerySelectorAll("#claimants input[type=checkbox]").Cast<IHtmlInputElement>().ToList();
        Assert.Equal(2, claimantBoxes.Count);
        Assert.All(claimantBoxes, box => Assert.True(box.IsChecked));
        Assert.Empty(form.QuerySelectorAll("#claim-form option"));

        var usa = claimantBoxes.Single(b => b.ParentElement!.TextContent.Contains("USA")).Value;
        var removed = await editor.SubmitListsAsync(form, "claim-form",
            ("Input.ClaimantIds", claimantBoxes.Select(b => b.Value).Where(v => v != usa).ToList()));
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Equal(["Südkorea"], await ActorNamesAsync(id, ClaimRole.Claimant));
        Assert.Equal(["Nordkorea", "Russland"], await ActorNamesAsync(id, ClaimRole.Subject));
    }

    [Fact]
    public async Task Edit_UnknownActorName_SuggestsSimilarNames_KeepsTheInputAndSavesNothing()
    {
        await ActorsAsync("USA", "Kim Jong-un", "Nordkorea");
        var id = await factory.CreateClaimAsync("Nordkorea liefert Raketen – unbekannter Akteur " + Guid.NewGuid().ToString("N")[..6]);
        var editor = await factory.SignedInAsync($"tippfehler-{Guid.NewGuid():N}@example.org", Roles.Editor);
        var version = await factory.WithDbAsync(db => db.Claims.Where(c => c.Id == id).Select(c => c.Version).SingleAsync());

        var response = await editor.SubmitAsync(await editor.GetAsync($"/editor/claims/edit/{id}", expectOk: true), "claim-form",
            ("Input.Headline", "Geänderte Überschrift"), ("Input.AddClaimants", "USA; Kim"), ("Input.AddSubjects", "Nordkorrea"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        var errors = page.Errors();
        Assert.Contains("No actor is named “Kim”. Did you mean “Kim Jong-un”", errors);
        Assert.Contains("No actor is named “Nordkorrea”. Did you mean “Nordkorea”?", errors);
        Assert.Equal("USA; Kim", ((IHtmlInputElement)page.GetElementById("Input_AddClaimants")!).Value);
        Assert.Equal("Geänderte Überschrift", ((IHtmlInputElement)page.GetElementById("Input_Headline")!).Value);
        Assert.Equal(version, await factory.WithDbAsync(db => db.Claims.Where(c => c.Id == id).Select(c => c.Version).SingleAsync()));
        Assert.Empty(await ActorNamesAsync(id, ClaimRole.Claimant));
    }

    [Fact]
    public async Task New_ActorsTypedByOtherNamesOrWithoutAccents_AreFound_AndUnknownOnesGetTheClosest()
    {
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var directory = scope.ServiceProvider.GetRequiredService<ActorDirectory>();
            foreach (var (name, aliases) in new[]
                     {
                         ("Südkorea", new[] { "South Korea", "Republic of Korea" }), ("Nordkorea", ["North Korea", "DPRK"]),
                         ("Russland", ["Russia"]), ("USA", ["United States"]),
                     })
            {
                var created = await directory.CreateAsync(new Actor.Draft(name, ActorKind.State, null, null, null, null, aliases));
                if (!created.Succeeded)
                {
                    var id = await factory.WithDbAsync(db => db.Actors.Where(a => a.Name == name).Select(a => a.Id).SingleAsync());
                    var (draft, version) = (await directory.FindAsync(id))!.Value;
                    Assert.True((await directory.EditAsync(id, version, draft with { Aliases = aliases }, "builder@example.org")).Succeeded);
                }
            }
        }
        var editor = await factory.SignedInAsync($"aliase-{Guid.NewGuid():N}@example.org", Roles.Editor);
        var id2 = await factory.CreateClaimAsync("Waffenlieferungen – Namen in anderen Sprachen " + Guid.NewGuid().ToString("N")[..6]);

        var typo = await Html.ParseAsync(await editor.SubmitAsync(await editor.GetAsync($"/editor/claims/edit/{id2}", expectOk: true), "claim-form",
            ("Input.AddClaimants", "South Koera"), ("Input.AddSubjects", "North Korea")));
        Assert.Contains("No actor is named “South Koera”. Did you mean “Südkorea” (South Korea)?", typo.Errors());

        var saved = await editor.SubmitAsync(typo, "claim-form",
            ("Input.AddClaimants", "South Korea; united states; SUDKOREA"), ("Input.AddSubjects", "north korea\nRussia"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(["Südkorea", "USA"], await ActorNamesAsync(id2, ClaimRole.Claimant));
        Assert.Equal(["Nordkorea", "Russland"], await ActorNamesAsync(id2, ClaimRole.Subject));
    }

    [Fact]
    public async Task ActorForm_AnOtherNameAnotherActorAnswersTo_IsRefusedNextToTheField()
    {
        await ActorsAsync("Nordkorea");
        var editor = await factory.SignedInAsync($"doppelname-{Guid.NewGuid():N}@example.org", Roles.Editor);
        var page = await editor.GetAsync("/editor/actors", expectOk: true);

        var response = await editor.SubmitAsync(page, "actor-form", ("Input.Name", "Demokratische Volksrepublik " + Guid.NewGuid().ToString("N")[..4]),
            ("Input.Aliases", "DVRK\nNORDKOREA"), ("Input.WikidataId", "https://www.wikidata.org/wiki/Q423"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var refused = await Html.ParseAsync(response);
        Assert.Contains("“NORDKOREA” already names “Nordkorea”", refused.QuerySelector("#Input_Aliases + .field-error")!.TextContent);
        Assert.Equal("DVRK\nNORDKOREA", refused.QuerySelector("#Input_Aliases")!.TextContent.Replace("\r", ""));
    }

    /// <summary>Puts these actors (names from the seed articles) in the directory unless they are there.</summary>
    private async Task ActorsAsync(params string[] names)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var directory = scope.ServiceProvider.GetRequiredService<ActorDirectory>();
        var known = (await directory.OptionsAsync()).Select(a => a.Name).ToHashSet();
        foreach (var name in names.Where(n => !known.Contains(n)))
        {
            var created = await directory.CreateAsync(new Actor.Draft(name, name.Contains(' ') ? ActorKind.Official : ActorKind.State, null, null, null, null));
            Assert.True(created.Succeeded || created.Errors.Any(e => e.Message.Contains("already in the directory")), string.Join("; ", created.Errors.Select(e => e.Message)));
        }
    }

    private Task<List<string>> ActorNamesAsync(int claimId, ClaimRole role) =>
        factory.WithDbAsync(db => db.Set<ClaimActor>().Where(ca => ca.ClaimId == claimId && ca.Role == role)
            .Join(db.Actors, ca => ca.ActorId, a => a.Id, (_, a) => a.Name).OrderBy(n => n).ToListAsync());
}
