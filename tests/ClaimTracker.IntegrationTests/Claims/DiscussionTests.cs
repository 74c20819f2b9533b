using ClaimTracker.Domain.Accounts;
using ClaimTracker.IntegrationTests.Infrastructure;

namespace ClaimTracker.IntegrationTests.Claims;

public sealed class DiscussionTests(ClaimTrackerFactory factory) : IClassFixture<ClaimTrackerFactory>
{
    [Fact]
    public async Task Comment_IsSanitisedShownToEditors_AndNeverToReaders()
    {
        var id = await factory.CreateClaimAsync("Diskutierte Behauptung " + Guid.NewGuid().ToString("N")[..6]);
        var slug = await factory.PublishAsync(id);
        var editor = await factory.SignedInAsync($"diskussion-{Guid.NewGuid():N}@example.org", Roles.Editor);
        const string marker = "Interner Hinweis 7f3a";

        var posted = await editor.SubmitAsync(await editor.GetAsync($"/editor/claims/details/{id}", expectOk: true), "comment-form",
            ("body", $"{marker}: **Quelle prüfen**\n<img src=x onerror=alert(1)>"));

        var details = await editor.FollowAsync(posted);
        Assert.Equal("Comment posted.", details.Status());
        Assert.Equal($"<p>{marker}: <strong>Quelle prüfen</strong><br>\n&lt;img src=x onerror=alert(1)&gt;</p>", details.QuerySelector("#comments .rich-text")!.InnerHtml);
        var reader = factory.CreateBrowser();
        foreach (var path in new[] { $"/claims/{slug}", $"/api/claims/{slug}", $"/claims/{slug}/feed.atom", "/feeds/claims.atom", $"/claims/{slug}/embed" })
        {
            Assert.DoesNotContain("7f3a", await (await reader.GetAsync(path)).Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task Comment_WithAnImage_IsRefusedSayingHowToLinkIt()
    {
        var id = await factory.CreateClaimAsync("Leere Diskussion " + Guid.NewGuid().ToString("N")[..6]);
        var editor = await factory.SignedInAsync($"leer-{Guid.NewGuid():N}@example.org", Roles.Editor);
        var response = await editor.SubmitAsync(await editor.GetAsync($"/editor/claims/details/{id}", expectOk: true), "comment-form", ("body", "![Bild](https://example.org/bild.png)"));
        Assert.Contains("Link to the image instead", (await Html.ParseAsync(response)).Errors());
    }
}
