using System.Net;
using ClaimTracker.Domain.Accounts;
using ClaimTracker.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ClaimTracker.IntegrationTests.Claims;

/// <summary>Editors write Markdown, see it as readers will before saving, and find older HTML texts editable as Markdown.</summary>
public sealed class MarkdownFormsTests(ManySignInsFactory factory) : IClassFixture<ManySignInsFactory>
{
    [Fact]
    public async Task StatusForm_Preview_ShowsTheRationaleFormatted_KeepsTheForm_AndSavesNothing()
    {
        var id = await factory.CreateClaimAsync($"Vorschau der Begründung {Guid.NewGuid().ToString("N")[..6]}");
        var editor = await factory.SignedInAsync($"vorschau-{Guid.NewGuid():N}@example.org", Roles.Editor);
        var open = await factory.WithDbAsync(db => db.Statuses.Where(s => s.Key == "open").Select(s => s.Id).SingleAsync());
        const string rationale = "Drei Regierungen sagen es **übereinstimmend**.\n\n- USA\n- [Südkorea](https://www.korea.net/)";

        var response = await editor.SubmitAsync(await editor.GetAsync($"/editor/claims/status/{id}", expectOk: true), "status-form",
            ("Input.StatusId", open.ToString()), ("Input.EffectiveOn", "2024-11-30"), ("Input.Rationale", rationale), ("preview", "Input.Rationale"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        var preview = page.GetElementById("Input_Rationale_preview_text")!;
        Assert.Equal("übereinstimmend", preview.QuerySelector("strong")!.TextContent);
        Assert.Equal(["USA", "Südkorea"], preview.QuerySelectorAll("li").Select(li => li.TextContent));
        Assert.Equal("nofollow noopener noreferrer", preview.QuerySelector("a")!.GetAttribute("rel"));
        Assert.Equal(rationale, page.QuerySelector("#Input_Rationale")!.TextContent.Replace("\r\n", "\n").TrimStart('\n'));
        Assert.Equal("2024-11-30", page.QuerySelector("#Input_EffectiveOn")!.GetAttribute("value"));
        Assert.Equal("", page.Errors());
        Assert.Equal(0, await factory.WithDbAsync(db => db.StatusChanges.CountAsync(s => s.ClaimId == id)));

        // Saved, it reads on the staff page as the preview did.
        var saved = await editor.SubmitAsync(page, "status-form");
        var details = await editor.FollowAsync(saved);
        Assert.Equal("übereinstimmend", details.QuerySelector("#timeline .rich-text strong")!.TextContent);
    }

    [Fact]
    public async Task Summary_SavedAsHtmlBeforeMarkdown_IsEditedAsMarkdown_AndSavingItUnchangedKeepsWhatReadersSee()
    {
        var id = await factory.CreateClaimAsync($"Alte Zusammenfassung {Guid.NewGuid().ToString("N")[..6]}");
        await factory.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(
            "UPDATE \"Claims\" SET \"Summary\" = {0} WHERE \"Id\" = {1}",
            "<p>Beide Staaten <b>dementieren</b>; siehe <a href=\"https://www.tagesschau.de/a\">Tagesschau</a>.</p><ul><li>USA</li><li>Südkorea</li></ul>", id));
        var editor = await factory.SignedInAsync($"altbestand-{Guid.NewGuid():N}@example.org", Roles.Editor);

        var form = await editor.GetAsync($"/editor/claims/edit/{id}", expectOk: true);
        var markdown = form.QuerySelector("#Input_Summary")!.TextContent.TrimStart('\n');
        Assert.Equal("Beide Staaten **dementieren**; siehe [Tagesschau](<https://www.tagesschau.de/a>).\n\n- USA\n- Südkorea", markdown);

        var details = await editor.FollowAsync(await editor.SubmitAsync(form, "claim-form"));
        Assert.Equal("<p>Beide Staaten <strong>dementieren</strong>; siehe <a href=\"https://www.tagesschau.de/a\" rel=\"nofollow noopener noreferrer\">Tagesschau</a>.</p>\n<ul>\n<li>USA</li>\n<li>Südkorea</li>\n</ul>",
            details.QuerySelector("#overview .rich-text")!.InnerHtml);
    }

    [Fact]
    public async Task NewClaim_ItIsADifferentClaim_StaysConfirmedWhileAnotherFieldIsFixed()
    {
        var headline = $"Nordkorea liefert Granaten an Russland {Guid.NewGuid().ToString("N")[..6]}";
        await factory.CreateClaimAsync(headline);
        var editor = await factory.SignedInAsync($"bestaetigt-{Guid.NewGuid():N}@example.org", Roles.Editor);
        var fields = new[] { ("Input.Headline", headline + " (zweite Meldung)"), ("Input.OriginalText", "Nordkorea liefert Granaten."), ("Input.Language", "de") };

        var similar = await Html.ParseAsync(await editor.SubmitAsync(await editor.GetAsync("/editor/claims/new", expectOk: true), "claim-form", fields));
        Assert.NotNull(similar.GetElementById("similar-claims"));
        // Ticked, but an actor's name is unknown: the form comes back with the error and the tick kept.
        var refused = await Html.ParseAsync(await editor.SubmitAsync(similar, "claim-form", [.. fields, ("ConfirmedNew", "true"), ("Input.AddClaimants", "Atlantis")]));
        Assert.Contains("Atlantis", refused.Errors());
        Assert.Equal("true", refused.QuerySelector("#claim-form input[name=ConfirmedNew]")?.GetAttribute("value"));

        var created = await editor.SubmitAsync(refused, "claim-form", [.. fields, ("Input.AddClaimants", "")]);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal(2, await factory.WithDbAsync(db => db.Claims.CountAsync(c => c.Headline.StartsWith(headline))));
    }

    [Fact]
    public async Task UnknownName_IsOfferedForTheDirectory_InPlace_AndTheClaimIsSavedWithIt()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var editor = await factory.SignedInAsync($"inline-{tag}@example.org", Roles.Editor);
        var headline = $"Atlantis liefert Drohnen {tag}";
        var name = $"Atlantische Föderation {tag}";
        (string, string)[] fields = [("Input.Headline", headline), ("Input.OriginalText", "Atlantis liefert Drohnen."), ("Input.Language", "de"),
            ("Input.AddClaimants", name), ("ConfirmedNew", "true")];

        var refused = await Html.ParseAsync(await editor.SubmitAsync(await editor.GetAsync("/editor/claims/new", expectOk: true), "claim-form", fields));

        Assert.Contains($"No actor is named “{name}”", refused.Errors());
        Assert.Equal(name, refused.QuerySelector("#new-actors input[name='Input.NewActors[0].Name']")!.GetAttribute("value"));
        Assert.Equal(headline, refused.QuerySelector("#Input_Headline")!.GetAttribute("value"));
        Assert.False(await factory.WithDbAsync(db => db.Actors.AnyAsync(a => a.Name == name)));

        var saved = await editor.SubmitAsync(refused, "claim-form", [.. fields, ("Input.NewActors[0].Add", "true"), ("Input.NewActors[0].Kind", "Organisation")]);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var actor = await factory.WithDbAsync(db => db.Actors.SingleAsync(a => a.Name == name));
        Assert.Equal(ClaimTracker.Domain.Claims.ActorKind.Organisation, actor.Kind);
        Assert.True(await factory.WithDbAsync(db => db.Claims.AnyAsync(c => c.Headline == headline && c.Actors.Any(a => a.ActorId == actor.Id))));
    }

    [Fact]
    public async Task SimilarClaims_PutTheExactHeadlineFirst()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var exact = $"Nordkorea schickt Soldaten an die Front {tag}";
        // Claims whose text resembles the new one more than the exact duplicate's does.
        for (var i = 0; i < 3; i++)
        {
            await factory.CreateClaimAsync($"Soldaten Nordkoreas an der Front bei Kursk {tag} {i}",
                "Nordkorea schickt Soldaten an die Front nach Kursk; Nordkorea schickt Soldaten, Soldaten an die Front.");
        }
        var duplicate = await factory.CreateClaimAsync(exact.ToUpperInvariant(), "Kurz gemeldet.");
        var editor = await factory.SignedInAsync($"aehnlich-{tag}@example.org", Roles.Editor);

        var page = await Html.ParseAsync(await editor.SubmitAsync(await editor.GetAsync("/editor/claims/new", expectOk: true), "claim-form",
            ("Input.Headline", exact), ("Input.OriginalText", "Nordkorea schickt Soldaten an die Front nach Kursk."), ("Input.Language", "de")));

        var first = page.QuerySelector("#similar-claims tbody tr a")!;
        Assert.Equal($"/editor/claims/details/{duplicate}", first.GetAttribute("href"));
    }
}
