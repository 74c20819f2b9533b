using System.Net;
using ClaimTracker.Domain.Accounts;
using ClaimTracker.IntegrationTests.Infrastructure;

namespace ClaimTracker.IntegrationTests.Security;

/// <summary>Return addresses with letters a header cannot carry (é, U+00A0, U+2028, U+3000) are sent back percent-encoded, not as a 500.</summary>
public sealed class ReturnAddressTests(ClaimTrackerFactory factory) : IClassFixture<ClaimTrackerFactory>
{
    [Theory]
    [InlineData("/claims?q=é", "/claims?q=%C3%A9")]
    [InlineData("/claims?q=a\u00A0b", "/claims?q=a%C2%A0b")]
    [InlineData("/claims?q=\u2028", "/claims?q=%E2%80%A8")]
    [InlineData("/claims?q=\u3000", "/claims?q=%E3%80%80")]
    public async Task LanguageSwitch_WithANonAsciiReturnAddress_GoesBackToIt(string returnUrl, string expected)
    {
        var response = await factory.CreateBrowser().GetAsync($"/language?culture=de&returnUrl={Uri.EscapeDataString(returnUrl)}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(expected, response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task SignIn_WithANonAsciiReturnAddress_GoesThere_WithTheSession()
    {
        var email = $"rueckweg-{Guid.NewGuid():N}@example.org";
        await factory.CreateUserAsync(email, Roles.Editor);
        var browser = factory.CreateBrowser();

        var response = await browser.SignInAsync(email, ClaimTrackerFactory.Password, "/editor/claims?q=Pjöngjang\u3000");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/editor/claims?q=Pj%C3%B6ngjang%E3%80%80", response.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(response.Headers.Location)).StatusCode);
    }
}
