using ClaimTracker.Infrastructure.Claims;
using ClaimTracker.Infrastructure.Data;
using ClaimTracker.Infrastructure.Site;
using ClaimTracker.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ClaimTracker.IntegrationTests.Data;

/// <summary>
/// The status scale, site settings, topics and actors are kept in memory for reader pages; any save that changes them,
/// through the admin forms' services or through any context, is seen by the very next read.
/// </summary>
public sealed class ReferenceDataTests(ClaimTrackerFactory factory) : IClassFixture<ClaimTrackerFactory>
{
    [Fact]
    public async Task StatusScale_EditedThroughAnotherContext_NextReadShowsTheEdit()
    {
        var before = await ReadScaleAsync();
        var open = before.Single(s => s.Key == "open");

        await factory.WithDbAsync(async db =>
        {
            var status = await db.Statuses.SingleAsync(s => s.Key == "open");
            status.Edit("Open (checked daily)", "Offen (täglich geprüft)", open.DescriptionEn, open.DescriptionDe, open.Colour,
                open.Order, open.IsVerdict, open.RatingValue, open.IsFinal);
            return await db.SaveChangesAsync();
        });

        var after = await ReadScaleAsync();
        Assert.Equal("Offen (täglich geprüft)", after.Single(s => s.Key == "open").NameDe);
        Assert.NotEqual(open.Version, after.Single(s => s.Key == "open").Version);
    }

    [Fact]
    public async Task SiteSettings_ReadTwice_SecondComesFromMemory_AndASaveIsSeenAtOnce()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        await SignalsListeningAsync();
        var site = scope.ServiceProvider.GetRequiredService<SitePublishing>();
        var first = await site.GetAsync();
        Assert.Same(first, await site.GetAsync());

        var saved = await site.UpdateAsync(first.Version, new SiteInput("Redaktion Süd", first.PublisherUrl, first.ContactEmail,
            first.About.Html, first.Methodology.Html, first.CorrectionsPolicy.Html, first.ReviewIntervalDays));
        Assert.True(saved.Succeeded, string.Join("; ", saved.Errors.Select(e => e.Message)));

        await using var next = factory.Services.CreateAsyncScope();
        Assert.Equal("Redaktion Süd", (await next.ServiceProvider.GetRequiredService<SitePublishing>().GetAsync()).PublisherName);
    }

    [Fact]
    public async Task Topics_ReadFromMemory_ATopicIsOfferedToReadersOnceAClaimFiledUnderItIsApproved_AndGoneWhenItIsWithdrawn()
    {
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            await SignalsListeningAsync();
            var claims = scope.ServiceProvider.GetRequiredService<PublicDirectory>();
            Assert.Same(await claims.TopicsAsync(), await claims.TopicsAsync());
        }
        var id = await factory.CreateClaimAsync("Behauptung über Ostseepipelines", topics: "Ostseepipelines");
        var reader = factory.CreateClient();
        Assert.DoesNotContain("Ostseepipelines", await reader.GetStringAsync("/claims"));

        await factory.PublishAsync(id);
        Assert.Contains("Ostseepipelines", await reader.GetStringAsync("/claims"));

        await factory.PublishAsync(id, isPublic: false);
        Assert.DoesNotContain("Ostseepipelines", await reader.GetStringAsync("/claims"));
    }

    [Fact]
    public async Task Actors_ReadFromMemory_ANewActorCanBeNamedOnTheClaimFormAtOnce()
    {
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            await SignalsListeningAsync();
            var actors = scope.ServiceProvider.GetRequiredService<ActorDirectory>();
            Assert.Same(await actors.OptionsAsync(), await actors.OptionsAsync());
            var created = await actors.CreateAsync(new ClaimTracker.Domain.Claims.Actor.Draft("Außenministerium Kasachstans",
                ClaimTracker.Domain.Claims.ActorKind.GovernmentBody, "KZ", null, null, null));
            Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Message)));
        }

        var editor = await factory.SignedInAsync($"akteure-{Guid.NewGuid():N}@example.org", ClaimTracker.Domain.Accounts.Roles.Editor);
        var form = await editor.GetAsync("/editor/claims/new", expectOk: true);
        var response = await editor.SubmitAsync(form, "claim-form", ("Input.Headline", "Kasachstan bestreitet Waffentransit " + Guid.NewGuid().ToString("N")[..6]),
            ("Input.OriginalText", "Das Außenministerium weist Berichte über einen Transit zurück."), ("Input.Language", "de"),
            ("Input.AddClaimants", "außenministerium kasachstans"), ("ConfirmedNew", "true"));

        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        var details = await editor.FollowAsync(response);
        Assert.Equal("Außenministerium Kasachstans", details.GetElementById("claimants")!.TextContent);
    }

    [Fact]
    public async Task Loading_WhileASaveForgetsTheValues_DoesNotKeepTheStaleLoad()
    {
        var reference = factory.Services.GetRequiredService<ReferenceData>();
        var loads = 0;
        var stale = await reference.GetAsync("probe", async _ =>
        {
            loads++;
            reference.Forget();
            await Task.Yield();
            return "loaded before the save";
        });
        Assert.Equal("loaded before the save", stale);
        var fresh = await reference.GetAsync("probe", _ => { loads++; return Task.FromResult("loaded after the save"); });
        Assert.Equal("loaded after the save", fresh);
        Assert.Equal(2, loads);
    }

    private async Task<IReadOnlyList<StatusRow>> ReadScaleAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<StatusScale>().ListAsync();
    }

    /// <summary>
    /// On PostgreSQL an instance forgets what it kept once its listener for other instances' signals is up (signals
    /// sent before were lost); a "read from memory" check made before that moment would see the forgetting.
    /// </summary>
    private async Task SignalsListeningAsync()
    {
        if (factory.Services.GetService<ClaimTracker.Infrastructure.Data.PostgresChangeSignals>() is { } signals)
        {
            await signals.Listening.WaitAsync(TimeSpan.FromSeconds(30));
        }
    }
}
