using Microsoft.Playwright;

namespace ClaimTracker.BrowserTests;

/// <summary>
/// The four-eye path on the demo data: an editor revises the arms claim and submits it; readers keep
/// the approved version; the editor cannot approve their own work; a reviewer compares and approves;
/// the editor then fixes an error as a correction, which readers see atop the page, on /corrections
/// and with the earlier version still readable.
/// </summary>
public sealed class ReviewAndCorrectionJourney
{
    private const string EditorEmail = "redaktion-vier-augen@example.org";
    private const string ReviewerEmail = "pruefung-vier-augen@example.org";
    private const string Password = "Vier Augen sehen mehr";
    private const string ArmsSlug = "nordkorea-liefert-russland-artillerie-und-raketen";
    private const string Original = "Nordkorea liefert Russland Artillerie und Raketen";
    private const string Revised = "Nordkorea liefert Russland Artillerie, Raketen und Luftabwehr-Hilfe";
    private const string Corrected = "Nordkorea liefert Russland Artillerie und Raketen; Russland liefert Luftabwehr";
    private const string CorrectionNote = "Die Luftabwehrsysteme lieferte laut Shin Wonsik Russland an Nordkorea, nicht umgekehrt (Seed-Text 003).";

    [Fact]
    public async Task Editor_Submits_Reviewer_Approves_Readers_SeeTheUpdateAndLaterTheCorrection()
    {
        BrowserSession.RequireChromium();
        await using var app = await AppProcess.StartAsync();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BrowserSession.LaunchAsync(playwright);
        var admin = await SignInAsync(browser, app, app.DemoAdminEmail, app.DemoAdminPassword);
        var editor = await BrowserSession.OnboardAsync(browser, app, admin, EditorEmail, "#role-editor", Password);
        var reviewer = await BrowserSession.OnboardAsync(browser, app, admin, ReviewerEmail, "#role-reviewer", Password);
        var readerContext = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseAddress.ToString(), JavaScriptEnabled = false });
        var reader = await readerContext.NewPageAsync();

        // The editor revises the published arms claim: a pending revision, invisible to readers.
        await editor.GotoAsync("/editor/claims?q=Artillerie");
        await editor.Locator("a", new PageLocatorOptions { HasTextString = Original }).First.ClickAsync();
        var details = editor.Url;
        await editor.ClickAsync("#edit-claim");
        await editor.FillAsync("#Input_Headline", Revised);
        await editor.ClickAsync("#claim-submit");
        await Assertions.Expect(editor.Locator("#review-state")).ToContainTextAsync("pending revision");
        await editor.FillAsync("#comment", "Neue Überschrift nach Seed-Text 003.");
        await editor.ClickAsync("#submit-review");
        await Assertions.Expect(editor.Locator("#workflow-summary")).ToContainTextAsync("In review");
        await BrowserSession.ScreenshotAsync(editor, "30-editor-submitted-revision");
        await reader.GotoAsync($"/claims/{ArmsSlug}");
        await Assertions.Expect(reader.Locator("#claim-headline")).ToHaveTextAsync(Original);

        // Four eyes: the author is told another reviewer must approve.
        await editor.ClickAsync("#compare-link");
        await Assertions.Expect(editor.Locator("#diff")).ToContainTextAsync("Luftabwehr-Hilfe");
        await Assertions.Expect(editor.Locator("#approve-form")).ToHaveCountAsync(0);

        // The reviewer finds it in the queue, compares, approves.
        await reviewer.ClickAsync("#nav-reviews");
        await reviewer.Locator("#review-queue a", new PageLocatorOptions { HasTextString = Revised }).ClickAsync();
        await Assertions.Expect(reviewer.Locator("#diff tbody ins").Last).ToContainTextAsync("Luftabwehr-Hilfe");
        await BrowserSession.ScreenshotAsync(reviewer, "31-reviewer-compares-revision");
        await reviewer.ClickAsync("#approve");
        await Assertions.Expect(reviewer.Locator(".status-message")).ToHaveTextAsync("Approved: readers see this version now.");
        await reader.GotoAsync($"/claims/{ArmsSlug}");
        await Assertions.Expect(reader.Locator("#claim-headline")).ToHaveTextAsync(Revised);
        await BrowserSession.ScreenshotAsync(reader, "32-reader-sees-approved-update");

        // The editor fixes an error in what was published: a correction with a public note.
        await editor.GotoAsync(details);
        await editor.ClickAsync("#edit-claim");
        await editor.FillAsync("#Input_Headline", Corrected);
        await editor.ClickAsync("#claim-submit");
        await editor.CheckAsync("#as-correction");
        await editor.FillAsync("#correctionNote", CorrectionNote);
        await editor.ClickAsync("#submit-review");
        await Assertions.Expect(editor.Locator("#workflow-summary")).ToContainTextAsync("as a correction");
        await reviewer.ClickAsync("#nav-reviews");
        await reviewer.Locator("#review-queue a", new PageLocatorOptions { HasTextString = Corrected }).ClickAsync();
        await Assertions.Expect(reviewer.Locator("#pending-correction")).ToContainTextAsync(CorrectionNote);
        await reviewer.ClickAsync("#approve");

        await reader.GotoAsync($"/claims/{ArmsSlug}");
        await Assertions.Expect(reader.Locator("#corrections")).ToContainTextAsync(CorrectionNote);
        await Assertions.Expect(reader.Locator("#claim-headline")).ToHaveTextAsync(Corrected);
        await BrowserSession.ScreenshotAsync(reader, "33-reader-sees-correction-atop");
        await reader.GotoAsync("/corrections");
        await Assertions.Expect(reader.Locator("#corrections-table")).ToContainTextAsync(CorrectionNote);
        await BrowserSession.ScreenshotAsync(reader, "34-corrections-page");
        await reader.GotoAsync($"/claims/{ArmsSlug}/versions");
        // The demo data published the claim twice (June and November 2024); the journey added two versions.
        await Assertions.Expect(reader.Locator("#versions tbody tr")).ToHaveCountAsync(4);
        await BrowserSession.ScreenshotAsync(reader, "35-versions");
        await reader.GotoAsync($"/claims/{ArmsSlug}/versions/1");
        await Assertions.Expect(reader.Locator("#claim-headline")).ToHaveTextAsync(Original);
        await Assertions.Expect(reader.Locator("#old-version")).ToBeVisibleAsync();
        await BrowserSession.ScreenshotAsync(reader, "36-earlier-version");

        // The editor's claim page tells the whole story.
        await editor.GotoAsync(details);
        await Assertions.Expect(editor.Locator("#workflow-history tbody tr")).ToHaveCountAsync(6);
        await BrowserSession.ScreenshotAsync(editor, "37-workflow-history");
    }

    private static async Task<IPage> SignInAsync(IBrowser browser, AppProcess app, string email, string password)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseAddress.ToString() });
        var page = await context.NewPageAsync();
        await BrowserSession.SignInAsync(page, email, password);
        await Assertions.Expect(page.Locator("#logout-form")).ToHaveCountAsync(1);
        return page;
    }
}
