using System.Net;
using ClaimTracker.Infrastructure.Seeding;
using ClaimTracker.IntegrationTests.Infrastructure;

namespace ClaimTracker.IntegrationTests.Public;

public sealed class LanguageTests(DevelopmentFactory factory) : IClassFixture<DevelopmentFactory>
{
    [Fact]
    public async Task GermanBrowser_GetsGermanPagesLabelsAndDates()
    {
        var reader = factory.CreateBrowser();
        reader.DefaultRequestHeaders.AcceptLanguage.ParseAdd("de-DE,de;q=0.9,en;q=0.5");

        var page = await reader.GetAsync($"/claims/{DemoData.ArmsSlug}", expectOk: true);

        Assert.Equal("de", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Erhärtet", page.QuerySelector(".verdict .status-badge")!.TextContent);
        Assert.Contains("Mehrere unabhängige Quellen", page.GetElementById("status-explanation")!.TextContent);
        Assert.Equal("Wie sich der Status verändert hat", page.GetElementById("timeline-heading")!.TextContent);
        Assert.Equal("30. November 2024", page.QuerySelector("#timeline > li > strong time")!.TextContent);
        Assert.Equal("Wo Behauptungen stehen", (await reader.GetAsync("/", expectOk: true)).QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task EnglishBrowser_GetsEnglish_EvenRightAfterAGermanReaderFilledTheCache()
    {
        var german = factory.CreateBrowser();
        german.DefaultRequestHeaders.AcceptLanguage.ParseAdd("de");
        await german.GetAsync($"/claims/{DemoData.ArmsSlug}");
        await german.GetAsync($"/claims/{DemoData.ArmsSlug}");
        var english = factory.CreateBrowser();
        english.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-GB");

        var page = await english.GetAsync($"/claims/{DemoData.ArmsSlug}", expectOk: true);

        Assert.Equal("en", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Corroborated", page.QuerySelector(".verdict .status-badge")!.TextContent);
        Assert.Equal("30 November 2024", page.QuerySelector("#timeline > li > strong time")!.TextContent);
    }

    [Fact]
    public async Task LanguageSwitch_IsRemembered_AndGoesBackToTheSamePage()
    {
        var reader = factory.CreateBrowser();
        reader.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var home = await reader.GetAsync("/statuses", expectOk: true);
        var link = home.QuerySelector("#language-switch a[hreflang=de]")!.GetAttribute("href")!;

        var switched = await reader.GetAsync(link);

        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        Assert.Equal("/statuses", switched.Headers.Location!.OriginalString);
        var page = await reader.GetAsync("/statuses", expectOk: true);
        Assert.Equal("Was die Bewertungen bedeuten", page.QuerySelector("h1")!.TextContent);
        Assert.Contains("4 von 5", page.GetElementById("scale")!.TextContent);
    }

    [Fact]
    public async Task LanguageSwitch_WithForeignReturnUrl_GoesHome()
    {
        var response = await factory.CreateBrowser().GetAsync("/language?culture=de&returnUrl=%2F%2Fevil.example");
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }
}
