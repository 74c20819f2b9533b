using System.Net;
using ClaimTracker.IntegrationTests.Infrastructure;

namespace ClaimTracker.IntegrationTests.Security;

public sealed class SecurityHeadersTests(ClaimTrackerFactory factory) : IClassFixture<ClaimTrackerFactory>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/account/login")]
    [InlineData("/gibt-es-nicht")]
    [InlineData("/css/site.css")]
    public async Task EveryResponse_CarriesTheSecurityHeaders(string path)
    {
        var response = await factory.CreateBrowser().GetAsync(path);

        var csp = Header(response, "Content-Security-Policy");
        foreach (var directive in new[] { "default-src 'self'", "object-src 'none'", "base-uri 'none'", "form-action 'self'", "frame-ancestors 'none'" })
        {
            Assert.Contains(directive, csp);
        }
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.Matches("script-src 'self' 'nonce-[A-Za-z0-9+/=]{24}'", csp);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.Equal("strict-origin-when-cross-origin", Header(response, "Referrer-Policy"));
        Assert.Contains("camera=()", Header(response, "Permissions-Policy"));
        Assert.StartsWith("max-age=31536000", Header(response, "Strict-Transport-Security"));
    }

    [Fact]
    public async Task Nonce_IsNewOnEveryResponse()
    {
        var browser = factory.CreateBrowser();
        var first = Header(await browser.GetAsync("/"), "Content-Security-Policy");
        var second = Header(await browser.GetAsync("/"), "Content-Security-Policy");
        Assert.NotEqual(first, second);
    }

    [Fact]
    public async Task SetPasswordPage_SendsNoReferrer()
    {
        var response = await factory.CreateBrowser().GetAsync("/account/setpassword?user=x&token=y");
        Assert.Equal("no-referrer", Header(response, "Referrer-Policy"));
    }

    [Fact]
    public async Task Development_SendsNoHsts()
    {
        using var development = new DevelopmentFactory();
        var response = await development.CreateBrowser().GetAsync("/");
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(", ", values) : string.Empty;
}
