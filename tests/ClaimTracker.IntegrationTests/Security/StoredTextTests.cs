using System.Net;
using System.Xml.Linq;
using ClaimTracker.Domain.Accounts;
using ClaimTracker.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ClaimTracker.IntegrationTests.Security;

/// <summary>Characters XML cannot carry are refused or dropped on input, and stored text never breaks a feed.</summary>
public sealed class StoredTextTests(ClaimTrackerFactory factory) : IClassFixture<ClaimTrackerFactory>
{
    [Fact]
    public async Task Rationale_WithAControlCharacter_IsStoredWithoutIt()
    {
        var id = await factory.CreateClaimAsync($"Steuerzeichen in der Begründung {Guid.NewGuid().ToString("N")[..6]}");
        var (_, sourceId) = await factory.CreateActorAndSourceAsync();
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            Assert.True((await scope.ServiceProvider.GetRequiredService<ClaimTracker.Infrastructure.Claims.CiteSources>().AttachSourceAsync(id,
                int.Parse(sourceId), ClaimTracker.Domain.Claims.SourceStance.Supports, null, null, "builder@example.org")).Succeeded);
        }
        var editor = await factory.SignedInAsync($"steuer-{Guid.NewGuid():N}@example.org", Roles.Editor);
        var corroborated = await factory.WithDbAsync(db => db.Statuses.Where(s => s.Key == "corroborated").Select(s => s.Id).SingleAsync());

        var response = await editor.SubmitListsAsync(await editor.GetAsync($"/editor/claims/status/{id}", expectOk: true), "status-form",
            ("Input.StatusId", [corroborated.ToString()]), ("Input.EffectiveOn", ["2024-11-30"]), ("Input.Rationale", ["a\u0001b\u001B"]),
            ("Input.SourceIds", [sourceId]));

        Assert.True(response.StatusCode == HttpStatusCode.Redirect, (await Html.ParseAsync(response)).Errors());
        Assert.Equal("<p>ab</p>", await factory.WithDbAsync(async db => (await db.StatusChanges.SingleAsync(s => s.ClaimId == id)).Rationale.Html));
    }

    [Fact]
    public async Task Headline_WithANonCharacter_IsRefusedNextToTheField_AndNothingIsSaved()
    {
        var editor = await factory.SignedInAsync($"nichtzeichen-{Guid.NewGuid():N}@example.org", Roles.Editor);
        var headline = "Nordkorea liefert Raketen\uFFFF";

        var response = await editor.SubmitAsync(await editor.GetAsync("/editor/claims/new", expectOk: true), "claim-form",
            ("Input.Headline", headline), ("Input.OriginalText", "Ein ganz eigener Wortlaut."));

        var page = await Html.ParseAsync(response);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("U+FFFF", page.QuerySelector("[data-valmsg-for='Input.Headline']")?.TextContent ?? page.Errors());
        Assert.False(await factory.WithDbAsync(db => db.Claims.AnyAsync(c => c.Headline.StartsWith("Nordkorea liefert Raketen") && c.Headline.Length == headline.Length)));
    }

    [Fact]
    public async Task StoredTextXmlCannotCarry_LeavesEveryFeedReadable()
    {
        var id = await factory.CreateClaimAsync($"Altbestand mit Steuerzeichen {Guid.NewGuid().ToString("N")[..6]}", topics: "Altbestand");
        await factory.SetStatusAsync(id, "corroborated", new DateOnly(2024, 11, 30));
        var slug = await factory.PublishAsync(id);
        // Text that reached the database before the forms refused it (or by other means): a control character and a non-character.
        await factory.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(
            "UPDATE \"Claims\" SET \"PublishedHeadline\" = {0} WHERE \"Id\" = {1}", "Altbestand\uFFFF mit \u0001Steuerzeichen", id));
        await factory.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(
            "UPDATE \"StatusChanges\" SET \"Rationale\" = {0} WHERE \"ClaimId\" = {1}", "<p>a\u0001b</p>", id));
        var reader = factory.CreateBrowser();

        foreach (var feed in new[] { "/feeds/claims.atom", $"/claims/{slug}/feed.atom", "/topics/altbestand/feed.atom" })
        {
            var response = await reader.GetAsync(feed);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var atom = XDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.Contains(atom.Descendants(XName.Get("title", "http://www.w3.org/2005/Atom")), t => t.Value.Contains("Altbestand mit Steuerzeichen", StringComparison.Ordinal));
        }
    }
}

/// <summary>A renamed status reads the same everywhere readers meet it at once, the badge included.</summary>
public sealed class StatusRenameTests(ClaimTrackerFactory factory) : IClassFixture<ClaimTrackerFactory>
{
    [Fact]
    public async Task RenamedStatus_ShowsOnTheBadgeAtOnce()
    {
        var id = await factory.CreateClaimAsync($"Umbenannter Status {Guid.NewGuid().ToString("N")[..6]}");
        await factory.SetStatusAsync(id, "corroborated", new DateOnly(2024, 11, 30));
        var slug = await factory.PublishAsync(id);
        var reader = factory.CreateBrowser();
        Assert.Contains("Corroborated", await reader.GetStringAsync($"/claims/{slug}/badge.svg"));

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var scale = scope.ServiceProvider.GetRequiredService<ClaimTracker.Infrastructure.Claims.StatusScale>();
            var row = (await scale.ListAsync()).Single(s => s.Key == "corroborated");
            var version = await factory.WithDbAsync(db => db.Statuses.Where(s => s.Id == row.Id).Select(s => s.Version).SingleAsync());
            var status = await factory.WithDbAsync(db => db.Statuses.SingleAsync(s => s.Id == row.Id));
            Assert.True((await scale.UpdateAsync(row.Id, version, new ClaimTracker.Infrastructure.Claims.StatusInput(status.Key, "Well supported",
                status.NameDe, status.DescriptionEn, status.DescriptionDe, status.Colour, status.Order, status.IsVerdict, status.RatingValue, status.IsFinal))).Succeeded);
        }

        var badge = await reader.GetStringAsync($"/claims/{slug}/badge.svg");
        Assert.Contains("Well supported", badge);
        Assert.DoesNotContain("Corroborated", badge);
    }
}
