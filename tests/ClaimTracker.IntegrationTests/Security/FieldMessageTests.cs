using ClaimTracker.Domain.Accounts;
using ClaimTracker.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ClaimTracker.IntegrationTests.Security;

/// <summary>Every field of every staff form has a place for its message, so no refusal goes unexplained next to the field.</summary>
public sealed class FieldMessageTests(ClaimTrackerFactory factory) : IClassFixture<ClaimTrackerFactory>
{
    [Fact]
    public async Task EveryFormField_HasItsMessagePlace()
    {
        var admin = await factory.SignedInAsync($"felder-{Guid.NewGuid():N}@example.org", Roles.Admin, Roles.Editor, Roles.Reviewer);
        var claim = await factory.CreateClaimAsync($"Felder der Formulare {Guid.NewGuid().ToString("N")[..6]}");
        var (actor, source) = await factory.CreateActorAndSourceAsync();
        var user = await factory.WithDbAsync(db => db.Users.Select(u => u.Id).FirstAsync());
        var pages = new[]
        {
            "/editor/claims/new", $"/editor/claims/edit/{claim}", $"/editor/claims/statement/{claim}", $"/editor/claims/source/{claim}",
            $"/editor/claims/status/{claim}", $"/editor/claims/details/{claim}", $"/editor/claims/review/{claim}", $"/editor/actors", $"/editor/actors/edit/{actor}", $"/editor/sources/edit/{source}",
            "/admin/users/create", $"/admin/users/edit/{user}", "/admin/settings", "/account/changepassword",
        };
        var missing = new List<string>();
        foreach (var url in pages)
        {
            var page = await admin.GetAsync(url, expectOk: true);
            foreach (var field in page.QuerySelectorAll("form[method=post] input[name], form[method=post] textarea[name], form[method=post] select[name]"))
            {
                var name = field.GetAttribute("name")!;
                if (name == "__RequestVerificationToken" || field.GetAttribute("type") is "hidden" or "checkbox" or "radio" or "submit")
                {
                    continue;
                }
                if (page.QuerySelector($"[data-valmsg-for='{name}']") is null)
                {
                    missing.Add($"{url}: {name}");
                }
            }
        }

        Assert.True(missing.Count == 0, "Fields without a place for their message:" + Environment.NewLine + string.Join(Environment.NewLine, missing.Distinct()));
    }
}
