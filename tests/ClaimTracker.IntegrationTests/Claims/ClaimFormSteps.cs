using ClaimTracker.Domain.Accounts;
using ClaimTracker.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ClaimTracker.IntegrationTests.Claims;

/// <summary>Steps the claim form tests share.</summary>
internal static class ClaimFormSteps
{
    /// <summary>A signed-in editor and a new claim citing a new source, made through the forms.</summary>
    public static async Task<(HttpClient Editor, int ClaimId, int SourceId)> ClaimWithSourceAsync(this ClaimTrackerFactory factory)
    {
        var editor = await factory.SignedInAsync($"ed-{Guid.NewGuid():N}@example.org", Roles.Editor);
        var id = await factory.CreateClaimAsync("Behauptung " + Guid.NewGuid().ToString("N")[..8]);
        if (!await factory.WithDbAsync(db => db.Actors.AnyAsync(a => a.Name == "Testland")))
        {
            await editor.SubmitAsync(await editor.GetAsync("/editor/actors", expectOk: true), "actor-form", ("Input.Name", "Testland"), ("Input.Kind", "State"));
        }
        await editor.SubmitAsync(await editor.GetAsync($"/editor/claims/source/{id}", expectOk: true), "new-source-form",
            ("Source.Url", $"https://agentur.example/{Guid.NewGuid():N}"), ("Source.Title", "Agenturmeldung"), ("Link.Stance", "Supports"));
        var sourceId = await factory.WithDbAsync(db => db.ClaimSources.Where(cs => cs.ClaimId == id).Select(cs => cs.SourceId).SingleAsync());
        return (editor, id, sourceId);
    }
}
