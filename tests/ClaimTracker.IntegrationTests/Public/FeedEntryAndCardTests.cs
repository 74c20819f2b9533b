using System.Xml.Linq;
using ClaimTracker.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ClaimTracker.IntegrationTests.Public;

/// <summary>Feed entries as feed readers track them: a retitled entry says it was updated (times from a fake clock).</summary>
public sealed class FeedEntryUpdateTests(FakeClockFactory factory) : IClassFixture<FakeClockFactory>
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    [Fact]
    public async Task AnApprovedHeadlineEdit_UpdatesTheOlderEntriesItRetitles()
    {
        var id = await factory.CreateClaimAsync("Alte Überschrift " + Guid.NewGuid().ToString("N")[..6]);
        await factory.SetStatusAsync(id, "unproven", new DateOnly(2024, 2, 1));
        var slug = await factory.PublishAsync(id);
        var reader = factory.CreateBrowser();
        var first = XDocument.Parse(await reader.GetStringAsync($"/claims/{slug}/feed.atom")).Root!.Element(Atom + "entry")!;
        var updatedBefore = DateTime.Parse(first.Element(Atom + "updated")!.Value, System.Globalization.CultureInfo.InvariantCulture);

        factory.Clock.Advance(TimeSpan.FromDays(2));
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var editor = scope.ServiceProvider.GetRequiredService<ClaimTracker.Infrastructure.Claims.EditClaim>();
            var edit = (await scope.ServiceProvider.GetRequiredService<ClaimTracker.Web.Pages.Editor.Claims.ClaimEditQuery>().GetAsync(id))!;
            var result = await editor.EditAsync(id, edit.Version, new ClaimTracker.Infrastructure.Claims.ClaimInput("Neue Überschrift " + slug[^6..],
                edit.OriginalText, edit.Language, null, null, false, null, null, null, [], [], null, null), "builder@example.org");
            Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Message)));
        }
        slug = await factory.PublishAsync(id);

        var entry = XDocument.Parse(await reader.GetStringAsync($"/claims/{slug}/feed.atom")).Root!.Elements(Atom + "entry")
            .Single(e => e.Element(Atom + "id")!.Value == first.Element(Atom + "id")!.Value);
        Assert.Contains("Neue Überschrift", entry.Element(Atom + "title")!.Value);
        Assert.Equal(updatedBefore.AddDays(2), DateTime.Parse(entry.Element(Atom + "updated")!.Value, System.Globalization.CultureInfo.InvariantCulture), TimeSpan.FromSeconds(1));
        Assert.Equal(first.Element(Atom + "published")!.Value, entry.Element(Atom + "published")!.Value);
    }
}

/// <summary>A share card's headline wraps inside the card and says when it was cut.</summary>
public sealed class ShareCardLayoutTests
{
    [Fact]
    public void LongHeadline_WrapsToFourLinesInsideTheCard_EndingInAnEllipsis()
    {
        using var font = new SkiaSharp.SKFont(SkiaSharp.SKTypeface.Default, 58);
        var headline = string.Join(' ', Enumerable.Repeat("Nordkorea liefert Russland Artillerie und Raketen,", 8)) + " " + new string('x', 120);

        var lines = ClaimTracker.Web.Public.ShareCard.Wrap(headline, font, 1040, maxLines: 4);

        Assert.Equal(4, lines.Count);
        Assert.All(lines, l => Assert.True(font.MeasureText(l) <= 1040, $"“{l}” is wider than the card."));
        Assert.EndsWith("…", lines[^1]);
        Assert.Equal(["Kurz"], ClaimTracker.Web.Public.ShareCard.Wrap("Kurz", font, 1040, maxLines: 4));
        // A single word longer than a line is cut, not left to run off the card.
        var word = ClaimTracker.Web.Public.ShareCard.Wrap(new string('w', 300), font, 1040, maxLines: 4);
        Assert.Single(word);
        Assert.True(font.MeasureText(word[0]) <= 1040);
    }
}
