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
        Assert.Contains("No actor is named “Nordkorrea”: add them in the actor directory first", errors);
        Assert.Equal("USA; Kim", ((IHtmlInputElement)page.GetElementById("Input_AddClaimants")!).Value);
        Assert.Equal("Geänderte Überschrift", ((IHtmlInputElement)page.GetElementById("Input_Headline")!).Value);
        Assert.Equal(version, await factory.WithDbAsync(db => db.Claims.Where(c => c.Id == id).Select(c => c.Version).SingleAsync()));
        Assert.Empty(await ActorNamesAsync(id, ClaimRole.Claimant));
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
