using Microsoft.Playwright;

namespace ClaimTracker.BrowserTests;

/// <summary>
/// The desk's yardstick (issue 25): the seed arms-transfer claim logged end to end through the UI by two staff members —
/// the claim in German with its translation, four actors typed by their English names, four articles (one cited twice, for
/// the accusation and for the denial), one joint denial by Pyongyang and Moscow, three status changes with Markdown
/// rationales, submit, sent back with a comment, fixed, approved with a comment — then read by a reader without JavaScript.
/// It counts what the desk had to do: page loads, form submissions, fields filled (README, "Logging a claim").
/// </summary>
public sealed class SeedScenarioJourney(ITestOutputHelper output)
{
    private const string EditorEmail = "szenario-redaktion@example.org";
    private const string ReviewerEmail = "szenario-pruefung@example.org";
    private const string Password = "Seed-Szenario, vier Augen";
    private const string Headline = "Nordkorea versorgt Russland mit Artillerie und Raketen (Szenario)";

    /// <summary>What one person did on the desk: every main-frame navigation is a page load; a POST one is a form sent.</summary>
    private sealed class Desk
    {
        public required IPage Page { get; init; }

        public int Loads { get; set; }

        public int Submissions { get; set; }

        public int Fields { get; set; }

        public void Watch() => Page.Request += (_, request) =>
        {
            if (request.IsNavigationRequest && request.Frame == Page.MainFrame)
            {
                Loads++;
                Submissions += request.Method == "POST" ? 1 : 0;
            }
        };

        public async Task FillAsync(string selector, string value)
        {
            await Page.FillAsync(selector, value);
            Fields++;
        }

        public async Task CheckAsync(string selector)
        {
            await Page.CheckAsync(selector);
            Fields++;
        }

        /// <summary>Chooses the option whose text contains <paramref name="text"/>, as a person reading the list does.</summary>
        public async Task ChooseAsync(string select, string text)
        {
            var value = await Page.Locator($"{select} option", new PageLocatorOptions { HasTextString = text }).First.GetAttributeAsync("value");
            await Page.SelectOptionAsync(select, value!);
            Fields++;
        }
    }

    [Fact]
    public async Task TwoStaffMembers_LogTheSeedArmsClaim_InAtMostThirtyFormSubmissions_AndReadersSeeIt()
    {
        BrowserSession.RequireChromium();
        await using var app = await AppProcess.StartAsync();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BrowserSession.LaunchAsync(playwright);
        var admin = await NewPageAsync(browser, app);
        await BrowserSession.SignInAsync(admin, app.DemoAdminEmail, app.DemoAdminPassword);
        var editor = new Desk { Page = await BrowserSession.OnboardAsync(browser, app, admin, EditorEmail, "#role-editor", Password) };
        var reviewer = new Desk { Page = await BrowserSession.OnboardAsync(browser, app, admin, ReviewerEmail, "#role-reviewer", Password) };
        editor.Watch();
        reviewer.Watch();
        var e = editor.Page;

        // The claim: German original with its translation, actors by the names an English-speaking editor types.
        await e.ClickAsync("#nav-editor");
        await e.ClickAsync("#new-claim");
        await editor.FillAsync("#Input_Headline", Headline);
        await editor.FillAsync("#Input_OriginalText", "US-amerikanische und südkoreanische Beamte haben Nordkorea wiederholt beschuldigt, Russland mit militärischer Ausrüstung wie Artillerie und Raketen zu versorgen.");
        await editor.FillAsync("#Input_Translation", "US and South Korean officials have repeatedly accused North Korea of supplying Russia with military equipment such as artillery and missiles.");
        await editor.FillAsync("#Input_FirstMadeOn", "2023-08-15");
        await editor.FillAsync("#Input_AddClaimants", "South Korea; USA");
        // Suggestions as the editor types: the name being typed is completed, the ones before it kept.
        await e.Locator("#Input_AddSubjects").PressSequentiallyAsync("North Korea; Russ");
        await Assertions.Expect(e.Locator("#Input_AddSubjects + datalist option[value='North Korea; Russland']")).ToHaveCountAsync(1);
        await editor.FillAsync("#Input_AddSubjects", "North Korea; Russia");
        await editor.FillAsync("#Input_Summary", "Zuerst ein **Verdacht der USA**, dann von beiden Staaten dementiert.");
        await e.ClickAsync("#claim-submit");
        // The demo data holds the same arms claim; this is the desk's own record of it, so: a different claim.
        await Assertions.Expect(e.Locator("#similar-claims")).ToBeVisibleAsync();
        await editor.CheckAsync("#confirm-new");
        await e.ClickAsync("#claim-submit");
        await Assertions.Expect(e.Locator("#claim-headline")).ToHaveTextAsync(Headline);
        var claimPage = e.Url;

        // Four articles from the library; article 001 reports the accusation and the denial: cited twice.
        foreach (var (article, stance, quote) in new[]
                 {
                     ("Seed-Text 004", "Context", "Nach Einschätzung der USA bemüht sich Moskau um Waffenlieferungen."),
                     ("Kim Jong Un: Warum", "Supports", "Die USA werfen Nordkorea Waffenlieferungen an Russland vor."),
                     ("Seed-Text 001", "Supports", "US-amerikanische und südkoreanische Beamte haben Nordkorea wiederholt beschuldigt"),
                     ("Seed-Text 001", "ReportsDenial", "Dennoch wurden solche Vorwürfe sowohl von Pjöngjang als auch von Moskau dementiert."),
                     ("Seed-Text 003", "Supports", "Die USA, Südkorea und andere sagen, Nordkorea habe auch Artilleriesysteme, Raketen und andere konventionelle Waffen geliefert"),
                 })
        {
            await e.ClickAsync("#add-source");
            await editor.ChooseAsync("#Link_SourceId", article);
            await e.SelectOptionAsync("#Link_Stance", stance);
            editor.Fields++;
            await editor.FillAsync("#Link_Quote", quote);
            await e.ClickAsync("#attach-submit");
            await Assertions.Expect(e.Locator("#claim-headline")).ToHaveTextAsync(Headline);
        }
        await Assertions.Expect(e.Locator("#sources li.source")).ToHaveCountAsync(5);

        // One joint denial: both subjects ticked, the quote typed once.
        await e.ClickAsync("#add-statement");
        await editor.CheckAsync("#speakers label:has-text('Nordkorea') input");
        await editor.CheckAsync("#speakers label:has-text('Russland') input");
        await e.SelectOptionAsync("#Input_Stance", "Denies");
        editor.Fields++;
        await editor.FillAsync("#Input_MadeOn", "2024-06-18");
        await editor.FillAsync("#Input_Quote", "Dennoch wurden solche Vorwürfe bezüglich Waffentransfers sowohl von Pjöngjang als auch von Moskau dementiert.");
        await editor.FillAsync("#Input_Translation", "Such allegations of arms transfers were denied by both Pyongyang and Moscow.");
        await editor.CheckAsync("#statement-form fieldset label:has-text('Seed-Text 001') input[name='Input.SourceIds']");
        await e.ClickAsync("#statement-submit");
        await Assertions.Expect(e.Locator("#statements li.statement")).ToHaveCountAsync(1);

        // Three status changes as the reporting arrived, rationales in Markdown.
        foreach (var (status, date, rationale, source) in new[]
                 {
                     ("Open", "2023-08-15", "Ein *Verdacht* der USA: Moskau suche Waffen bei seinem Verbündeten.", "Seed-Text 004"),
                     ("Unproven", "2023-09-04", "Vorwürfe der USA, **beide Staaten dementieren**; ob geliefert wurde, ist unklar.", "Kim Jong Un: Warum"),
                     ("Corroborated", "2024-11-30", "Nach Einschätzung der USA, Südkoreas und anderer **geliefert**:\n\n- Artilleriesysteme\n- Raketen", "Seed-Text 003"),
                 })
        {
            await e.ClickAsync("#change-status");
            await editor.ChooseAsync("#Input_StatusId", status);
            await editor.FillAsync("#Input_EffectiveOn", date);
            await editor.FillAsync("#Input_Rationale", rationale);
            await editor.CheckAsync($"#status-form fieldset label:has-text('{source}') input");
            await e.ClickAsync("#status-submit");
            await Assertions.Expect(e.Locator("#claim-headline")).ToHaveTextAsync(Headline);
        }
        await Assertions.Expect(e.Locator(".claim-status .status-badge")).ToHaveTextAsync("Corroborated");

        await editor.FillAsync("#comment", "Seed-Szenario: bitte prüfen.");
        await e.ClickAsync("#submit-review");
        await Assertions.Expect(e.Locator("#workflow-summary")).ToContainTextAsync("In review");

        // The reviewer is told, reads what readers will get, and sends it back with a comment.
        var r = reviewer.Page;
        await r.ReloadAsync();
        await Assertions.Expect(r.Locator("#unread-count")).ToHaveTextAsync("1");
        await r.ClickAsync("#nav-inbox");
        await r.ClickAsync("#notifications li.unread button");
        await r.ClickAsync("#compare-link");
        await Assertions.Expect(r.Locator("#reader-preview .statement")).ToHaveCountAsync(1);
        await Assertions.Expect(r.Locator("#reader-preview #timeline .rich-text strong").First).ToHaveTextAsync("geliefert");
        await reviewer.FillAsync("#comment", "Die Zusammenfassung nennt Südkorea nicht.");
        await r.ClickAsync("#send-back");
        await Assertions.Expect(r.Locator(".status-message")).ToContainTextAsync("Sent back");

        // The editor is told, fixes the summary, submits again.
        await e.ReloadAsync();
        await e.ClickAsync("#nav-inbox");
        await Assertions.Expect(e.Locator("#notifications li.unread")).ToContainTextAsync("Südkorea nicht");
        await e.ClickAsync("#notifications li.unread button");
        await e.ClickAsync("#edit-claim");
        await editor.FillAsync("#Input_Summary", "Zuerst ein **Verdacht der USA**, später nach Einschätzung der USA und **Südkoreas** geliefert; beide Staaten dementieren.");
        await e.ClickAsync("#claim-submit");
        await editor.FillAsync("#comment", "Südkorea ergänzt.");
        await e.ClickAsync("#submit-review");
        await Assertions.Expect(e.Locator("#workflow-summary")).ToContainTextAsync("In review");

        // Approved with the reviewer's own comment.
        await r.ClickAsync("#nav-inbox");
        await r.ClickAsync("#notifications li.unread button");
        await r.ClickAsync("#compare-link");
        await reviewer.FillAsync("#approvalComment", "Gut belegt, freigegeben.");
        await r.ClickAsync("#approve");
        await Assertions.Expect(r.Locator(".status-message")).ToHaveTextAsync("Approved: readers see this version now.");

        // A reader without JavaScript: one joint denial naming both, the rationales formatted.
        var readerContext = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseAddress.ToString(), JavaScriptEnabled = false });
        var reader = await readerContext.NewPageAsync();
        await reader.GotoAsync("/claims?q=Szenario");
        await reader.ClickAsync($"text={Headline}");
        await Assertions.Expect(reader.Locator("li.statement")).ToHaveCountAsync(1);
        await Assertions.Expect(reader.Locator("li.statement strong")).ToHaveTextAsync("Nordkorea and Russland");
        await Assertions.Expect(reader.Locator("#timeline li ul li")).ToHaveTextAsync(["Artilleriesysteme", "Raketen"]);
        await Assertions.Expect(reader.Locator("#timeline em")).ToHaveTextAsync("Verdacht");
        await Assertions.Expect(reader.Locator("#sources li.source")).ToHaveCountAsync(5);
        await Assertions.Expect(reader.Locator(".rich-text strong", new PageLocatorOptions { HasTextString = "Südkoreas" })).ToHaveCountAsync(1);
        await BrowserSession.ScreenshotAsync(reader, "40-seed-scenario-public-page");
        await e.GotoAsync(claimPage);

        var (loads, submissions, fields) = (editor.Loads + reviewer.Loads, editor.Submissions + reviewer.Submissions, editor.Fields + reviewer.Fields);
        var figures = $"seed scenario: {submissions} form submissions, {loads} page loads, {fields} fields filled " +
                      $"(editor {editor.Submissions}/{editor.Loads}/{editor.Fields}, reviewer {reviewer.Submissions}/{reviewer.Loads}/{reviewer.Fields})";
        output.WriteLine(figures);
        await File.WriteAllTextAsync(Path.Combine(BrowserSession.ScreenshotDirectory, "seed-scenario-figures.txt"), figures + "\n");
        Assert.True(submissions <= 30, figures);
    }

    private static async Task<IPage> NewPageAsync(IBrowser browser, AppProcess app) =>
        await (await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseAddress.ToString() })).NewPageAsync();
}
