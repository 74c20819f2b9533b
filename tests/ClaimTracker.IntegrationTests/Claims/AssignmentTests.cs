using ClaimTracker.Domain.Accounts;
using ClaimTracker.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ClaimTracker.IntegrationTests.Claims;

public sealed class AssignmentTests(ClaimTrackerFactory factory) : IClassFixture<ClaimTrackerFactory>
{
    [Fact]
    public async Task Assign_ShowsInTheAssigneesWork_AndIsAudited()
    {
        var assignee = $"zustaendig-{Guid.NewGuid():N}@example.org";
        var colleague = await factory.SignedInAsync(assignee, Roles.Editor);
        var lead = await factory.SignedInAsync($"leitung-{Guid.NewGuid():N}@example.org", Roles.Editor);
        var id = await factory.CreateClaimAsync("Zugewiesene Behauptung " + Guid.NewGuid().ToString("N")[..6]);

        var response = await lead.SubmitAsync(await lead.GetAsync($"/editor/claims/details/{id}", expectOk: true), "assign-form", ("assignedTo", assignee));

        Assert.Equal($"Assigned to {assignee}.", (await lead.FollowAsync(response)).Status());
        var work = await colleague.GetAsync("/editor/mywork", expectOk: true);
        Assert.Contains("Zugewiesene Behauptung", work.GetElementById("assigned")!.TextContent);
        Assert.True(await factory.WithDbAsync(db => db.ChangeRecords.AnyAsync(r => r.ClaimId == id && r.Changes.Contains("AssignedTo"))));
    }

    [Fact]
    public async Task Assign_ToSomeoneWhoIsNoEditor_IsRefused()
    {
        var reviewer = $"pruefer-{Guid.NewGuid():N}@example.org";
        await factory.CreateUserAsync(reviewer, Roles.Reviewer);
        var lead = await factory.SignedInAsync($"leitung2-{Guid.NewGuid():N}@example.org", Roles.Editor);
        var id = await factory.CreateClaimAsync("Nicht zuweisbar " + Guid.NewGuid().ToString("N")[..6]);
        var page = await lead.GetAsync($"/editor/claims/details/{id}", expectOk: true);

        var token = page.QuerySelector("#assign-form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var response = await lead.PostAsync($"/editor/claims/details/{id}?handler=Assign", new FormUrlEncodedContent(
            [new("__RequestVerificationToken", token), new("assignedTo", reviewer)]));

        Assert.Contains("Choose an active editor.", (await Html.ParseAsync(response)).Errors());
        Assert.Null(await factory.WithDbAsync(db => db.Claims.Where(c => c.Id == id).Select(c => c.AssignedTo).SingleAsync()));
    }

    [Fact]
    public async Task ClaimPage_TellsEditorsHowLongSinceTheLastReview()
    {
        var editor = await factory.SignedInAsync($"pruefdatum-{Guid.NewGuid():N}@example.org", Roles.Editor);
        var id = await factory.CreateClaimAsync("Prüfdatum " + Guid.NewGuid().ToString("N")[..6]);
        Assert.StartsWith("not yet", (await editor.GetAsync($"/editor/claims/details/{id}", expectOk: true)).GetElementById("since-review")!.TextContent);

        await factory.SetStatusAsync(id, "open", new DateOnly(2024, 1, 5));

        Assert.Equal("today", (await editor.GetAsync($"/editor/claims/details/{id}", expectOk: true)).GetElementById("since-review")!.TextContent);
    }

    [Fact]
    public async Task MyWork_ListsMyDrafts()
    {
        var me = $"entwuerfe-{Guid.NewGuid():N}@example.org";
        var editor = await factory.SignedInAsync(me, Roles.Editor);
        var created = await editor.SubmitAsync(await editor.GetAsync("/editor/claims/new", expectOk: true), "claim-form",
            ("Input.Headline", "Mein Entwurf " + Guid.NewGuid().ToString("N")[..6]), ("Input.OriginalText", "Text."), ("Input.Language", "de"), ("ConfirmedNew", "true"));
        Assert.Equal(System.Net.HttpStatusCode.Redirect, created.StatusCode);

        var work = await editor.GetAsync("/editor/mywork", expectOk: true);

        Assert.Contains("Mein Entwurf", work.GetElementById("drafts")!.TextContent);
    }
}
