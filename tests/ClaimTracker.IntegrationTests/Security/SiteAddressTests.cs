using ClaimTracker.Domain.Accounts;
using ClaimTracker.IntegrationTests.Infrastructure;

namespace ClaimTracker.IntegrationTests.Security;

/// <summary>Absolute links come from Site:PublicUrl, never from the request's Host header; outside Development it is required.</summary>
public sealed class SiteAddressTests(SiteAddressTests.PublicUrlFactory factory) : IClassFixture<SiteAddressTests.PublicUrlFactory>
{
    public sealed class PublicUrlFactory() : ClaimTrackerFactory("Production",
        new Dictionary<string, string> { ["Site:PublicUrl"] = "https://faktencheck.example.org/" });

    [Fact]
    public async Task SetPasswordLink_AskedForUnderAForeignHost_PointsToTheConfiguredAddress()
    {
        var admin = await factory.SignedInAsync($"host-admin-{Guid.NewGuid():N}@example.org", Roles.Admin);
        admin.DefaultRequestHeaders.Host = "evil.example";
        var page = await admin.GetAsync("/admin/users/create", expectOk: true);

        var edit = await admin.FollowAsync(await admin.SubmitListsAsync(page, "create-user-form",
            ("Input.Email", [$"kollegin-{Guid.NewGuid():N}@example.org"]), ("Input.Roles", [Roles.Editor])));

        var link = ((AngleSharp.Html.Dom.IHtmlInputElement)edit.GetElementById("set-password-link")!).Value;
        Assert.StartsWith("https://faktencheck.example.org/account/setpassword?user=", link);
    }

    [Fact]
    public async Task CanonicalLinkFeedAndApi_UnderAForeignHost_NameTheConfiguredAddress()
    {
        var slug = await factory.PublishAsync(await factory.CreateClaimAsync($"Adresse der Seite {Guid.NewGuid().ToString("N")[..6]}"));
        var reader = factory.CreateBrowser();
        reader.DefaultRequestHeaders.Host = "evil.example";

        var page = await reader.GetAsync($"/claims/{slug}", expectOk: true);
        var feed = await reader.GetStringAsync($"/claims/{slug}/feed.atom");
        var api = await reader.GetStringAsync("/api/claims");

        Assert.Equal($"https://faktencheck.example.org/claims/{slug}", page.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        Assert.Equal($"https://faktencheck.example.org/claims/{slug}", page.QuerySelector("meta[property='og:url']")!.GetAttribute("content"));
        Assert.DoesNotContain("evil.example", feed);
        Assert.Contains("https://faktencheck.example.org/claims/", feed);
        Assert.DoesNotContain("evil.example", api);
    }

    [Fact]
    public async Task ProductionStart_WithoutAPublicAddress_SaysSoInOneLineAndExits2()
    {
        var folder = Directory.CreateTempSubdirectory("claimtracker-no-address-");
        var (exit, output) = await AppProcess.RunAsync(["--urls", "http://127.0.0.1:0"], new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Site__PublicUrl"] = "",
            ["ConnectionStrings__Default"] = $"Data Source={Path.Combine(folder.FullName, "claimtracker.db")}",
        }, folder.FullName);

        Assert.Equal(2, exit);
        Assert.Contains("ClaimTracker cannot start: Site:PublicUrl is not set", output);
    }
}
