using System.Xml.Linq;
using ClaimTracker.IntegrationTests.Infrastructure;

namespace ClaimTracker.IntegrationTests.Public;

/// <summary>
/// A feed polled again is answered without reading its entries from the database, until what readers see changes: an
/// approval, a withdrawal, a renamed status are in the very next answer; a draft's work forgets nothing.
/// </summary>
public sealed class FeedMemoTests
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    [Fact]
    public async Task FeedPolledAgain_ReadsNoEntries_UntilAnApprovalOrWithdrawal_WhichTheNextAnswerShows()
    {
        using var factory = new ConfiguredFactory(new Dictionary<string, string>
        {
            ["Performance:OutputCache"] = "false",
            ["Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command"] = "Information",
        });
        var first = await factory.CreateClaimAsync("Erste Behauptung im Feed");
        await factory.SetStatusAsync(first, "open", new DateOnly(2024, 5, 1));
        var firstSlug = await factory.PublishAsync(first);
        var reader = factory.CreateBrowser();
        Assert.Contains($"/claims/{firstSlug}", await LinksAsync(reader));

        factory.Log.Clear();
        Assert.Contains($"/claims/{firstSlug}", await LinksAsync(reader));
        Assert.DoesNotContain(factory.Log.Entries, e => e.Contains("Executed DbCommand", StringComparison.Ordinal) && e.Contains("StatusChanges", StringComparison.Ordinal));

        // A draft's status change is the desk's: the feed stays as it was, still from memory.
        var second = await factory.CreateClaimAsync("Zweite Behauptung im Feed");
        await factory.SetStatusAsync(second, "false", new DateOnly(2024, 6, 1));
        factory.Log.Clear();
        var secondSlug = await factory.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(
            db.Claims.Where(c => c.Id == second).Select(c => c.Slug)));
        Assert.DoesNotContain($"/claims/{secondSlug}", await LinksAsync(reader));
        Assert.DoesNotContain(factory.Log.Entries, e => e.Contains("Executed DbCommand", StringComparison.Ordinal) && e.Contains("StatusChanges", StringComparison.Ordinal));

        // Approved, it is in the next answer.
        await factory.PublishAsync(second);
        Assert.Contains($"/claims/{secondSlug}", await LinksAsync(reader));

        // Withdrawn, the next answer announces it.
        await factory.PublishAsync(first, isPublic: false);
        var feed = XDocument.Parse(await reader.GetStringAsync("/feeds/claims.atom"));
        Assert.Contains(feed.Root!.Elements(Atom + "entry"), e => e.Element(Atom + "id")!.Value.StartsWith("urn:claimtracker:withdrawal:", StringComparison.Ordinal));
    }

    private static async Task<List<string>> LinksAsync(HttpClient reader) =>
        XDocument.Parse(await reader.GetStringAsync("/feeds/claims.atom")).Root!.Elements(Atom + "entry")
            .SelectMany(e => e.Elements(Atom + "link")).Select(l => new Uri((string)l.Attribute("href")!).AbsolutePath).ToList();
}
