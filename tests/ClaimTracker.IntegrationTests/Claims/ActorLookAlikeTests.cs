using System.Net;
using ClaimTracker.Domain.Accounts;
using ClaimTracker.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ClaimTracker.IntegrationTests.Claims;

/// <summary>An actor whose name reads the same as one in the directory is refused next to the name field, and nothing is saved.</summary>
public sealed class ActorLookAlikeTests(ClaimTrackerFactory factory) : IClassFixture<ClaimTrackerFactory>
{
    [Theory]
    [InlineData("Außenministerium Moskau", "AUSSENMINISTERIUM MOSKAU")]
    [InlineData("Staatsmedien Pjöngjang", "Staatsmedien Pjo\u0308ngjang")]
    [InlineData("Kreml Sprecher", "Kreml\u200B Sprecher")]
    [InlineData("Verteidigungsministerium", "V\u0435rteidigungsministerium")]
    public async Task NewActor_ReadingTheSameAsAnExistingOne_IsRefusedWithAFieldMessage(string existing, string lookAlike)
    {
        var editor = await factory.SignedInAsync($"doppelgaenger-{Guid.NewGuid():N}@example.org", Roles.Editor);
        var suffix = Guid.NewGuid().ToString("N")[..6];
        await Create(editor, $"{existing} {suffix}");

        var response = await Create(editor, $"{lookAlike} {suffix}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Contains("reads the same as", page.QuerySelector("[data-valmsg-for='Input.Name']")?.TextContent ?? page.Errors());
        Assert.Equal(1, await factory.WithDbAsync(db => db.Actors.CountAsync(a => a.Name.EndsWith(suffix))));
    }

    private static async Task<HttpResponseMessage> Create(HttpClient editor, string name) =>
        await editor.SubmitAsync(await editor.GetAsync("/editor/actors", expectOk: true), "actor-form", ("Input.Name", name), ("Input.Kind", "Official"));
}
