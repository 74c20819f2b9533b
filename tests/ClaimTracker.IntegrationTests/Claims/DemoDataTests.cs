using ClaimTracker.Infrastructure.Seeding;
using ClaimTracker.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ClaimTracker.IntegrationTests.Claims;

public sealed class DemoDataTests(DevelopmentFactory factory) : IClassFixture<DevelopmentFactory>
{
    [Fact]
    public async Task FirstDevelopmentStart_LoadsTheSeedClaims_WithTheArmsCaseInFourSteps()
    {
        _ = factory.CreateBrowser();

        Assert.True(await factory.WithDbAsync(db => db.Claims.CountAsync()) >= 10);
        var arms = await factory.WithDbAsync(db => db.Claims.Include(c => c.StatusChanges).ThenInclude(s => s.Status)
            .Include(c => c.Statements).ThenInclude(s => s.JointActors).SingleAsync(c => c.Slug == DemoData.ArmsSlug));
        Assert.Equal(["open", "unproven", "unproven", "corroborated"],
            arms.StatusChanges.OrderBy(s => s.EffectiveOn).Select(s => s.Status!.Key));
        Assert.Equal("corroborated", await factory.WithDbAsync(db => db.Statuses.Where(s => s.Id == arms.CurrentStatusId).Select(s => s.Key).SingleAsync()));
        // Pyongyang and Moscow denied together, three times: three joint statements, not six.
        var denials = arms.Statements.Where(s => s.Stance == Domain.Claims.Stance.Denies).ToList();
        Assert.Equal(3, denials.Count);
        Assert.All(denials, d => Assert.Equal(2, d.ActorIds.Count()));
        Assert.True(await factory.WithDbAsync(db => db.Claims.AnyAsync(c => c.ParentClaimId == arms.Id)));
        Assert.True(await factory.WithDbAsync(db => db.Set<Domain.Claims.ClaimRelation>().AnyAsync(r => r.ToClaimId == arms.Id && r.Kind == Domain.Claims.RelationKind.Contradicts)));
        Assert.Equal(5, await factory.WithDbAsync(db => db.Sources.CountAsync()));
        Assert.All(await factory.WithDbAsync(db => db.Claims.Select(c => new { c.IsPublic, c.Review.State }).ToListAsync()),
            c => Assert.Equal((true, Domain.Workflow.ReviewState.Approved), (c.IsPublic, c.State)));
        var versions = await factory.WithDbAsync(db => db.ClaimVersions.Where(v => v.ClaimId == arms.Id).OrderBy(v => v.Number)
            .Select(v => new { v.Kind, v.StatusSince }).ToListAsync());
        Assert.Equal([(Domain.Workflow.VersionKind.FirstPublication, new DateOnly(2024, 6, 18)), (Domain.Workflow.VersionKind.Update, new DateOnly(2024, 11, 30))],
            versions.Select(v => (v.Kind, v.StatusSince!.Value)));
    }

    [Fact]
    public async Task Loader_RunTwice_ChangesNothing()
    {
        _ = factory.CreateBrowser();
        var before = await factory.WithDbAsync(db => db.ChangeRecords.CountAsync());

        await using var scope = factory.Services.CreateAsyncScope();
        var loaded = await scope.ServiceProvider.GetRequiredService<DemoData>().LoadAsync();

        Assert.False(loaded);
        Assert.Equal(before, await factory.WithDbAsync(db => db.ChangeRecords.CountAsync()));
    }

    /// <summary>Nothing invented: every excerpt, link quote and statement quote stands in a seed article.</summary>
    [Fact]
    public async Task EveryQuote_IsCopiedFromTheSeedArticles()
    {
        var seeds = SeedArticles.All();
        _ = factory.CreateBrowser();
        var excerpts = await factory.WithDbAsync(db => db.Sources.Select(s => s.Excerpt!).ToListAsync());
        var linkQuotes = await factory.WithDbAsync(db => db.ClaimSources.Where(s => s.Quote != null).Select(s => s.Quote!).ToListAsync());
        var statementQuotes = await factory.WithDbAsync(db => db.Statements.Where(s => s.Quote != null).Select(s => s.Quote!).ToListAsync());

        var passages = excerpts.SelectMany(e => e.Split('\n')).Concat(linkQuotes)
            .Concat(statementQuotes.SelectMany(q => q.Split(" […] ")).Select(q => q.Trim('„', '“', '"')))
            .Where(p => p.Length > 0).ToList();
        Assert.NotEmpty(passages);
        Assert.All(passages, passage => Assert.Contains(passage, seeds));
    }
}
