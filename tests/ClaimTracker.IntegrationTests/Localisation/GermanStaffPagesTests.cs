using System.Text.RegularExpressions;
using AngleSharp.Dom;
using ClaimTracker.Domain.Accounts;
using ClaimTracker.Infrastructure.Seeding;
using ClaimTracker.IntegrationTests.Infrastructure;

namespace ClaimTracker.IntegrationTests.Localisation;

/// <summary>
/// A desk that reads German works in German: the staff pages follow the browser's language (or the switch in the footer)
/// like the reader pages, headings, labels, buttons and menus included, and the form's messages too.
/// </summary>
public sealed partial class GermanStaffPagesTests(DevelopmentFactory factory) : IClassFixture<DevelopmentFactory>
{
    [Fact]
    public async Task GermanBrowser_GetsEveryStaffPageInGerman_WithoutEnglishInItsHeadingsLabelsAndButtons()
    {
        var desk = await GermanDeskAsync();
        var id = await ArmsClaimIdAsync();
        var english = new List<string>();

        foreach (var path in ClaimTracker.Tests.Shared.StaffPages.For(id))
        {
            var page = await desk.GetAsync(path, expectOk: true);
            Assert.Equal("de", page.DocumentElement.GetAttribute("lang"));
            // What the page itself says, not what the desk wrote (German demo claims, people's addresses).
            foreach (var element in page.QuerySelectorAll("main h1, main h2, main h3, main label, main legend, main button, main th, main summary, nav a, nav summary, main .hint"))
            {
                var text = Regex.Replace(OwnText(element), @"\s+", " ").Trim();
                if (EnglishWord().IsMatch(text) && !IsDeskData(element))
                {
                    english.Add($"{path} <{element.LocalName}>: {text}");
                }
            }
        }

        Assert.True(english.Count == 0, "English on German staff pages:" + Environment.NewLine + string.Join(Environment.NewLine, english));
    }

    [Fact]
    public async Task GermanDesk_SeesItsMenuHeadingsAndStateInGerman()
    {
        var desk = await GermanDeskAsync();
        var id = await ArmsClaimIdAsync();

        var workspace = await desk.GetAsync("/editor", expectOk: true);
        Assert.Equal("Übersicht", workspace.QuerySelector("h1")!.TextContent);
        Assert.Equal("Prüfen", workspace.GetElementById("nav-reviews")!.TextContent);
        Assert.Equal("Bibliothek", workspace.GetElementById("nav-library")!.TextContent);
        Assert.Equal("Abmelden", workspace.QuerySelector("#logout-form button")!.TextContent);

        var details = await desk.GetAsync($"/editor/claims/details/{id}", expectOk: true);
        Assert.Equal("Prüfung und Veröffentlichung", details.GetElementById("workflow-heading")!.TextContent);
        Assert.Equal("öffentlich", details.GetElementById("visibility")!.TextContent);
        Assert.StartsWith("Leser sehen Fassung", details.GetElementById("review-state")!.TextContent);
        Assert.Equal("Stellungnahme hinzufügen", details.GetElementById("add-statement")!.TextContent);
        Assert.Contains("Bestritten von", details.QuerySelectorAll("#statements h3").Select(h => h.TextContent));
    }

    [Fact]
    public async Task GermanForm_SaysWhatIsWrong_InGerman_NextToTheField()
    {
        var desk = await GermanDeskAsync();
        var form = await desk.GetAsync("/editor/claims/new", expectOk: true);

        var answer = await Html.ParseAsync(await desk.SubmitAsync(form, "claim-form", ("Input.Headline", ""), ("Input.OriginalText", "")));

        Assert.Contains("Geben Sie eine Überschrift ein.", answer.Errors());
        Assert.Contains("Geben Sie die Behauptung im Wortlaut ein.", answer.Errors());
        Assert.Equal("Neue Behauptung erfassen", answer.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task EnglishBrowser_KeepsTheEnglishDesk()
    {
        var desk = await factory.SignedInAsync("english.admin@example.org", Roles.Admin, Roles.Editor, Roles.Reviewer);
        desk.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");

        var workspace = await desk.GetAsync("/editor", expectOk: true);

        Assert.Equal("en", workspace.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Workspace", workspace.QuerySelector("h1")!.TextContent);
        Assert.Equal("Review queue", workspace.GetElementById("nav-reviews")!.TextContent);
    }

    private async Task<HttpClient> GermanDeskAsync([System.Runtime.CompilerServices.CallerMemberName] string test = "")
    {
        var desk = await factory.SignedInAsync($"{test.Split('_')[0].ToLowerInvariant()}.{test.Length}@example.org", Roles.Admin, Roles.Editor, Roles.Reviewer);
        desk.DefaultRequestHeaders.AcceptLanguage.ParseAdd("de-DE,de;q=0.9");
        return desk;
    }

    private Task<int> ArmsClaimIdAsync() =>
        factory.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(
            db.Claims.Where(c => c.Slug == DemoData.ArmsSlug).Select(c => c.Id)));

    /// <summary>The element's text without what its form fields hold (a label around a textarea of English descriptions).</summary>
    private static string OwnText(IElement element)
    {
        var copy = (IElement)element.Clone(deep: true);
        foreach (var field in copy.QuerySelectorAll("textarea, select, input").ToList())
        {
            field.Remove();
        }
        return copy.TextContent;
    }

    /// <summary>Text the desk typed (headlines, source titles, quotes) or an address, inside a page element.</summary>
    private static bool IsDeskData(IElement element) =>
        element.QuerySelector("a[href^='/editor/claims/details'], a[href^='http'], blockquote, code") is not null
        || element.Closest("#claim-headline") is not null;

    /// <summary>Small English words that German text never contains on its own.</summary>
    [GeneratedRegex(@"\b(the|and|of|with|your|this|from|is|are|to|for|by|not|or|yet|none|new)\b")]
    private static partial Regex EnglishWord();
}
