using System.Net;
using ClaimTracker.IntegrationTests.Infrastructure;

namespace ClaimTracker.IntegrationTests.Accounts;

public sealed class ChangePasswordTests(ClaimTrackerFactory factory) : IClassFixture<ClaimTrackerFactory>
{
    private const string NewPassword = "Straße nach Wladiwostok";

    [Fact]
    public async Task ChangePassword_RightCurrentPassword_OnlyTheNewOneWorksAfterwards()
    {
        var browser = await factory.SignedInAsync("wechsel@example.org");
        var page = await browser.GetAsync("/account/changepassword", expectOk: true);

        var response = await browser.SubmitAsync(page, "change-password-form",
            ("Input.CurrentPassword", ClaimTrackerFactory.Password), ("Input.NewPassword", NewPassword),
            ("Input.ConfirmPassword", NewPassword));

        Assert.Equal("Your password was changed.", (await browser.FollowAsync(response)).Status());
        Assert.Equal(HttpStatusCode.OK, (await factory.CreateBrowser().SignInAsync("wechsel@example.org", ClaimTrackerFactory.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await factory.CreateBrowser().SignInAsync("wechsel@example.org", NewPassword)).StatusCode);
    }

    [Theory]
    [InlineData("nicht das alte Passwort", NewPassword, NewPassword, "Incorrect password.")]
    [InlineData(ClaimTrackerFactory.Password, "zu kurz", "zu kurz", "at least 12 characters")]
    [InlineData(ClaimTrackerFactory.Password, NewPassword, "etwas anderes hier", "The two new passwords do not match.")]
    public async Task ChangePassword_BadInput_ExplainsAndKeepsTheOldPassword(string current, string next, string confirm, string message)
    {
        var email = $"bleibt-{Guid.NewGuid():N}@example.org";
        var browser = await factory.SignedInAsync(email);
        var page = await browser.GetAsync("/account/changepassword", expectOk: true);

        var response = await browser.SubmitAsync(page, "change-password-form",
            ("Input.CurrentPassword", current), ("Input.NewPassword", next), ("Input.ConfirmPassword", confirm));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, (await Html.ParseAsync(response)).Errors());
        Assert.Equal(HttpStatusCode.Redirect, (await factory.CreateBrowser().SignInAsync(email, ClaimTrackerFactory.Password)).StatusCode);
    }
}
