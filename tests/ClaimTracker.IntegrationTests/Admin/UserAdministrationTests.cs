using System.Net;
using AngleSharp.Dom;
using ClaimTracker.Domain.Accounts;
using ClaimTracker.Domain.Auditing;
using ClaimTracker.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ClaimTracker.IntegrationTests.Admin;

public sealed class UserAdministrationTests : IAsyncLifetime, IDisposable
{
    private const string AdminEmail = "admin@example.org";
    private const string NewPassword = "Überprüfung der Quellen";
    private readonly ClaimTrackerFactory factory = new();
    private HttpClient admin = null!;

    public async ValueTask InitializeAsync() => admin = await factory.SignedInAsync(AdminEmail, Roles.Admin);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    public void Dispose() => factory.Dispose();

    [Fact]
    public async Task CreateUser_ShowsOneTimeLinkThatLetsTheColleagueSignInWithTheirRoles()
    {
        var link = await CreateUserAsync("neu@example.org", Roles.Editor, Roles.Reviewer);
        var colleague = factory.CreateBrowser();

        var setPage = await colleague.GetAsync(link, expectOk: true);
        Assert.Contains("neu@example.org", setPage.QuerySelector("main")!.TextContent);
        var set = await colleague.SubmitAsync(setPage, "set-password-form",
            ("Input.Password", NewPassword), ("Input.ConfirmPassword", NewPassword));
        var login = await colleague.FollowAsync(set);
        Assert.Contains("Your password is set", login.Status());

        Assert.Equal(HttpStatusCode.Redirect, (await colleague.SignInAsync("neu@example.org", NewPassword)).StatusCode);
        Assert.Equal([Roles.Editor, Roles.Reviewer], await factory.RolesOfAsync("neu@example.org"));
        var audit = await factory.WithDbAsync(db => db.AuditEntries.SingleAsync(e => e.Target == "neu@example.org" && e.Action == AuditAction.UserCreated));
        Assert.Equal((AuditAction.UserCreated, AdminEmail), (audit.Action, audit.Actor));
    }

    [Fact]
    public async Task SetPasswordLink_WorksOnlyOnce()
    {
        var link = await CreateUserAsync("einmal@example.org", Roles.Editor);
        var colleague = factory.CreateBrowser();
        var setPage = await colleague.GetAsync(link, expectOk: true);
        await colleague.SubmitAsync(setPage, "set-password-form", ("Input.Password", NewPassword), ("Input.ConfirmPassword", NewPassword));

        var again = await factory.CreateBrowser().GetAsync(link, expectOk: true);
        var replay = await colleague.SubmitAsync(setPage, "set-password-form",
            ("Input.Password", "Ein anderes Passwort!"), ("Input.ConfirmPassword", "Ein anderes Passwort!"));

        Assert.NotNull(again.GetElementById("link-invalid"));
        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        Assert.NotNull((await Html.ParseAsync(replay)).GetElementById("link-invalid"));
        Assert.Equal(HttpStatusCode.Redirect, (await factory.CreateBrowser().SignInAsync("einmal@example.org", NewPassword)).StatusCode);
    }

    [Fact]
    public async Task SetPasswordLink_TamperedToken_IsRefused()
    {
        var link = await CreateUserAsync("manipuliert@example.org", Roles.Editor);
        var page = await factory.CreateBrowser().GetAsync(link.Replace("token=", "token=x"), expectOk: true);
        Assert.NotNull(page.GetElementById("link-invalid"));
    }

    [Theory]
    [InlineData("kein-email", new[] { Roles.Editor }, "is not a valid email address")]
    [InlineData("ohne-rolle@example.org", new string[0], "Choose at least one role.")]
    [InlineData(AdminEmail, new[] { Roles.Editor }, "already exists")]
    public async Task CreateUser_BadInput_ExplainsAndCreatesNothing(string email, string[] roles, string message)
    {
        var before = await factory.WithDbAsync(db => db.Users.CountAsync());
        var page = await admin.GetAsync("/admin/users/create", expectOk: true);

        var response = await admin.SubmitListsAsync(page, "create-user-form", ("Input.Email", [email]), ("Input.Roles", roles));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await Html.ParseAsync(response);
        Assert.Contains(message, result.Errors());
        Assert.Equal(email, ((AngleSharp.Html.Dom.IHtmlInputElement)result.GetElementById("Input_Email")!).Value);
        Assert.Equal(before, await factory.WithDbAsync(db => db.Users.CountAsync()));
    }

    [Fact]
    public async Task ChangeRoles_SavesAndRecordsWhoDidIt()
    {
        await CreateUserAsync("rollen@example.org", Roles.Editor);
        var page = await EditPageAsync("rollen@example.org");

        var response = await admin.SubmitListsAsync(page, "roles-form", ("Input.Roles", [Roles.Reviewer, Roles.Editor]));

        Assert.Equal("Roles saved.", (await admin.FollowAsync(response)).Status());
        Assert.Equal([Roles.Editor, Roles.Reviewer], await factory.RolesOfAsync("rollen@example.org"));
        var audit = await factory.WithDbAsync(db => db.AuditEntries.SingleAsync(e => e.Action == AuditAction.RolesChanged));
        Assert.Equal(AdminEmail, audit.Actor);
        Assert.Contains("From [Editor] to [Editor, Reviewer]", audit.Details);
    }

    [Fact]
    public async Task ChangeRoles_TakingAwayARole_EndsTheOpenSessionAtItsNextRequest()
    {
        var editor = await factory.SignedInAsync("entzug@example.org", Roles.Editor);
        Assert.Equal(HttpStatusCode.OK, (await editor.GetAsync("/editor")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await editor.GetAsync("/editor")).StatusCode);

        await admin.SubmitListsAsync(await EditPageAsync("entzug@example.org"), "roles-form", ("Input.Roles", [Roles.Reviewer]));

        var after = await editor.GetAsync("/editor/claims/new");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/account/login", after.Headers.Location!.PathAndQuery());
    }

    [Fact]
    public async Task ChangeRoles_FormFromBeforeAnotherAdminsChange_IsAConflictAndChangesNothing()
    {
        await CreateUserAsync("konflikt@example.org", Roles.Editor);
        var stalePage = await EditPageAsync("konflikt@example.org");
        var fresh = await EditPageAsync("konflikt@example.org");
        await admin.SubmitListsAsync(fresh, "roles-form", ("Input.Roles", [Roles.Reviewer]));

        var response = await admin.SubmitListsAsync(stalePage, "roles-form", ("Input.Roles", [Roles.Admin]));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Someone else changed this account", (await Html.ParseAsync(response)).Errors());
        Assert.Equal([Roles.Reviewer], await factory.RolesOfAsync("konflikt@example.org"));
    }

    [Fact]
    public async Task Disable_EndsTheUsersOpenSessionAndBlocksSignIn_EnableLetsThemBack()
    {
        var editor = await factory.SignedInAsync("sperre@example.org", Roles.Editor);
        Assert.Equal(HttpStatusCode.OK, (await editor.GetAsync("/editor")).StatusCode);

        var disabled = await admin.SubmitAsync(await EditPageAsync("sperre@example.org"), "disable-form");
        Assert.Equal("Account disabled. Its sessions have ended.", (await admin.FollowAsync(disabled)).Status());

        var afterDisable = await editor.GetAsync("/editor");
        Assert.Equal(HttpStatusCode.Redirect, afterDisable.StatusCode);
        Assert.StartsWith("/account/login", afterDisable.Headers.Location!.PathAndQuery());
        var signIn = await factory.CreateBrowser().SignInAsync("sperre@example.org", ClaimTrackerFactory.Password);
        Assert.Equal(ClaimTracker.Web.Pages.Account.SignInForm.FailedMessage, (await Html.ParseAsync(signIn)).Errors().Trim());

        await admin.SubmitAsync(await EditPageAsync("sperre@example.org"), "enable-form");
        Assert.Equal(HttpStatusCode.Redirect, (await factory.CreateBrowser().SignInAsync("sperre@example.org", ClaimTrackerFactory.Password)).StatusCode);
        var actions = await factory.WithDbAsync(db => db.AuditEntries.Where(e => e.Target == "sperre@example.org")
            .OrderBy(e => e.Id).Select(e => e.Action).ToListAsync());
        Assert.Equal([AuditAction.SignInSucceeded, AuditAction.UserDisabled, AuditAction.SignInRefusedDisabled,
            AuditAction.UserEnabled, AuditAction.SignInSucceeded], actions);
    }

    [Fact]
    public async Task Disable_OwnAccount_IsRefusedWithReason()
    {
        var response = await admin.SubmitAsync(await EditPageAsync(AdminEmail), "disable-form");

        Assert.Contains("You cannot disable your own account.", (await Html.ParseAsync(response)).Errors());
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/admin/users")).StatusCode);
    }

    [Fact]
    public async Task RemoveOwnAdminRole_IsRefused()
    {
        var response = await admin.SubmitListsAsync(await EditPageAsync(AdminEmail), "roles-form", ("Input.Roles", [Roles.Editor]));

        Assert.Contains("You cannot remove your own Admin role", (await Html.ParseAsync(response)).Errors());
        Assert.Equal([Roles.Admin], await factory.RolesOfAsync(AdminEmail));
    }

    [Fact]
    public async Task NewSetPasswordLink_ReplacesTheEarlierOne()
    {
        var first = await CreateUserAsync("ersetzt@example.org", Roles.Editor);

        var response = await admin.SubmitAsync(await EditPageAsync("ersetzt@example.org"), "link-form");
        var second = LinkOn(await admin.FollowAsync(response));

        Assert.NotNull((await factory.CreateBrowser().GetAsync(first, expectOk: true)).GetElementById("link-invalid"));
        Assert.NotNull((await factory.CreateBrowser().GetAsync(second, expectOk: true)).GetElementById("set-password-form"));
    }

    [Fact]
    public async Task UsersAndAuditPages_ListAccountsAndActions()
    {
        await CreateUserAsync("liste@example.org", Roles.Reviewer);

        var users = await admin.GetAsync("/admin/users", expectOk: true);
        var audit = await admin.GetAsync("/admin/audit", expectOk: true);

        var row = users.QuerySelectorAll("#users tbody tr").Single(r => r.TextContent.Contains("liste@example.org"));
        Assert.Contains("Reviewer", row.TextContent);
        Assert.Contains("Invited (no password yet)", row.TextContent);
        var entry = audit.QuerySelectorAll("#audit tbody tr").First();
        Assert.Contains("UserCreated", entry.TextContent);
        Assert.Contains(AdminEmail, entry.TextContent);
        Assert.Contains("liste@example.org", entry.TextContent);
    }

    [Fact]
    public async Task EditPage_UnknownUser_Is404()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/admin/users/edit/does-not-exist")).StatusCode);
    }

    private async Task<string> CreateUserAsync(string email, params string[] roles)
    {
        var page = await admin.GetAsync("/admin/users/create", expectOk: true);
        var response = await admin.SubmitListsAsync(page, "create-user-form", ("Input.Email", [email]), ("Input.Roles", roles));
        var edit = await admin.FollowAsync(response);
        Assert.Equal($"Created {email}.", edit.Status());
        return LinkOn(edit);
    }

    private static string LinkOn(IDocument page)
    {
        var link = ((AngleSharp.Html.Dom.IHtmlInputElement)page.GetElementById("set-password-link")!).Value;
        Assert.StartsWith("https://localhost/account/setpassword?user=", link);
        return new Uri(link).PathAndQuery;
    }

    private async Task<IDocument> EditPageAsync(string email)
    {
        var id = await factory.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        return await admin.GetAsync($"/admin/users/edit/{id}", expectOk: true);
    }
}

internal static class UriExtensions
{
    public static string PathAndQuery(this Uri uri) => uri.IsAbsoluteUri ? uri.PathAndQuery : uri.OriginalString;
}
