using System.Net;
using ClaimTracker.Domain.Accounts;
using ClaimTracker.Domain.Auditing;
using ClaimTracker.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ClaimTracker.IntegrationTests.Workflow;

/// <summary>
/// A draft readers never saw can be deleted by its author or an admin — with a confirmation, recorded in the audit log — and
/// by nobody else; what readers have seen is never deleted.
/// </summary>
public sealed class DraftDeletionTests(ManySignInsFactory factory) : IClassFixture<ManySignInsFactory>
{
    [Fact]
    public async Task Author_DeletesTheirDraft_AfterConfirming_AndTheAuditKeepsIt()
    {
        var email = $"verwirft-{Guid.NewGuid():N}@example.org";
        var author = await factory.SignedInAsync(email, Roles.Editor);
        var headline = "Entwurf, der verworfen wird " + Guid.NewGuid().ToString("N")[..6];
        var id = await factory.CreateClaimAsync(headline, by: email);
        await factory.SetStatusAsync(id, "unproven", new DateOnly(2024, 11, 30));
        var page = await author.GetAsync($"/editor/claims/details/{id}", expectOk: true);

        var unconfirmed = await Html.ParseAsync(await author.SubmitAsync(page, "delete-draft-form"));
        Assert.Contains("Tick the box to confirm", unconfirmed.QuerySelector("#delete-draft-form .field-error")!.TextContent);
        Assert.True(await factory.WithDbAsync(db => db.Claims.AnyAsync(c => c.Id == id)));

        var deleted = await author.SubmitAsync(unconfirmed, "delete-draft-form", ("confirmed", "true"));
        Assert.Equal("Draft deleted. The audit log keeps a record of it.", (await author.FollowAsync(deleted)).Status());
        Assert.False(await factory.WithDbAsync(db => db.Claims.AnyAsync(c => c.Id == id)));
        Assert.Equal(0, await factory.WithDbAsync(db => db.StatusChanges.CountAsync(s => s.ClaimId == id)));
        Assert.Equal(HttpStatusCode.NotFound, (await author.GetAsync($"/editor/claims/details/{id}")).StatusCode);
        var entry = await factory.WithDbAsync(db => db.AuditEntries.SingleAsync(e => e.Action == AuditAction.DraftDeleted && e.Target == $"claim #{id}"));
        Assert.Equal(email, entry.Actor);
        Assert.Contains(headline, entry.Details);
        // The editors' search forgets it too.
        Assert.DoesNotContain(headline, (await author.GetAsync("/editor/claims?q=" + Uri.EscapeDataString("verworfen"), expectOk: true)).Body!.TextContent);
    }

    [Fact]
    public async Task OthersDrafts_AndPublishedClaims_CannotBeDeleted_AdminsMayDeleteAnyDraft()
    {
        var other = await factory.SignedInAsync($"fremd-{Guid.NewGuid():N}@example.org", Roles.Editor);
        var admin = await factory.SignedInAsync($"admin-loescht-{Guid.NewGuid():N}@example.org", Roles.Admin);
        var draft = await factory.CreateClaimAsync("Fremder Entwurf " + Guid.NewGuid().ToString("N")[..6]);
        var published = await factory.CreateClaimAsync("Veröffentlichte Behauptung bleibt " + Guid.NewGuid().ToString("N")[..6]);
        await factory.PublishAsync(published);

        Assert.Contains("Only its author", await DeleteWithoutTheFormAsync(other, draft));
        Assert.True(await factory.WithDbAsync(db => db.Claims.AnyAsync(c => c.Id == draft)));
        Assert.Contains("Readers have seen this claim", await DeleteWithoutTheFormAsync(admin, published));

        var adminDraftPage = await admin.GetAsync($"/editor/claims/details/{draft}", expectOk: true);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync(adminDraftPage, "delete-draft-form", ("confirmed", "true"))).StatusCode);
        Assert.False(await factory.WithDbAsync(db => db.Claims.AnyAsync(c => c.Id == draft)));
    }

    /// <summary>The claim page offers this person no delete form; a post made by hand (with a valid token) is answered so.</summary>
    private static async Task<string> DeleteWithoutTheFormAsync(HttpClient browser, int claimId)
    {
        var page = await browser.GetAsync($"/editor/claims/details/{claimId}", expectOk: true);
        Assert.Null(page.GetElementById("delete-draft-form"));
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var answer = await browser.PostAsync($"/editor/claims/details/{claimId}?handler=DeleteDraft",
            new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("confirmed", "true")]));
        return (await Html.ParseAsync(answer)).Errors();
    }

    [Fact]
    public async Task Reviewers_AreOfferedNoFormTheyCannotUse()
    {
        var reviewer = await factory.SignedInAsync($"nur-pruefen-{Guid.NewGuid():N}@example.org", Roles.Reviewer);
        var editor = await factory.SignedInAsync($"schreibt-{Guid.NewGuid():N}@example.org", Roles.Editor);

        Assert.Null((await reviewer.GetAsync("/editor", expectOk: true)).GetElementById("new-claim"));
        Assert.Null((await reviewer.GetAsync("/editor/claims", expectOk: true)).GetElementById("new-claim"));
        Assert.NotNull((await editor.GetAsync("/editor", expectOk: true)).GetElementById("new-claim"));
    }
}
