using System.Net;
using ClaimTracker.Domain.Accounts;
using ClaimTracker.IntegrationTests.Infrastructure;
using static ClaimTracker.IntegrationTests.Infrastructure.TestNames;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ClaimTracker.IntegrationTests.Workflow;

/// <summary>The four-eye workflow through the real pages: submit, approve, send back, revisions, corrections, versions.</summary>
public sealed class ReviewWorkflowTests(ClaimTrackerFactory factory) : IClassFixture<ClaimTrackerFactory>
{
    [Fact]
    public async Task Editor_SubmitsOwnClaim_AndCannotApproveIt_NorCanAnAdminWhoWroteIt()
    {
        var editorEmail = Email("autorin");
        var editor = await factory.SignedInAsync(editorEmail, Roles.Editor, Roles.Reviewer);
        var id = await factory.CreateClaimAsync(Unique("Selbstfreigabe Behauptung"), by: editorEmail);
        var slug = await SlugAsync(id);

        var submitted = await editor.SubmitAsync(await editor.GetAsync($"/editor/claims/details/{id}", expectOk: true), "submit-form",
            ("comment", "Bitte prüfen: Quelle 003."));
        Assert.Equal("Submitted: a reviewer who did not write it will approve it or send it back.", (await editor.FollowAsync(submitted)).Status());

        var review = await editor.GetAsync($"/editor/claims/review/{id}", expectOk: true);
        Assert.Null(review.GetElementById("approve-form"));
        Assert.Contains("four-eye", review.GetElementById("cannot-approve")!.TextContent);
        var forced = await Html.ParseAsync(await editor.PostAsync($"/editor/claims/review/{id}?handler=Approve", new FormUrlEncodedContent(
        [
            new("__RequestVerificationToken", Token(review)), new("version", review.QuerySelector("#send-back-form input[name=version]")!.GetAttribute("value")!),
        ])));
        Assert.Contains("four-eye", forced.Errors());
        Assert.Equal(HttpStatusCode.NotFound, (await factory.CreateBrowser().GetAsync($"/claims/{slug}")).StatusCode);

        var adminEmail = Email("admin-autor");
        var admin = await factory.SignedInAsync(adminEmail, Roles.Admin);
        var adminsClaim = await factory.CreateClaimAsync(Unique("Admin schreibt selbst"), by: adminEmail);
        await admin.SubmitAsync(await admin.GetAsync($"/editor/claims/details/{adminsClaim}", expectOk: true), "submit-form");
        var adminReview = await admin.GetAsync($"/editor/claims/review/{adminsClaim}", expectOk: true);
        Assert.Null(adminReview.GetElementById("approve-form"));
        Assert.Contains("four-eye", adminReview.GetElementById("cannot-approve")!.TextContent);
        Assert.False(await factory.WithDbAsync(db => db.Claims.Where(c => c.Id == adminsClaim).Select(c => c.IsPublic).SingleAsync()));
    }

    [Fact]
    public async Task EditorWithoutReviewerRole_CannotApproveSomeoneElsesClaim()
    {
        var id = await factory.CreateClaimAsync(Unique("Fremde Behauptung"));
        await SubmitAsBuilderAsync(id);
        var editor = await factory.SignedInAsync(Email("nur-redakteur"), Roles.Editor);

        var review = await editor.GetAsync($"/editor/claims/review/{id}", expectOk: true);

        Assert.Equal("Only reviewers and admins approve claims.", review.GetElementById("cannot-approve")!.TextContent);
        Assert.Null(review.GetElementById("send-back-form"));
    }

    [Fact]
    public async Task ReviewersApproval_PublishesTheClaim_AndIsRecordedInHistoryAndAuditLog()
    {
        var headline = Unique("Freigegebene Behauptung");
        var id = await factory.CreateClaimAsync(headline);
        var slug = await SlugAsync(id);
        await SubmitAsBuilderAsync(id, "Erste Fassung");
        var reviewerEmail = Email("pruefer");
        var reviewer = await factory.SignedInAsync(reviewerEmail, Roles.Reviewer);

        var review = await reviewer.GetAsync($"/editor/claims/review/{id}", expectOk: true);
        Assert.Contains("First publication", review.GetElementById("review-summary")!.TextContent);
        Assert.Contains(headline, review.GetElementById("diff")!.TextContent);
        var approved = await reviewer.FollowAsync(await reviewer.SubmitAsync(review, "approve-form", ("approvalComment", "Quellen geprüft, passt.")));

        Assert.Equal("Approved: readers see this version now.", approved.Status());
        var history = approved.GetElementById("workflow-history")!.TextContent;
        Assert.Contains("submitted for review", history);
        Assert.Contains("approved and published (version 1)", history);
        Assert.Contains(reviewerEmail, history);
        // Every note under its writer: the author's with the submission, the reviewer's with the approval.
        var rows = approved.QuerySelectorAll("#workflow-history tbody tr").Select(r => r.TextContent).ToList();
        var submitted = Assert.Single(rows, r => r.Contains("submitted for review"));
        var approval = Assert.Single(rows, r => r.Contains("approved and published"));
        Assert.Contains("Erste Fassung", submitted);
        Assert.Contains("Quellen geprüft, passt.", approval);
        Assert.DoesNotContain("Erste Fassung", approval);
        var reader = factory.CreateBrowser();
        Assert.Equal(headline, (await reader.GetAsync($"/claims/{slug}", expectOk: true)).GetElementById("claim-headline")!.TextContent);
        var audit = await factory.WithDbAsync(db => db.AuditEntries.Where(e => e.Target == slug).Select(e => e.Action.ToString() + " " + e.Actor).ToListAsync());
        Assert.Contains($"ClaimApproved {reviewerEmail}", audit);
        Assert.Contains("ClaimSubmitted builder@example.org", audit);
    }

    [Fact]
    public async Task PendingRevision_StaysInvisibleToReaders_UntilAReviewerApprovesIt()
    {
        const string original = "Nordkorea liefert Russland Granaten";
        var id = await factory.CreateClaimAsync(Unique(original), topics: "Revisionen");
        var slug = await factory.PublishAsync(id);
        var published = await HeadlineAsync(id);
        var revised = Unique("Nordkorea liefert Russland Artilleriegranaten und Raketen");
        var editor = await factory.SignedInAsync(Email("revision"), Roles.Editor);
        await editor.SubmitAsync(await editor.GetAsync($"/editor/claims/edit/{id}", expectOk: true), "claim-form", ("Input.Headline", revised));
        await factory.SetStatusAsync(id, "corroborated", new DateOnly(2024, 11, 30));

        var reader = factory.CreateBrowser();
        foreach (var path in new[] { $"/claims/{slug}", $"/api/claims/{slug}", $"/claims/{slug}/feed.atom", "/feeds/claims.atom", "/claims", "/", "/topics/revisionen", $"/claims/{slug}/embed", $"/claims/{slug}/badge.svg" })
        {
            Assert.DoesNotContain("Artilleriegranaten", await (await reader.GetAsync(path)).Content.ReadAsStringAsync());
        }
        foreach (var path in new[] { $"/api/claims/{slug}", $"/claims/{slug}/feed.atom", $"/claims/{slug}/embed", $"/claims/{slug}/badge.svg" })
        {
            Assert.DoesNotContain("Corroborated", await (await reader.GetAsync(path)).Content.ReadAsStringAsync());
        }
        Assert.DoesNotContain("Corroborated", (await reader.GetAsync($"/claims/{slug}", expectOk: true)).GetElementById("claim")!.TextContent);
        Assert.Equal(published, (await reader.GetAsync($"/claims/{slug}", expectOk: true)).GetElementById("claim-headline")!.TextContent);

        var details = await editor.GetAsync($"/editor/claims/details/{id}", expectOk: true);
        Assert.StartsWith("pending revision", details.GetElementById("review-state")!.TextContent);
        var diff = (await editor.GetAsync($"/editor/claims/review/{id}", expectOk: true)).GetElementById("diff")!;
        Assert.Contains("Artilleriegranaten", string.Concat(diff.QuerySelectorAll("tbody ins").Select(i => i.TextContent)));
        Assert.Contains("Granaten", string.Concat(diff.QuerySelectorAll("tbody del").Select(d => d.TextContent)));
        Assert.Contains("Corroborated", diff.TextContent);

        await editor.SubmitAsync(await editor.GetAsync($"/editor/claims/details/{id}", expectOk: true), "submit-form");
        var reviewer = await factory.SignedInAsync(Email("revision-pruefer"), Roles.Reviewer);
        await reviewer.SubmitAsync(await reviewer.GetAsync($"/editor/claims/review/{id}", expectOk: true), "approve-form");

        var page = await reader.GetAsync($"/claims/{slug}", expectOk: true);
        Assert.Equal(revised, page.GetElementById("claim-headline")!.TextContent);
        Assert.Contains("Corroborated", page.QuerySelector(".verdict")!.TextContent);
        Assert.Contains("Artilleriegranaten", await reader.GetStringAsync($"/claims/{slug}/feed.atom"));
        Assert.Contains("Artilleriegranaten", await reader.GetStringAsync($"/api/claims/{slug}"));
    }

    [Fact]
    public async Task Correction_NeedsAPublicNote_ThenShowsAtopTheClaim_InItsFeed_AndOnTheCorrectionsPage_WithOldVersionsReadable()
    {
        var first = Unique("Russland lieferte Nordkorea Luftabwehr am 21. November");
        var id = await factory.CreateClaimAsync(first);
        var slug = await factory.PublishAsync(id);
        var editor = await factory.SignedInAsync(Email("korrektur"), Roles.Editor);
        var fixedHeadline = first.Replace("21. November", "22. November", StringComparison.Ordinal);
        await editor.SubmitAsync(await editor.GetAsync($"/editor/claims/edit/{id}", expectOk: true), "claim-form", ("Input.Headline", fixedHeadline));

        var refused = await Html.ParseAsync(await editor.SubmitAsync(await editor.GetAsync($"/editor/claims/details/{id}", expectOk: true), "submit-form",
            ("asCorrection", "true"), ("correctionNote", "")));
        Assert.Contains("write the public correction note", refused.Errors());
        Assert.Equal("true", refused.QuerySelector("#as-correction")!.HasAttribute("checked") ? "true" : "false");
        const string note = "Wir hatten den 21. November genannt; Shin Wonsik sprach am 22. November (Seed-Text 003).";
        await editor.SubmitAsync(await editor.GetAsync($"/editor/claims/details/{id}", expectOk: true), "submit-form", ("asCorrection", "true"), ("correctionNote", note));
        var reviewer = await factory.SignedInAsync(Email("korrektur-pruefer"), Roles.Reviewer);
        var review = await reviewer.GetAsync($"/editor/claims/review/{id}", expectOk: true);
        Assert.Contains(note, review.GetElementById("pending-correction")!.TextContent);
        await reviewer.SubmitAsync(review, "approve-form");

        var reader = factory.CreateBrowser();
        var page = await reader.GetAsync($"/claims/{slug}", expectOk: true);
        Assert.Contains(note, page.GetElementById("corrections")!.TextContent);
        Assert.True(page.GetElementById("corrections")!.CompareDocumentPosition(page.GetElementById("claim-headline")!).HasFlag(AngleSharp.Dom.DocumentPositions.Following),
            "The correction stands above the headline.");
        Assert.Equal(fixedHeadline, page.GetElementById("claim-headline")!.TextContent);
        var feed = System.Xml.Linq.XDocument.Parse(await reader.GetStringAsync($"/claims/{slug}/feed.atom"));
        Assert.Contains(feed.Descendants("{http://www.w3.org/2005/Atom}entry"), e => e.Element("{http://www.w3.org/2005/Atom}title")!.Value.StartsWith("Correction – ", StringComparison.Ordinal)
                                                                                    && e.Element("{http://www.w3.org/2005/Atom}summary")!.Value.Contains(note));
        var corrections = await reader.GetAsync("/corrections", expectOk: true);
        var row = corrections.QuerySelectorAll("#corrections-table tbody tr").Single(r => r.TextContent.Contains(note));
        Assert.Equal($"/claims/{slug}", row.QuerySelector("a")!.GetAttribute("href"));

        var versions = await reader.GetAsync($"/claims/{slug}/versions", expectOk: true);
        Assert.Equal(2, versions.QuerySelectorAll("#versions tbody tr").Length);
        var old = await reader.GetAsync($"/claims/{slug}/versions/1", expectOk: true);
        Assert.Equal(first, old.GetElementById("claim-headline")!.TextContent);
        Assert.NotNull(old.GetElementById("old-version"));
        Assert.Equal("noindex", old.QuerySelector("meta[name=robots]")!.GetAttribute("content"));
        Assert.Null(old.GetElementById("corrections"));
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync($"/claims/{slug}/versions/9")).StatusCode);
    }

    [Fact]
    public async Task ReviewQueue_ListsSubmissionsOldestFirst_AndDropsApprovedOnes()
    {
        using var clocked = new FakeClockFactory();
        // Made first but submitted an hour later: the queue goes by when each was submitted, not by id.
        var newer = await clocked.CreateClaimAsync(Unique("Wartet kürzer"));
        var older = await clocked.CreateClaimAsync(Unique("Wartet länger"));
        await SubmitAsBuilderAsync(clocked, older);
        clocked.Clock.Advance(TimeSpan.FromHours(1));
        await SubmitAsBuilderAsync(clocked, newer);
        var reviewer = await clocked.SignedInAsync(Email("warteschlange"), Roles.Reviewer);

        var links = (await reviewer.GetAsync("/editor/reviews", expectOk: true)).QuerySelectorAll("#review-queue tbody tr a").Select(a => a.GetAttribute("href")).ToList();
        Assert.True(links.IndexOf($"/editor/claims/review/{older}") < links.IndexOf($"/editor/claims/review/{newer}"));
        Assert.True(links.IndexOf($"/editor/claims/review/{older}") >= 0);

        await clocked.PublishAsync(older);
        var after = (await reviewer.GetAsync("/editor/reviews", expectOk: true)).QuerySelectorAll("#review-queue tbody tr a").Select(a => a.GetAttribute("href")).ToList();
        Assert.DoesNotContain($"/editor/claims/review/{older}", after);
        Assert.Contains($"/editor/claims/review/{newer}", after);
    }

    [Fact]
    public async Task SendBack_NeedsAComment_AndLandsInTheSubmittersMyWork()
    {
        var authorEmail = Email("zurueck");
        var author = await factory.SignedInAsync(authorEmail, Roles.Editor);
        var headline = Unique("Zurückgeschickte Behauptung");
        var id = await factory.CreateClaimAsync(headline, by: authorEmail);
        await author.SubmitAsync(await author.GetAsync($"/editor/claims/details/{id}", expectOk: true), "submit-form");
        var reviewer = await factory.SignedInAsync(Email("zurueck-pruefer"), Roles.Reviewer);

        var empty = await Html.ParseAsync(await reviewer.SubmitAsync(await reviewer.GetAsync($"/editor/claims/review/{id}", expectOk: true), "send-back-form", ("comment", " ")));
        Assert.Contains("Tell the author what to change.", empty.Errors());
        await reviewer.SubmitAsync(await reviewer.GetAsync($"/editor/claims/review/{id}", expectOk: true), "send-back-form", ("comment", "Bitte Quelle 002 ergänzen."));

        var mine = await author.GetAsync("/editor/mywork", expectOk: true);
        Assert.Contains(headline, mine.GetElementById("sent-back")!.TextContent);
        var someoneElse = await factory.SignedInAsync(Email("unbeteiligt"), Roles.Editor);
        Assert.DoesNotContain(headline, (await someoneElse.GetAsync("/editor/mywork", expectOk: true)).GetElementById("sent-back")!.TextContent);
        Assert.Contains("Bitte Quelle 002 ergänzen.", (await author.GetAsync($"/editor/claims/details/{id}", expectOk: true)).GetElementById("workflow-summary")!.TextContent);
    }

    [Fact]
    public async Task Approval_OfAClaimChangedAfterTheReviewerOpenedIt_IsRefused()
    {
        var id = await factory.CreateClaimAsync(Unique("Veränderte Vorlage"));
        await SubmitAsBuilderAsync(id);
        var reviewer = await factory.SignedInAsync(Email("veraltet"), Roles.Reviewer);
        var review = await reviewer.GetAsync($"/editor/claims/review/{id}", expectOk: true);
        var editor = await factory.SignedInAsync(Email("spaet"), Roles.Editor);
        await editor.SubmitAsync(await editor.GetAsync($"/editor/claims/edit/{id}", expectOk: true), "claim-form", ("Input.Headline", Unique("Nachträglich geändert")));

        var refused = await Html.ParseAsync(await reviewer.SubmitAsync(review, "approve-form"));

        Assert.Contains("after you opened it", refused.Errors());
        Assert.False(await factory.WithDbAsync(db => db.Claims.Where(c => c.Id == id).Select(c => c.IsPublic).SingleAsync()));
    }

    [Fact]
    public async Task Reviewer_ReadsTheDeskButCannotChangeClaims_ExceptThroughTheReview()
    {
        var id = await factory.CreateClaimAsync(Unique("Nur lesen"));
        var reviewer = await factory.SignedInAsync(Email("leser"), Roles.Reviewer);
        var details = await reviewer.GetAsync($"/editor/claims/details/{id}", expectOk: true);
        Assert.Null(details.GetElementById("edit-claim"));
        Assert.Null(details.GetElementById("submit-form"));

        var assign = await reviewer.PostAsync($"/editor/claims/details/{id}?handler=Assign",
            new FormUrlEncodedContent([new("__RequestVerificationToken", Token(details)), new("assignedTo", "")]));
        Assert.Equal(HttpStatusCode.Forbidden, assign.StatusCode);
        var comment = await reviewer.SubmitAsync(details, "comment-form", ("body", "<p>Frage an die Redaktion.</p>"));
        Assert.Equal("Comment posted.", (await reviewer.FollowAsync(comment)).Status());
    }

    [Fact]
    public async Task ReviewByDates_FollowTheSiteIntervalAndStatus_AndOverdueClaimsShowOnTheDashboard()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var id = await factory.CreateClaimAsync(Unique("Wiedervorlage"));
        Assert.Equal(today.AddDays(30), await ReviewByAsync(id));

        var admin = await factory.SignedInAsync(Email("einstellungen"), Roles.Admin);
        await admin.SubmitAsync(await admin.GetAsync("/admin/settings", expectOk: true), "settings-form", ("Input.ReviewIntervalDays", "10"));
        await factory.SetStatusAsync(id, "unproven", today);
        Assert.Equal(today.AddDays(10), await ReviewByAsync(id));
        await factory.SetStatusAsync(id, "confirmed", today);
        Assert.Null(await ReviewByAsync(id));
        var refused = await Html.ParseAsync(await admin.SubmitAsync(await admin.GetAsync("/admin/settings", expectOk: true), "settings-form", ("Input.ReviewIntervalDays", "0")));
        Assert.Contains("between 1 and 730 days", refused.Errors());
        await admin.SubmitAsync(await admin.GetAsync("/admin/settings", expectOk: true), "settings-form", ("Input.ReviewIntervalDays", "30"));

        var overdueHeadline = Unique("Überfällige Behauptung");
        var overdue = await factory.CreateClaimAsync(overdueHeadline);
        var editor = await factory.SignedInAsync(Email("faellig"), Roles.Editor);
        await editor.SubmitAsync(await editor.GetAsync($"/editor/claims/edit/{overdue}", expectOk: true), "claim-form",
            ("Input.ReviewBy", today.AddDays(-3).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
        var dashboard = await editor.GetAsync("/editor", expectOk: true);
        Assert.Contains(overdueHeadline, dashboard.GetElementById("overdue")!.TextContent);
        Assert.DoesNotContain(await HeadlineAsync(id), dashboard.GetElementById("overdue")!.TextContent);
    }

    private Task SubmitAsBuilderAsync(int id, string? comment = null) => SubmitAsBuilderAsync(factory, id, comment);

    private static async Task SubmitAsBuilderAsync(ClaimTrackerFactory app, int id, string? comment = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var workflow = scope.ServiceProvider.GetRequiredService<ClaimTracker.Infrastructure.Workflow.ClaimWorkflow>();
        Assert.True((await workflow.SubmitAsync(id, "builder@example.org", comment, false, null)).Succeeded);
    }

    private Task<string> SlugAsync(int id) => factory.WithDbAsync(db => db.Claims.Where(c => c.Id == id).Select(c => c.Slug).SingleAsync());

    private Task<string> HeadlineAsync(int id) => factory.WithDbAsync(db => db.Claims.Where(c => c.Id == id).Select(c => c.Headline).SingleAsync());

    private Task<DateOnly?> ReviewByAsync(int id) => factory.WithDbAsync(db => db.Claims.Where(c => c.Id == id).Select(c => c.ReviewBy).SingleAsync());

    private static string Token(AngleSharp.Dom.IDocument page) =>
        page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
}
