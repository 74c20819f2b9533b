using System.Net;
using ClaimTracker.Domain.Accounts;
using ClaimTracker.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ClaimTracker.IntegrationTests.Claims;

/// <summary>A save whose claim is gone: the forms read the claim only when they come back, so the save itself must say 404.</summary>
public sealed class MissingClaimSaveTests(ClaimTrackerFactory factory) : IClassFixture<ClaimTrackerFactory>
{
    private Lazy<Task<HttpClient>> Editor { get; } = new(() => factory.SignedInAsync($"fehlt-{Guid.NewGuid():N}@example.org", Roles.Editor));

    [Theory]
    [InlineData("edit", "claim-form")]
    [InlineData("status", "status-form")]
    public async Task Save_ToAClaimThatDoesNotExist_Is404AndChangesNothing(string page, string formId)
    {
        var id = await factory.CreateClaimAsync("Vorlage für ein Formular ohne Fall");
        var editor = await Editor.Value;
        var form = await editor.GetAsync($"/editor/claims/{page}/{id}", expectOk: true);
        form.GetElementById(formId)!.SetAttribute("action", $"/editor/claims/{page}/{int.MaxValue}");
        var changesBefore = await factory.WithDbAsync(db => db.ChangeRecords.CountAsync());

        var response = await editor.SubmitAsync(form, formId, ("Input.Rationale", "<p>Begründung.</p>"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(changesBefore, await factory.WithDbAsync(db => db.ChangeRecords.CountAsync()));
    }
}
