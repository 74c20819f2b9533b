using System.Net;
using System.Text.Json;
using ClaimTracker.Domain.Accounts;
using ClaimTracker.Infrastructure.Seeding;
using ClaimTracker.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ClaimTracker.IntegrationTests.Public;

public sealed class ClaimReviewTests(DevelopmentFactory factory) : IClassFixture<DevelopmentFactory>
{
    [Fact]
    public async Task VerdictClaim_CarriesOneClaimReviewAsGoogleDocumentsIt()
    {
        var page = await factory.CreateBrowser().GetAsync($"/claims/{DemoData.ArmsSlug}", expectOk: true);

        var blocks = page.QuerySelectorAll("script[type='application/ld+json']");
        Assert.Single(blocks);
        using var json = JsonDocument.Parse(blocks[0].TextContent);
        var review = json.RootElement;
        Assert.Equal("ClaimReview", review.GetProperty("@type").GetString());
        Assert.Equal($"https://localhost/claims/{DemoData.ArmsSlug}", review.GetProperty("url").GetString());
        Assert.Equal(page.QuerySelector("link[rel=canonical]")!.GetAttribute("href"), review.GetProperty("url").GetString());
        Assert.True(review.GetProperty("claimReviewed").GetString()!.Length < 75);
        var rating = review.GetProperty("reviewRating");
        Assert.Equal((4, 5, 1, "Corroborated"), (rating.GetProperty("ratingValue").GetInt32(), rating.GetProperty("bestRating").GetInt32(),
            rating.GetProperty("worstRating").GetInt32(), rating.GetProperty("alternateName").GetString()));
        var publisher = await factory.WithDbAsync(db => db.SiteSettings.Select(s => s.PublisherName).SingleAsync());
        Assert.Equal(publisher, review.GetProperty("author").GetProperty("name").GetString());
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", review.GetProperty("datePublished").GetString());
        var item = review.GetProperty("itemReviewed");
        Assert.Equal("Claim", item.GetProperty("@type").GetString());
        Assert.Contains(item.GetProperty("author").EnumerateArray(), a => a.GetProperty("name").GetString() == "USA"
                                                                           && a.GetProperty("sameAs").GetString() == "https://www.wikidata.org/wiki/Q30");
        Assert.Equal("2023-08-15", item.GetProperty("datePublished").GetString());
        Assert.Equal(4, item.GetProperty("appearance").GetArrayLength());
        Assert.Equal("2023-08-15", item.GetProperty("firstAppearance").GetProperty("datePublished").GetString());
    }

    [Fact]
    public async Task ClaimWithoutVerdict_HasNoClaimReview()
    {
        var page = await factory.CreateBrowser().GetAsync("/claims/russland-will-nordkoreanische-arbeiter-beschaeftigen", expectOk: true);
        Assert.Empty(page.QuerySelectorAll("script[type='application/ld+json']"));
        Assert.Equal("article", page.QuerySelector("meta[property='og:type']")!.GetAttribute("content"));
    }

    [Fact]
    public async Task HostileHeadline_ComesOutInertInTheJsonLd()
    {
        const string headline = "</script><script>alert(1)</script> & „Zitat“";
        var id = await factory.CreateClaimAsync(headline);
        await factory.SetStatusAsync(id, "false", new DateOnly(2024, 6, 18));
        var slug = await factory.PublishAsync(id);

        var response = await factory.CreateBrowser().GetAsync($"/claims/{slug}");
        var html = await response.Content.ReadAsStringAsync();
        var page = await Html.ParseAsync(response);

        Assert.DoesNotContain("<script>alert(1)", html);
        // The JSON-LD block and the copy button's script file: no other script, nothing inline but the data.
        var scripts = page.QuerySelectorAll("script");
        Assert.Equal(["/js/copy.js"], scripts.Where(s => s.GetAttribute("type") != "application/ld+json").Select(s => s.GetAttribute("src")!.Split('?')[0]));
        scripts = page.QuerySelectorAll("script[type='application/ld+json']");
        Assert.Single(scripts);
        using var json = JsonDocument.Parse(scripts[0].TextContent);
        Assert.Equal(headline, json.RootElement.GetProperty("claimReviewed").GetString());
        Assert.Equal(headline, page.QuerySelector("meta[property='og:title']")!.GetAttribute("content"));
    }

    [Fact]
    public async Task About_ShowsPublisherContactAndPolicies_AdminCanChangeThem()
    {
        var reader = factory.CreateBrowser();
        var about = await reader.GetAsync("/about", expectOk: true);
        Assert.StartsWith("mailto:", about.GetElementById("contact")!.GetAttribute("href"));
        Assert.NotNull(about.GetElementById("corrections"));

        var admin = await factory.SignedInAsync($"einstellungen-{Guid.NewGuid():N}@example.org", Roles.Admin);
        var form = await admin.GetAsync("/admin/settings", expectOk: true);
        var invalid = await admin.SubmitAsync(form, "settings-form", ("Input.ContactEmail", "keine-adresse"));
        Assert.Contains("not a valid email address", (await Html.ParseAsync(invalid)).Errors());

        var saved = await admin.SubmitAsync(form, "settings-form", ("Input.PublisherName", "Faktencheck-Redaktion Nord"),
            ("Input.ContactEmail", "korrektur@example.org"), ("Input.MethodologyHtml", "<p>Wir prüfen <strong>jede</strong> Quelle.</p><script>alert(1)</script>"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var statuses = await reader.GetAsync("/statuses", expectOk: true);
        Assert.Equal("<p>Wir prüfen <strong>jede</strong> Quelle.</p>", statuses.QuerySelector(".rich-text")!.InnerHtml);
        Assert.Equal("About Faktencheck-Redaktion Nord", (await reader.GetAsync("/about", expectOk: true)).QuerySelector("h1")!.TextContent);
        Assert.Equal("korrektur@example.org", await factory.WithDbAsync(db => db.SiteSettings.Select(s => s.ContactEmail).SingleAsync()));
    }
}
