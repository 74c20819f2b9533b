using System.Net;
using ClaimTracker.Domain.Accounts;
using ClaimTracker.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ClaimTracker.IntegrationTests.Authorization;

/// <summary>
/// Every page × every kind of visitor. Pages are discovered from the app's endpoints, so a new page
/// that is missing from the table fails the test until someone decides who may open it.
/// </summary>
public sealed class RouteAuthorizationTests(ClaimTrackerFactory factory) : IClassFixture<ClaimTrackerFactory>
{
    private enum Access { Public, SignedIn, Admin, Editor, Reviewer, Staff }

    private static readonly Dictionary<string, (Access Access, string Url)> Table = new()
    {
        ["/Index"] = (Access.Public, "/"),
        ["/Statuses"] = (Access.Public, "/statuses"),
        ["/Statistics"] = (Access.Public, "/statistics"),
        ["/About"] = (Access.Public, "/about"),
        ["/Admin/Settings/Index"] = (Access.Admin, "/admin/settings"),
        ["/Claims/Index"] = (Access.Public, "/claims?q=Tabellenbehauptung"),
        ["/Claims/Show"] = (Access.Public, "/claims/{slug}"),
        ["/Claims/Embed"] = (Access.Public, "/claims/{slug}/embed"),
        ["/Claims/Report"] = (Access.Public, "/claims/{slug}/report"),
        ["/Editor/Reports/Index"] = (Access.Staff, "/editor/reports"),
        ["/Actors/Show"] = (Access.Public, "/actors/{actorSlug}"),
        ["/Topics/Show"] = (Access.Public, "/topics/{topicSlug}"),
        ["/Error"] = (Access.Public, "/error/404"),
        ["/Account/Login"] = (Access.Public, "/account/login"),
        ["/Account/SetPassword"] = (Access.Public, "/account/setpassword"),
        ["/Account/Logout"] = (Access.SignedIn, "/account/logout"),
        ["/Account/ChangePassword"] = (Access.SignedIn, "/account/changepassword"),
        ["/Account/Security"] = (Access.SignedIn, "/account/security"),
        ["/Account/Authenticator"] = (Access.SignedIn, "/account/authenticator"),
        ["/Account/SecondStep"] = (Access.Public, "/account/secondstep"),
        ["/Admin/Users/Index"] = (Access.Admin, "/admin/users"),
        ["/Admin/Users/Create"] = (Access.Admin, "/admin/users/create"),
        ["/Admin/Users/Edit"] = (Access.Admin, "/admin/users/edit/{id}"),
        ["/Admin/Audit/Index"] = (Access.Admin, "/admin/audit"),
        ["/Admin/Statuses/Index"] = (Access.Admin, "/admin/statuses"),
        ["/Editor/Index"] = (Access.Staff, "/editor"),
        ["/Editor/Inbox"] = (Access.Staff, "/editor/inbox"),
        ["/Editor/Lookup"] = (Access.Staff, "/editor/lookup/actors"),
        ["/Editor/Activity"] = (Access.Staff, "/editor/activity"),
        ["/Editor/MyWork"] = (Access.Staff, "/editor/mywork"),
        ["/Editor/Actors/Index"] = (Access.Staff, "/editor/actors"),
        ["/Editor/Actors/Edit"] = (Access.Editor, "/editor/actors/edit/{actor}"),
        ["/Editor/Sources/Edit"] = (Access.Editor, "/editor/sources/edit/{source}"),
        ["/Editor/Sources/Index"] = (Access.Staff, "/editor/sources"),
        ["/Editor/Sources/Evidence"] = (Access.Staff, "/editor/sources/{source}/evidence"),
        ["/Editor/Import/Index"] = (Access.Editor, "/editor/import"),
        ["/Editor/Import/Job"] = (Access.Editor, "/editor/import/job/{job}"),
        ["/Editor/Claims/Index"] = (Access.Staff, "/editor/claims?q=Pjöngjang&status=open"),
        ["/Editor/Claims/New"] = (Access.Editor, "/editor/claims/new"),
        ["/Editor/Claims/Details"] = (Access.Staff, "/editor/claims/details/{claim}"),
        ["/Editor/Claims/Edit"] = (Access.Editor, "/editor/claims/edit/{claim}"),
        ["/Editor/Claims/Statement"] = (Access.Editor, "/editor/claims/statement/{claim}"),
        ["/Editor/Claims/StatementEvidence"] = (Access.Staff, "/editor/statements/{statement}/evidence"),
        ["/Editor/Claims/Source"] = (Access.Editor, "/editor/claims/source/{claim}"),
        ["/Editor/Claims/Status"] = (Access.Editor, "/editor/claims/status/{claim}"),
        ["/Editor/Claims/Review"] = (Access.Staff, "/editor/claims/review/{claim}"),
        ["/Editor/Reviews/Index"] = (Access.Reviewer, "/editor/reviews"),
        ["/Corrections"] = (Access.Public, "/corrections"),
        ["/Claims/Versions"] = (Access.Public, "/claims/{slug}/versions"),
    };

    [Fact]
    public void Table_CoversEveryPageOfTheApp()
    {
        _ = factory.CreateBrowser();
        var pages = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .Select(e => e.Metadata.GetMetadata<PageActionDescriptor>()?.ViewEnginePath)
            .OfType<string>()
            .Distinct()
            .Order()
            .ToList();

        Assert.Equal(Table.Keys.Order(), pages);
    }

    [Fact]
    public async Task EveryPage_AnswersEachVisitorAsTheTableSays()
    {
        var visitors = new Dictionary<string, HttpClient>
        {
            ["anonymous"] = factory.CreateBrowser(),
            ["editor"] = await factory.SignedInAsync("table-editor@example.org", Roles.Editor),
            ["reviewer"] = await factory.SignedInAsync("table-reviewer@example.org", Roles.Reviewer),
            ["admin"] = await factory.SignedInAsync("table-admin@example.org", Roles.Admin),
        };
        var someUserId = await factory.WithDbAsync(db => db.Users.Select(u => u.Id).FirstAsync());
        var someClaimId = (await factory.CreateClaimAsync("Tabellenbehauptung zur Autorisierung")).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var (someActorId, someSourceId) = await factory.CreateActorAndSourceAsync();
        var publicSlug = await factory.PublishAsync(await factory.CreateClaimAsync("Veröffentlichte Tabellenbehauptung", topics: "Autorisierung"));
        // An actor page is public while a public claim's approved version names the actor.
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var editor = scope.ServiceProvider.GetRequiredService<ClaimTracker.Infrastructure.Claims.LogClaim>();
            var named = await editor.CreateAsync(new ClaimTracker.Infrastructure.Claims.ClaimInput("Behauptung mit Akteur für die Tabelle",
                "Ein Satz.", "de", null, null, false, null, null, null, [int.Parse(someActorId)], [], null, null), "builder@example.org");
            await factory.PublishAsync(named.Id!.Value);
        }
        var actorSlug = await factory.WithDbAsync(db => db.Actors.Where(a => a.Id == int.Parse(someActorId)).Select(a => a.Slug).SingleAsync());
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ClaimTracker.Infrastructure.Claims.RecordStatement>().AddStatementAsync(int.Parse(someClaimId),
                new ClaimTracker.Domain.Claims.Statement.Draft(int.Parse(someActorId), ClaimTracker.Domain.Claims.Stance.Denies, new DateOnly(2024, 11, 5), "Stimmt nicht.", "de", null, []),
                "builder@example.org");
        }
        // An import planned by the editor (its planner and admins open it).
        var someJobId = factory.Services.GetRequiredService<ClaimTracker.Infrastructure.Claims.ClaimReviewImportRun>()
            .Plan(new ClaimTracker.Infrastructure.Claims.ImportPlan("table.json", [], ["No ClaimReview found."]), "table-editor@example.org").Id.ToString();
        var someStatementId = (await factory.WithDbAsync(db => db.Statements.Where(s => s.ClaimId == int.Parse(someClaimId)).Select(s => s.Id).SingleAsync()))
            .ToString(System.Globalization.CultureInfo.InvariantCulture);
        var failures = new List<string>();

        foreach (var (page, (access, template)) in Table)
        {
            var url = template.Replace("{id}", someUserId).Replace("{claim}", someClaimId)
                .Replace("{actor}", someActorId).Replace("{source}", someSourceId).Replace("{statement}", someStatementId).Replace("{job}", someJobId)
                .Replace("{slug}", publicSlug).Replace("{actorSlug}", actorSlug).Replace("{topicSlug}", "autorisierung");
            foreach (var (visitor, client) in visitors)
            {
                var expected = Expected(access, visitor, page);
                var response = await client.GetAsync(url);
                var actual = response.StatusCode;
                if (actual != expected)
                {
                    failures.Add($"{visitor} GET {url}: expected {(int)expected}, got {(int)actual}");
                }
                else if (actual == HttpStatusCode.Redirect
                         && !LocalPart(response.Headers.Location!).StartsWith("/account/login?ReturnUrl=", StringComparison.Ordinal))
                {
                    failures.Add($"{visitor} GET {url}: redirected to {response.Headers.Location} instead of the sign-in page");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public async Task AdminForm_PostedByAnEditorWithAValidToken_Is403AndCreatesNobody()
    {
        var editor = await factory.SignedInAsync("eindringling@example.org", Roles.Editor);
        var ownPage = await editor.GetAsync("/account/changepassword", expectOk: true);
        var token = ownPage.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        var response = await editor.PostAsync("/admin/users/create", new FormUrlEncodedContent(
        [
            new("__RequestVerificationToken", token), new("Input.Email", "hintertuer@example.org"), new("Input.Roles", Roles.Admin),
        ]));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.False(await factory.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == "hintertuer@example.org")));
    }

    [Fact]
    public async Task Forbidden_RendersAnExplanationPage()
    {
        var reviewer = await factory.SignedInAsync("verboten@example.org", Roles.Reviewer);

        var response = await reviewer.GetAsync("/admin/users");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("Access denied", (await Html.ParseAsync(response)).QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task PostNamingAHandlerThePageLacks_IsABadRequest()
    {
        var admin = await factory.SignedInAsync("handler-admin@example.org", Roles.Admin);
        var id = await factory.WithDbAsync(db => db.Users.Where(u => u.Email == "handler-admin@example.org").Select(u => u.Id).SingleAsync());
        var page = await admin.GetAsync($"/admin/users/edit/{id}", expectOk: true);
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        var response = await admin.PostAsync($"/admin/users/edit/{id}?handler=Nonsense",
            new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task UnknownAddress_Is404ForAnonymousReaders()
    {
        var response = await factory.CreateBrowser().GetAsync("/gibt-es-nicht");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Page not found", (await Html.ParseAsync(response)).QuerySelector("h1")!.TextContent);
    }

    private static string LocalPart(Uri location) => location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;

    private static HttpStatusCode Expected(Access access, string visitor, string page) => (access, visitor) switch
    {
        (Access.Public, _) => page == "/Error" ? HttpStatusCode.NotFound : HttpStatusCode.OK,
        (_, "anonymous") => HttpStatusCode.Redirect,
        (Access.SignedIn, _) => HttpStatusCode.OK,
        (Access.Admin, "admin") => HttpStatusCode.OK,
        (Access.Editor, "editor" or "admin") => HttpStatusCode.OK,
        (Access.Reviewer, "reviewer" or "admin") => HttpStatusCode.OK,
        (Access.Staff, "editor" or "reviewer" or "admin") => HttpStatusCode.OK,
        _ => HttpStatusCode.Forbidden,
    };
}
