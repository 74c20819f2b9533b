using ClaimTracker.Domain.Accounts;
using ClaimTracker.Infrastructure.Claims;
using ClaimTracker.Infrastructure.Workflow;
using ClaimTracker.IntegrationTests.Infrastructure;
using ClaimTracker.Web.Pages.Editor.Claims;
using Microsoft.Extensions.DependencyInjection;
using static ClaimTracker.IntegrationTests.Infrastructure.TestNames;

namespace ClaimTracker.IntegrationTests.Workflow;

/// <summary>The review queue as reviewers read it: who may approve what waits.</summary>
public sealed class ReviewQueueTests(ClaimTrackerFactory factory) : IClassFixture<ClaimTrackerFactory>
{
    private const string YoursHint = "yours: another reviewer approves";

    [Fact]
    public async Task Queue_MarksAChange_AsYours_ForEveryAuthorOfIt_NotOnlyForWhoSubmitted()
    {
        var (writer, coAuthor, other) = (Email("schreiberin"), Email("mitautor"), Email("pruefer"));
        var id = await factory.CreateClaimAsync(Unique("Gemeinsam geschrieben"), by: writer);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            // The reviewer edits the draft before the writer submits it: the change waiting for review is partly theirs.
            var form = (await scope.ServiceProvider.GetRequiredService<ClaimEditQuery>().GetAsync(id))!;
            var edited = await scope.ServiceProvider.GetRequiredService<EditClaim>().EditAsync(id, form.Version,
                new ClaimInput(form.Headline + " (ergänzt)", form.OriginalText, form.Language, null, null, false, null, null, null, [], [], null, null),
                coAuthor);
            Assert.True(edited.Succeeded, string.Join(" ", edited.Errors.Select(e => e.Message)));
            Assert.True((await scope.ServiceProvider.GetRequiredService<ClaimWorkflow>().SubmitAsync(id, writer, null, false, null)).Succeeded);
        }

        var asCoAuthor = await QueueRowAsync(await factory.SignedInAsync(coAuthor, Roles.Editor, Roles.Reviewer), id);
        var asOther = await QueueRowAsync(await factory.SignedInAsync(other, Roles.Reviewer), id);

        Assert.Contains(YoursHint, asCoAuthor);
        Assert.Contains(writer, asCoAuthor);
        Assert.DoesNotContain(YoursHint, asOther);
    }

    private static async Task<string> QueueRowAsync(HttpClient reviewer, int claimId)
    {
        var queue = await reviewer.GetAsync("/editor/reviews", expectOk: true);
        var row = queue.QuerySelectorAll("#review-queue tbody tr")
            .SingleOrDefault(r => r.QuerySelector($"a[href='/editor/claims/review/{claimId}']") is not null);
        Assert.NotNull(row);
        return row.TextContent;
    }
}
