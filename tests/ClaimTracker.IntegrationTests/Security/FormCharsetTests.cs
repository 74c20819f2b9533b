using System.Net;
using System.Net.Http.Headers;
using ClaimTracker.IntegrationTests.Infrastructure;

namespace ClaimTracker.IntegrationTests.Security;

/// <summary>A form in a character set the site does not read gets a 400 page that says so, never a 500.</summary>
public sealed class FormCharsetTests(ClaimTrackerFactory factory) : IClassFixture<ClaimTrackerFactory>
{
    [Theory]
    [InlineData("utf-7")]
    [InlineData("x-unknown")]
    public async Task FormInAnotherCharset_Is400WithAPageThatSaysWhy(string charset)
    {
        var browser = factory.CreateBrowser();
        var page = await browser.GetAsync("/account/login", expectOk: true);
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var content = new StringContent($"__RequestVerificationToken={Uri.EscapeDataString(token)}&Input.Email=a%40example.org&Input.Password=x");
        content.Headers.ContentType = MediaTypeHeaderValue.Parse($"application/x-www-form-urlencoded; charset={charset}");

        var response = await browser.PostAsync("/account/login", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = await Html.ParseAsync(response);
        Assert.Equal("Bad request", error.QuerySelector("h1")!.TextContent);
        Assert.Contains($"character set “{charset}”", error.QuerySelector("main")!.TextContent);
    }

    [Theory]
    [InlineData("Kopf\0zeile")]
    [InlineData("\0")]
    public async Task FormWithANulCharacter_Is400WithAPageThatSaysWhy_AndSavesNothing(string headline)
    {
        var browser = await factory.SignedInAsync($"nul-{Guid.NewGuid():N}@example.org", ClaimTracker.Domain.Accounts.Roles.Editor);
        var page = await browser.GetAsync("/editor/claims/new", expectOk: true);
        var claims = await factory.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.Claims));

        var response = await browser.SubmitAsync(page, "claim-form", ("Input.Headline", headline), ("Input.OriginalText", "Ein Satz."));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("NUL character (%00)", (await Html.ParseAsync(response)).QuerySelector("main")!.TextContent);
        Assert.Equal(claims, await factory.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.Claims)));
    }

    [Fact]
    public async Task FormWithPercentAndZerosApart_IsReadAsBefore()
    {
        var browser = await factory.SignedInAsync($"prozent-{Guid.NewGuid():N}@example.org", ClaimTracker.Domain.Accounts.Roles.Editor);
        var page = await browser.GetAsync("/editor/claims/new", expectOk: true);

        var response = await browser.SubmitAsync(page, "claim-form", ("Input.Headline", "Zinsen von 100% 00 Uhr % 0 0"), ("Input.OriginalText", "Ein Satz."));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Fact]
    public async Task FormInUtf8_IsReadAsBefore()
    {
        var browser = factory.CreateBrowser();
        var page = await browser.GetAsync("/account/login", expectOk: true);

        var response = await browser.SubmitAsync(page, "login-form", ("Input.Email", "niemand@example.org"), ("Input.Password", "Ein Passwort"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Wrong email or password", (await Html.ParseAsync(response)).Errors());
    }
}
