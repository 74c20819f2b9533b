using System.Net;
using AngleSharp.Html.Dom;
using ClaimTracker.Domain.Accounts;
using ClaimTracker.Domain.Claims;
using ClaimTracker.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ClaimTracker.IntegrationTests.Claims;

public sealed class ClaimFormsTests(ManySignInsFactory factory) : IClassFixture<ManySignInsFactory>
{
    private const string Headline = "Nordkorea hat mehr als 10.000 Soldaten nach Russland geschickt";
    private const string Text = "Nach Einschätzungen der USA, der Ukraine und Südkoreas hat Nordkorea mehr als 10.000 Soldaten nach Russland geschickt.";

    [Fact]
    public async Task NewClaim_ValidForm_CreatesItWithItsMarkdownSummaryFormatted()
    {
        var editor = await factory.SignedInAsync($"neu-{Guid.NewGuid():N}@example.org", Roles.Editor);
        var page = await editor.GetAsync("/editor/claims/new", expectOk: true);

        var response = await editor.SubmitAsync(page, "claim-form", ("Input.Headline", "Kim verspricht „Händchen zu halten“ – Sonderfall " + Guid.NewGuid().ToString("N")[..6]),
            ("Input.OriginalText", "In einer Botschaft zum russischen Nationalfeiertag im Juni versprach Kim, Putin „Händchen zu halten“."),
            ("Input.Language", "de"), ("Input.Summary", "Zitat aus **KCNA**\n\n<script>alert(1)</script>"),
            ("Input.Topics", "Diplomatie, Symbolpolitik"), ("ConfirmedNew", "true"));

        var details = await editor.FollowAsync(response);
        Assert.StartsWith("Kim verspricht „Händchen zu halten“", details.GetElementById("claim-headline")!.TextContent);
        var summary = details.QuerySelector("#overview .rich-text")!.InnerHtml;
        Assert.Equal("<p>Zitat aus <strong>KCNA</strong></p>\n<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>", summary);
        Assert.Equal("draft", details.GetElementById("visibility")!.TextContent);
    }

    [Fact]
    public async Task NewClaim_ResemblingAnExistingOne_ShowsItAndCreatesNothingUntilConfirmed()
    {
        await factory.CreateClaimAsync(Headline, Text);
        var editor = await factory.SignedInAsync($"doppelt-{Guid.NewGuid():N}@example.org", Roles.Editor);
        var before = await factory.WithDbAsync(db => db.Claims.CountAsync());
        var page = await editor.GetAsync("/editor/claims/new", expectOk: true);

        var first = await editor.SubmitAsync(page, "claim-form", ("Input.Headline", "Nordkoreanische Soldaten kämpfen für Russland"),
            ("Input.OriginalText", "Nordkorea hat Soldaten nach Russland geschickt."), ("Input.Language", "de"));

        var suggestion = await Html.ParseAsync(first);
        Assert.Contains(Headline, suggestion.GetElementById("similar-claims")!.TextContent);
        Assert.Equal(before, await factory.WithDbAsync(db => db.Claims.CountAsync()));

        var confirmed = await editor.SubmitAsync(suggestion, "claim-form", ("ConfirmedNew", "true"));
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Equal(before + 1, await factory.WithDbAsync(db => db.Claims.CountAsync()));
    }

    [Theory]
    [InlineData("Input.Headline", "Überlang", "Headline can have at most 120 characters")]
    [InlineData("Input.Language", "deutsch", "is not a language tag")]
    [InlineData("Input.Headline", "Kim\u202Egnoj", "invisible text-direction character")]
    [InlineData("Input.Headline", "", "Enter a headline.")]
    public async Task NewClaim_BadInput_ExplainsNextToTheFieldAndCreatesNothing(string field, string value, string message)
    {
        var editor = await factory.SignedInAsync($"falsch-{Guid.NewGuid():N}@example.org", Roles.Editor);
        var before = await factory.WithDbAsync(db => db.Claims.CountAsync());
        var page = await editor.GetAsync("/editor/claims/new", expectOk: true);
        var input = value == "Überlang" ? new string('Ü', 121) : value;

        var response = await editor.SubmitAsync(page, "claim-form", ("Input.Headline", "Gültige Überschrift"),
            ("Input.OriginalText", "Gültiger Text."), ("Input.Language", "de"), ("ConfirmedNew", "true"), (field, input));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await Html.ParseAsync(response);
        Assert.Contains(message, result.Errors());
        Assert.Equal("Gültiger Text.", result.GetElementById("Input_OriginalText")!.TextContent);
        Assert.Equal(before, await factory.WithDbAsync(db => db.Claims.CountAsync()));
    }

    [Fact]
    public async Task Edit_TwoEditorsAtOnce_SecondSeesTheConflictKeepsInputAndOverwritesNothing()
    {
        var id = await factory.CreateClaimAsync("Konfliktfall: ursprüngliche Überschrift");
        var first = await factory.SignedInAsync($"erste-{Guid.NewGuid():N}@example.org", Roles.Editor);
        var second = await factory.SignedInAsync($"zweite-{Guid.NewGuid():N}@example.org", Roles.Editor);
        var firstForm = await first.GetAsync($"/editor/claims/edit/{id}", expectOk: true);
        var secondForm = await second.GetAsync($"/editor/claims/edit/{id}", expectOk: true);

        Assert.Equal(HttpStatusCode.Redirect, (await first.SubmitAsync(firstForm, "claim-form", ("Input.Headline", "Von der ersten Redakteurin"))).StatusCode);
        var response = await second.SubmitAsync(secondForm, "claim-form", ("Input.Headline", "Vom zweiten Redakteur"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Contains("while you were editing", page.Errors());
        Assert.Equal("Von der ersten Redakteurin", page.GetElementById("current-headline")!.TextContent);
        Assert.Equal("Vom zweiten Redakteur", ((IHtmlInputElement)page.GetElementById("Input_Headline")!).Value);
        Assert.Equal("Von der ersten Redakteurin", await factory.WithDbAsync(db => db.Claims.Where(c => c.Id == id).Select(c => c.Headline).SingleAsync()));

        // Saving again from the refreshed form (now at the current version) goes through.
        Assert.Equal(HttpStatusCode.Redirect, (await second.SubmitAsync(page, "claim-form")).StatusCode);
        Assert.Equal("Vom zweiten Redakteur", await factory.WithDbAsync(db => db.Claims.Where(c => c.Id == id).Select(c => c.Headline).SingleAsync()));
    }

    [Fact]
    public async Task Edit_Headline_KeepsSlug_ChangingTheSlugOfADraft_TakesEffectAtOnce()
    {
        var id = await factory.CreateClaimAsync("Schoigu besichtigt Raketen in Pjöngjang");
        var slug = await factory.WithDbAsync(db => db.Claims.Where(c => c.Id == id).Select(c => c.Slug).SingleAsync());
        var editor = await factory.SignedInAsync($"slug-{Guid.NewGuid():N}@example.org", Roles.Editor);

        await editor.SubmitAsync(await editor.GetAsync($"/editor/claims/edit/{id}", expectOk: true), "claim-form", ("Input.Headline", "Schoigu und die verbotenen Raketen"));
        Assert.Equal(slug, await factory.WithDbAsync(db => db.Claims.Where(c => c.Id == id).Select(c => c.Slug).SingleAsync()));

        var changed = await editor.SubmitAsync(await editor.GetAsync($"/editor/claims/edit/{id}", expectOk: true), "slug-form", ("NewSlug", "schoigu-raketen-" + id));
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        // Readers never saw the draft: its new slug needs no review and its old one no redirect.
        Assert.Equal("schoigu-raketen-" + id, await factory.WithDbAsync(db => db.Claims.Where(c => c.Id == id).Select(c => c.Slug).SingleAsync()));
        Assert.False(await factory.WithDbAsync(db => db.SlugRedirects.AnyAsync(r => r.ClaimId == id)));
    }

    [Fact]
    public async Task Statement_Denial_IsListedUnderDeniesWithItsSource()
    {
        var (editor, id, sourceId) = await factory.ClaimWithSourceAsync();
        var actorId = await factory.WithDbAsync(db => db.Actors.Where(a => a.Name == "Testland").Select(a => a.Id).SingleAsync());
        var form = await editor.GetAsync($"/editor/claims/statement/{id}", expectOk: true);

        var response = await editor.SubmitListsAsync(form, "statement-form", ("Input.ActorId", [actorId.ToString()]), ("Input.Stance", ["Denies"]),
            ("Input.MadeOn", ["2024-06-18"]), ("Input.Quote", ["Solche Vorwürfe wurden dementiert."]), ("Input.SourceIds", [sourceId.ToString()]));

        var details = await editor.FollowAsync(response);
        var statement = details.QuerySelector("#statements li.statement[data-stance=Denies]")!;
        Assert.Contains("Testland", statement.TextContent);
        Assert.Contains("Solche Vorwürfe wurden dementiert.", statement.TextContent);
        Assert.Contains("Agenturmeldung", statement.TextContent);
    }

    [Fact]
    public async Task Status_VerdictWithoutSource_IsRefused_WithSource_BecomesCurrent()
    {
        var (editor, id, sourceId) = await factory.ClaimWithSourceAsync();
        var corroborated = await factory.WithDbAsync(db => db.Statuses.Where(s => s.Key == "corroborated").Select(s => s.Id).SingleAsync());
        var form = await editor.GetAsync($"/editor/claims/status/{id}", expectOk: true);

        var refused = await editor.SubmitAsync(form, "status-form", ("Input.StatusId", corroborated.ToString()),
            ("Input.EffectiveOn", "2024-11-30"), ("Input.Rationale", "<p>Drei Regierungen sagen es.</p>"));
        Assert.Contains("is a verdict: choose at least one source", (await Html.ParseAsync(refused)).Errors());
        Assert.Null(await factory.WithDbAsync(db => db.Claims.Where(c => c.Id == id).Select(c => c.CurrentStatusId).SingleAsync()));

        var accepted = await editor.SubmitListsAsync(form, "status-form", ("Input.StatusId", [corroborated.ToString()]),
            ("Input.EffectiveOn", ["2024-11-30"]), ("Input.Rationale", ["<p>Drei Regierungen sagen es.</p>"]), ("Input.SourceIds", [sourceId.ToString()]));
        var details = await editor.FollowAsync(accepted);
        Assert.Equal("Corroborated", details.QuerySelector(".claim-status .status-badge")!.TextContent);
        Assert.Contains("Drei Regierungen sagen es.", details.GetElementById("timeline")!.TextContent);
    }

    [Fact]
    public async Task Status_Correction_MarksTheEarlierEntryAndLeavesItInTheHistory()
    {
        var (editor, id, sourceId) = await factory.ClaimWithSourceAsync();
        var confirmed = await factory.WithDbAsync(db => db.Statuses.Where(s => s.Key == "confirmed").Select(s => s.Id).SingleAsync());
        var unproven = await factory.WithDbAsync(db => db.Statuses.Where(s => s.Key == "unproven").Select(s => s.Id).SingleAsync());
        await editor.SubmitListsAsync(await editor.GetAsync($"/editor/claims/status/{id}", expectOk: true), "status-form",
            ("Input.StatusId", [confirmed.ToString()]), ("Input.EffectiveOn", ["2024-11-30"]), ("Input.Rationale", ["Voreilig."]), ("Input.SourceIds", [sourceId.ToString()]));
        var wrong = await factory.WithDbAsync(db => db.StatusChanges.Where(s => s.ClaimId == id).Select(s => s.Id).SingleAsync());

        var response = await editor.SubmitListsAsync(await editor.GetAsync($"/editor/claims/status/{id}", expectOk: true), "status-form",
            ("Input.StatusId", [unproven.ToString()]), ("Input.EffectiveOn", ["2024-11-30"]), ("Input.Rationale", ["Nur eine Quelle."]),
            ("Input.SourceIds", [sourceId.ToString()]), ("Input.CorrectsId", [wrong.ToString()]));

        var details = await editor.FollowAsync(response);
        Assert.Equal("Unproven", details.QuerySelector(".claim-status .status-badge")!.TextContent);
        Assert.Equal(2, details.QuerySelectorAll("#timeline li").Length);
        Assert.NotNull(details.QuerySelector("#timeline li.corrected"));
        Assert.Contains("correction of an earlier entry", details.GetElementById("timeline")!.TextContent);
    }

    [Fact]
    public async Task EmbedCode_IsOfferedToCopy_OnThePublicAndTheStaffPage_OnceReadersSeeTheClaim()
    {
        var id = await factory.CreateClaimAsync("Einbettbare Behauptung " + Guid.NewGuid().ToString("N")[..6]);
        var editor = await factory.SignedInAsync($"einbetten-{Guid.NewGuid():N}@example.org", Roles.Editor);
        Assert.Null((await editor.GetAsync($"/editor/claims/details/{id}", expectOk: true)).GetElementById("embed-code"));

        var slug = await factory.PublishAsync(id);

        var reader = await factory.CreateBrowser().GetAsync($"/claims/{slug}", expectOk: true);
        var code = reader.GetElementById("embed-code")!.TextContent;
        Assert.StartsWith($"<iframe src=\"{reader.QuerySelector("link[rel=canonical]")!.GetAttribute("href")}/embed\"", code);
        Assert.Contains("title=\"Einbettbare Behauptung", code);
        Assert.Equal(code, (await editor.GetAsync($"/editor/claims/details/{id}", expectOk: true)).GetElementById("embed-code")!.TextContent);
    }

    [Fact]
    public async Task Reviewer_PostingTheNewClaimForm_Gets403AndCreatesNothing()
    {
        var reviewer = await factory.SignedInAsync($"pruefer-{Guid.NewGuid():N}@example.org", Roles.Reviewer);
        var token = (await reviewer.GetAsync("/account/changepassword", expectOk: true))
            .QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var before = await factory.WithDbAsync(db => db.Claims.CountAsync());

        var response = await reviewer.PostAsync("/editor/claims/new", new FormUrlEncodedContent(
            [new("__RequestVerificationToken", token), new("Input.Headline", "Hintertür"), new("Input.OriginalText", "x"), new("Input.Language", "de"), new("ConfirmedNew", "true")]));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(before, await factory.WithDbAsync(db => db.Claims.CountAsync()));
    }

    [Fact]
    public async Task Audit_EditRecordsFieldLevelBeforeAndAfterWithWhoAndWhen()
    {
        var id = await factory.CreateClaimAsync("Prüffall: vorher");
        var email = $"audit-{Guid.NewGuid():N}@example.org";
        var editor = await factory.SignedInAsync(email, Roles.Editor);
        await editor.SubmitAsync(await editor.GetAsync($"/editor/claims/edit/{id}", expectOk: true), "claim-form", ("Input.Headline", "Prüffall: nachher"));

        var details = await editor.GetAsync($"/editor/claims/details/{id}", expectOk: true);

        var row = details.QuerySelectorAll("#audit #changes tbody tr").First(r => r.TextContent.Contains("changed claim"));
        Assert.Contains(email, row.TextContent);
        Assert.Equal("Prüffall: vorher", row.QuerySelector("del")!.TextContent);
        Assert.Equal("Prüffall: nachher", row.QuerySelector("ins")!.TextContent);
        var activity = await editor.GetAsync("/editor/activity", expectOk: true);
        Assert.Contains("Prüffall: nachher", activity.GetElementById("changes")!.TextContent);
    }

    [Fact]
    public async Task Statement_Correction_ChangesTheWordingButNotTheStance()
    {
        var (editor, id, sourceId) = await factory.ClaimWithSourceAsync();
        var actorId = await factory.WithDbAsync(db => db.Actors.Where(a => a.Name == "Testland").Select(a => a.Id).SingleAsync());
        await editor.SubmitListsAsync(await editor.GetAsync($"/editor/claims/statement/{id}", expectOk: true), "statement-form",
            ("Input.ActorId", [actorId.ToString()]), ("Input.Stance", ["Denies"]), ("Input.MadeOn", ["2024-06-18"]), ("Input.Quote", ["Tippfehlr"]));
        var statementId = await factory.WithDbAsync(db => db.Statements.Where(s => s.ClaimId == id).Select(s => s.Id).SingleAsync());
        var form = await editor.GetAsync($"/editor/claims/statement/{id}?statement={statementId}", expectOk: true);

        var sneaky = await editor.SubmitAsync(form, "statement-form", ("Input.Stance", "Confirms"));
        Assert.Equal(HttpStatusCode.OK, sneaky.StatusCode);
        Assert.Contains("record a change of position as a new statement", (await Html.ParseAsync(sneaky)).Errors());

        var fixedQuote = await editor.SubmitAsync(form, "statement-form", ("Input.Quote", "Tippfehler behoben"));
        Assert.Equal(HttpStatusCode.Redirect, fixedQuote.StatusCode);
        var statement = await factory.WithDbAsync(db => db.Statements.SingleAsync(s => s.Id == statementId));
        Assert.Equal(("Tippfehler behoben", Stance.Denies), (statement.Quote, statement.Stance));
        Assert.Equal(1, await factory.WithDbAsync(db => db.Statements.CountAsync(s => s.ClaimId == id)));
    }
}
