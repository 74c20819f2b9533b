using ClaimTracker.Domain.Accounts;
using ClaimTracker.Infrastructure.Accounts;
using ClaimTracker.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ClaimTracker.IntegrationTests.Accounts;

public sealed class LayoutTests(ClaimTrackerFactory factory) : IClassFixture<ClaimTrackerFactory>
{
    [Fact]
    public async Task Anonymous_SeesSiteNameAndSignInButNoStaffSections()
    {
        var page = await factory.CreateBrowser().GetAsync("/", expectOk: true);

        Assert.Equal("en", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("ClaimTracker", page.QuerySelector(".site-name")!.TextContent);
        Assert.NotNull(page.GetElementById("nav-login"));
        Assert.Null(page.GetElementById("nav-editor"));
        Assert.Null(page.GetElementById("nav-users"));
        Assert.Empty(page.QuerySelectorAll("script"));
    }

    [Theory]
    [InlineData(Roles.Editor, true, false, false)]
    [InlineData(Roles.Reviewer, true, false, true)]
    [InlineData(Roles.Admin, true, true, true)]
    public async Task Navigation_ShowsSectionsOnlyToTheirRoles(string role, bool editorLink, bool adminLinks, bool reviewQueue)
    {
        var browser = await factory.SignedInAsync($"nav-{role.ToLowerInvariant()}@example.org", role);

        var page = await browser.GetAsync("/", expectOk: true);

        Assert.Equal(editorLink, page.GetElementById("nav-editor") is not null);
        Assert.Equal(adminLinks, page.GetElementById("nav-users") is not null);
        Assert.Equal(adminLinks, page.GetElementById("nav-audit") is not null);
        Assert.Equal(reviewQueue, page.GetElementById("nav-reviews") is not null);
        Assert.NotNull(page.GetElementById("logout-form"));
    }
}

public sealed class DemoAdminTests
{
    [Fact]
    public async Task DevelopmentFirstStart_CreatesOneDemoAdminWithEveryRole()
    {
        using var factory = new DevelopmentFactory();
        _ = factory.CreateBrowser();

        var users = await factory.WithDbAsync(db => db.Users.Select(u => u.Email).ToListAsync());

        Assert.Equal([AdminBootstrap.DemoAdminEmail], users);
        Assert.Equal(Roles.All.Order(), await factory.RolesOfAsync(AdminBootstrap.DemoAdminEmail));
    }

    [Fact]
    public async Task ProductionFirstStart_CreatesNoAccount()
    {
        using var factory = new ClaimTrackerFactory();
        _ = factory.CreateBrowser();

        Assert.Equal(0, await factory.WithDbAsync(db => db.Users.CountAsync()));
    }
}
