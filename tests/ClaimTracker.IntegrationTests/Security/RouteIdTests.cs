using System.Net;
using ClaimTracker.Domain.Accounts;
using ClaimTracker.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ClaimTracker.IntegrationTests.Security;

/// <summary>A record has one address, and only its address names it.</summary>
public sealed class RouteIdTests(ClaimTrackerFactory factory) : IClassFixture<ClaimTrackerFactory>
{
    [Theory]
    [InlineData("+{0}")]
    [InlineData("0{0}")]
    [InlineData("%20{0}")]
    [InlineData("{0}%20")]
    [InlineData("{0}.0")]
    public async Task NonCanonicalId_Is404(string spelling)
    {
        var id = await factory.CreateClaimAsync($"Kanonische Adresse {Guid.NewGuid().ToString("N")[..6]}");
        var editor = await factory.SignedInAsync($"adresse-{Guid.NewGuid():N}@example.org", Roles.Editor);
        Assert.Equal(HttpStatusCode.OK, (await editor.GetAsync($"/editor/claims/details/{id}")).StatusCode);

        var response = await editor.GetAsync($"/editor/claims/details/{string.Format(System.Globalization.CultureInfo.InvariantCulture, spelling, id)}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task FormFieldNamedId_DoesNotRedirectTheChangeToAnotherClaim()
    {
        var target = await factory.CreateClaimAsync($"Ziel der Änderung {Guid.NewGuid().ToString("N")[..6]}");
        var other = await factory.CreateClaimAsync($"Fremde Behauptung {Guid.NewGuid().ToString("N")[..6]}");
        var editor = await factory.SignedInAsync($"feld-id-{Guid.NewGuid():N}@example.org", Roles.Editor);
        var form = await editor.GetAsync($"/editor/claims/edit/{target}", expectOk: true);

        var response = await editor.SubmitAsync(form, "slug-form", ("NewSlug", "ziel-" + target), ("id", other.ToString()));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("ziel-" + target, await factory.WithDbAsync(db => db.Claims.Where(c => c.Id == target).Select(c => c.Slug).SingleAsync()));
        Assert.NotEqual("ziel-" + target, await factory.WithDbAsync(db => db.Claims.Where(c => c.Id == other).Select(c => c.Slug).SingleAsync()));
    }
}
