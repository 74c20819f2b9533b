using System.Net;
using AngleSharp.Dom;
using ClaimTracker.Domain.Accounts;
using ClaimTracker.Domain.Claims;
using ClaimTracker.Infrastructure.Claims;
using ClaimTracker.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace ClaimTracker.IntegrationTests.Workflow;

/// <summary>The reviewer reads the pending version as the public page will show it: after approval, readers get exactly that.</summary>
public sealed class ReviewPreviewTests(ManySignInsFactory factory) : IClassFixture<ManySignInsFactory>
{
    /// <summary>The claim's markup, without the publication date line (it names the moment of approval and the version count).</summary>
    private static string Article(IElement article)
    {
        foreach (var dated in article.QuerySelectorAll("#published-on").ToList())
        {
            dated.PreviousElementSibling?.Remove();
            dated.Remove();
        }
        return article.InnerHtml.Trim();
    }

    [Fact]
    public async Task ReviewPreview_IsThePublicPageReadersGetOnApproval_FirstPublicationAndUpdate()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var author = $"vorschau-autor-{tag}@example.org";
        var reviewer = await factory.SignedInAsync($"vorschau-pruefer-{tag}@example.org", Roles.Reviewer);
        var id = await factory.CreateClaimAsync($"Nordkorea liefert Granaten {tag}", by: author);
        var (_, sourceId) = await factory.CreateActorAndSourceAsync();
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var citations = scope.ServiceProvider.GetRequiredService<CiteSources>();
            var statusChange = scope.ServiceProvider.GetRequiredService<ChangeClaimStatus>();
            Assert.True((await citations.AttachSourceAsync(id, int.Parse(sourceId), SourceStance.Supports, "„Granaten geliefert“", null, author)).Succeeded);
            Assert.True((await statusChange.ChangeStatusAsync(id, await factory.WithDbAsync(db => Task.FromResult(db.Statuses.Single(s => s.Key == "unproven").Id)),
                new DateOnly(2024, 6, 18), "Vorwürfe, **keine Belege**.", [int.Parse(sourceId)], null, author)).Succeeded);
        }

        var slug = await ApproveThroughTheReviewPageAsync(id, author, reviewer, compare: true);

        // An update: a new status with a rationale, then the same comparison against version 2.
        await factory.SetStatusAsync(id, "corroborated", new DateOnly(2024, 11, 30));
        await ApproveThroughTheReviewPageAsync(id, author, reviewer, compare: true);
        Assert.Contains("Begründung.", (await factory.CreateBrowser().GetAsync($"/claims/{slug}", expectOk: true)).GetElementById("timeline")!.TextContent);
    }

    private async Task<string> ApproveThroughTheReviewPageAsync(int id, string author, HttpClient reviewer, bool compare)
    {
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var submitted = await scope.ServiceProvider.GetRequiredService<ClaimTracker.Infrastructure.Workflow.ClaimWorkflow>().SubmitAsync(id, author, null, false, null);
            Assert.True(submitted.Succeeded, string.Join(" ", submitted.Errors.Select(e => e.Message)));
        }
        var review = await reviewer.GetAsync($"/editor/claims/review/{id}", expectOk: true);
        var preview = review.QuerySelector("#reader-preview article")!;
        Assert.NotNull(preview.QuerySelector("#claim-headline"));
        Assert.Contains("<strong>keine Belege</strong>", preview.QuerySelector("#timeline")!.InnerHtml);

        var approved = await reviewer.SubmitAsync(review, "approve-form", ("approvalComment", "Passt."));
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        var slug = await factory.WithDbAsync(db => Task.FromResult(db.Claims.Single(c => c.Id == id).Slug));
        var page = await factory.CreateBrowser().GetAsync($"/claims/{slug}", expectOk: true);
        var article = page.GetElementById("claim")!;
        // What the public page adds around the article: the embed code to copy, its script, the footer's links.
        foreach (var around in article.QuerySelectorAll("footer.claim-tools, details.embed-code, script").ToList())
        {
            around.Remove();
        }
        if (compare)
        {
            Assert.Equal(Article(article), Article(preview));
        }
        return slug;
    }
}
