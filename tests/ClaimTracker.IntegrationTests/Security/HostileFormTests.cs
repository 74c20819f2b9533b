using System.Net;
using ClaimTracker.Domain.Accounts;
using ClaimTracker.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ClaimTracker.IntegrationTests.Security;

public sealed class HostileFormTests(ClaimTrackerFactory factory) : IClassFixture<ClaimTrackerFactory>
{
    [Fact]
    public async Task CreateUser_WithExtraFields_BindsOnlyEmailAndChosenRoles()
    {
        var admin = await factory.SignedInAsync("massen@example.org", Roles.Admin);
        var page = await admin.GetAsync("/admin/users/create", expectOk: true);

        var response = await admin.SubmitListsAsync(page, "create-user-form",
            ("Input.Email", ["zuweisung@example.org"]), ("Input.Roles", [Roles.Editor]),
            ("IsDisabled", ["true"]), ("Input.IsDisabled", ["true"]), ("Roles", [Roles.Admin]), ("IsAdmin", ["true"]),
            ("Input.IsAdmin", ["true"]), ("CreatedBy", ["jemand"]), ("Status", ["Published"]), ("Account.IsDisabled", ["true"]),
            ("Input.CreatedAtUtc", ["2000-01-01"]), ("Input.EmailConfirmed", ["false"]), ("Input.PasswordHash", ["x"]));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal([Roles.Editor], await factory.RolesOfAsync("zuweisung@example.org"));
        var user = await factory.WithDbAsync(db => db.Users.SingleAsync(u => u.Email == "zuweisung@example.org"));
        Assert.False(user.IsDisabled);
        Assert.Null(user.PasswordHash);
        Assert.True(user.CreatedAtUtc > DateTime.UtcNow.AddMinutes(-5));
    }

    [Theory]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example/")]
    [InlineData("/%2F%2Fevil.example/")]
    [InlineData("/%5Cevil.example/")]
    [InlineData("https://evil.example/")]
    [InlineData("%2F%2Fevil.example")]
    public async Task SignIn_WithForeignReturnUrl_LandsOnTheHomePage(string returnUrl)
    {
        var email = $"ruecksprung-{Guid.NewGuid():N}@example.org";
        await factory.CreateUserAsync(email);

        var response = await factory.CreateBrowser().SignInAsync(email, ClaimTrackerFactory.Password, returnUrl);

        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task CreateUser_EmailWithBidiOverride_IsRefusedWithMessage()
    {
        var admin = await factory.SignedInAsync("bidi-admin@example.org", Roles.Admin);
        var page = await admin.GetAsync("/admin/users/create", expectOk: true);

        var response = await admin.SubmitListsAsync(page, "create-user-form",
            ("Input.Email", ["moc.elpmaxe\u202E@admin.example"]), ("Input.Roles", [Roles.Editor]));

        Assert.Contains("invisible text-direction character (U+202E)", (await Html.ParseAsync(response)).Errors());
    }
}
