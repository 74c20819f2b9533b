using System.Net;
using AngleSharp.Dom;
using ClaimTracker.Domain.Accounts;
using ClaimTracker.Domain.Claims;
using ClaimTracker.Infrastructure.Claims;
using ClaimTracker.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ClaimTracker.IntegrationTests.Claims;

/// <summary>
/// Eight editors post the same form of the same claim at the same moment, through the real pages: no answer is a 5xx, and
/// every editor's input is either saved or shown again in the form with a message (never lost). Approval: PublicationTests.
/// </summary>
public sealed class ConcurrentFormsTests(ConcurrentFormsTests.ManyEditorsFactory factory) : IClassFixture<ConcurrentFormsTests.ManyEditorsFactory>
{
    /// <summary>The app with room for many sign-ins from the test's one address (the limit guards against guessing passwords).</summary>
    public sealed class ManyEditorsFactory() : ClaimTrackerFactory("Production",
        new Dictionary<string, string> { ["Security:RateLimits:PerAddressPerMinute"] = "1000" });

    private const int Editors = 8;

    private async Task<List<HttpClient>> EditorsAsync(string name) =>
        [.. await Task.WhenAll(Enumerable.Range(0, Editors).Select(i => factory.SignedInAsync($"{name}-{i}-{Guid.NewGuid():N}@example.org", Roles.Editor)))];

    private async Task<(int ClaimId, int SourceId, int ActorId)> ClaimWithSourceAsync(string headline)
    {
        var id = await factory.CreateClaimAsync($"{headline} {Guid.NewGuid().ToString("N")[..6]}");
        var (actorId, sourceId) = await factory.CreateActorAndSourceAsync();
        await using var scope = factory.Services.CreateAsyncScope();
        var evidence = scope.ServiceProvider.GetRequiredService<CiteSources>();
        Assert.True((await evidence.AttachSourceAsync(id, int.Parse(sourceId), SourceStance.Supports, null, null, "builder@example.org")).Succeeded);
        return (id, int.Parse(sourceId), int.Parse(actorId));
    }

    /// <summary>Posts every editor's form at once; each answer with the text that editor typed.</summary>
    private static async Task<(HttpResponseMessage Response, IDocument Page, string Typed)[]> PostAllAsync(List<HttpClient> editors, string url,
        string formId, Func<int, (string Name, IReadOnlyList<string> Values)[]> fields, Func<int, string> typed)
    {
        var forms = await Task.WhenAll(editors.Select(e => e.GetAsync(url, expectOk: true)));
        var responses = await Task.WhenAll(editors.Select((e, i) => e.SubmitListsAsync(forms[i], formId, fields(i))));
        return await Task.WhenAll(responses.Select(async (r, i) => (r, await Html.ParseAsync(r), typed(i))));
    }

    private static void NoServerErrorAndNothingLost((HttpResponseMessage Response, IDocument Page, string Typed)[] answers, IReadOnlyCollection<string> saved)
    {
        foreach (var (response, page, typed) in answers)
        {
            Assert.True((int)response.StatusCode < 500, $"“{typed}” was answered {(int)response.StatusCode}.");
            if (response.StatusCode == HttpStatusCode.Redirect)
            {
                Assert.Contains(typed, saved);
            }
            else
            {
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                Assert.NotEmpty(page.Errors());
                Assert.Contains(page.QuerySelectorAll("input, textarea"), f => (f.GetAttribute("value") ?? f.TextContent).Contains(typed, StringComparison.Ordinal));
            }
        }
    }

    [Fact]
    public async Task StatusChanges_FromEightEditorsAtOnce_AreAllRecorded()
    {
        var (id, sourceId, _) = await ClaimWithSourceAsync("Gleichzeitige Statusänderungen");
        var open = await factory.WithDbAsync(db => db.Statuses.Where(s => s.Key == "corroborated").Select(s => s.Id).SingleAsync());

        var answers = await PostAllAsync(await EditorsAsync("status"), $"/editor/claims/status/{id}", "status-form",
            i => [("Input.StatusId", [open.ToString()]), ("Input.EffectiveOn", ["2024-11-30"]), ("Input.Rationale", [$"Begründung Nummer {i}."]),
                ("Input.SourceIds", [sourceId.ToString()])],
            i => $"Begründung Nummer {i}.");

        var saved = await factory.WithDbAsync(async db => (await db.StatusChanges.Where(s => s.ClaimId == id).ToListAsync()).Select(s => s.Rationale.Html).ToList());
        NoServerErrorAndNothingLost(answers, saved.Select(h => h.Replace("<p>", "").Replace("</p>", "")).ToList());
        Assert.Equal(Editors, saved.Count);
    }

    [Fact]
    public async Task Statements_FromEightEditorsAtOnce_AreAllRecorded()
    {
        var (id, sourceId, actorId) = await ClaimWithSourceAsync("Gleichzeitige Stellungnahmen");

        var answers = await PostAllAsync(await EditorsAsync("statement"), $"/editor/claims/statement/{id}", "statement-form",
            i => [("Input.ActorId", [actorId.ToString()]), ("Input.Stance", ["Denies"]), ("Input.MadeOn", ["2024-06-18"]),
                ("Input.Quote", [$"Dementi Nummer {i}."]), ("Input.SourceIds", [sourceId.ToString()])],
            i => $"Dementi Nummer {i}.");

        var saved = await factory.WithDbAsync(db => db.Statements.Where(s => s.ClaimId == id).Select(s => s.Quote!).ToListAsync());
        NoServerErrorAndNothingLost(answers, saved);
        Assert.Equal(Editors, saved.Count);
    }

    [Fact]
    public async Task NewSources_FromEightEditorsAtOnce_AreAllAttached()
    {
        var (id, _, _) = await ClaimWithSourceAsync("Gleichzeitige Quellen");
        var run = Guid.NewGuid().ToString("N")[..6];

        var answers = await PostAllAsync(await EditorsAsync("quelle"), $"/editor/claims/source/{id}", "new-source-form",
            i => [("Source.Url", [$"https://agentur.example/{run}/{i}"]), ("Source.Title", [$"Meldung Nummer {i} {run}"])],
            i => $"Meldung Nummer {i} {run}");

        var saved = await factory.WithDbAsync(db => db.ClaimSources.Where(s => s.ClaimId == id).Select(s => s.Source!.Title).ToListAsync());
        NoServerErrorAndNothingLost(answers, saved);
        Assert.Equal(Editors + 1, saved.Count);
    }

    [Fact]
    public async Task Edits_FromEightEditorsOfTheSameVersion_SaveOne_AndShowTheOthersTheConflictWithTheirInput()
    {
        var (id, _, _) = await ClaimWithSourceAsync("Gleichzeitig bearbeitet");

        var answers = await PostAllAsync(await EditorsAsync("bearbeitung"), $"/editor/claims/edit/{id}", "claim-form",
            i => [("Input.Headline", [$"Neue Überschrift Nummer {i}"])],
            i => $"Neue Überschrift Nummer {i}");

        var headline = await factory.WithDbAsync(db => db.Claims.Where(c => c.Id == id).Select(c => c.Headline).SingleAsync());
        NoServerErrorAndNothingLost(answers, [headline]);
        Assert.Single(answers, a => a.Response.StatusCode == HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task NewClaimForm_PostedEightTimesAtOnce_CreatesOneClaim()
    {
        var editor = await factory.SignedInAsync($"doppelklick-{Guid.NewGuid():N}@example.org", Roles.Editor);
        var headline = $"Quittenmus im Orbit {Guid.NewGuid().ToString("N")[..6]}";
        var form = await editor.GetAsync("/editor/claims/new", expectOk: true);

        var responses = await Task.WhenAll(Enumerable.Range(0, Editors).Select(_ => editor.SubmitAsync(form, "claim-form",
            ("Input.Headline", headline), ("Input.OriginalText", "Xylophone wurden zweimal bestellt."))));

        foreach (var response in responses)
        {
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, (await Html.ParseAsync(response)).Errors());
        }
        var id = Assert.Single(await factory.WithDbAsync(db => db.Claims.Where(c => c.Headline == headline).Select(c => c.Id).ToListAsync()));
        Assert.All(responses, r => Assert.EndsWith($"/editor/claims/details/{id}", r.Headers.Location!.OriginalString, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task NewClaims_WithTheSameHeadlineFromEightEditorsAtOnce_GetDistinctSlugsOrAreShownTheSimilarClaim()
    {
        var headline = $"Gleichlautende Behauptung {Guid.NewGuid().ToString("N")[..6]}";

        var answers = await PostAllAsync(await EditorsAsync("gleich"), "/editor/claims/new", "claim-form",
            i => [("Input.Headline", [headline]), ("Input.OriginalText", [$"Fassung Nummer {i}."])],
            i => $"Fassung Nummer {i}.");

        var saved = await factory.WithDbAsync(db => db.Claims.Where(c => c.Headline == headline).Select(c => new { c.OriginalText, c.Slug }).ToListAsync());
        foreach (var (response, page, typed) in answers)
        {
            Assert.True((int)response.StatusCode < 500, $"“{typed}” was answered {(int)response.StatusCode}.");
            if (response.StatusCode != HttpStatusCode.Redirect)
            {
                // Shown the claim that was logged a moment earlier, with the input kept, to open or to confirm as new.
                Assert.NotNull(page.GetElementById("similar-claims"));
                Assert.Equal(typed, page.QuerySelector("textarea[name='Input.OriginalText']")!.TextContent.Trim());
            }
        }
        Assert.Equal(answers.Count(a => a.Response.StatusCode == HttpStatusCode.Redirect), saved.Count);
        Assert.Equal(saved.Count, saved.Select(c => c.Slug).Distinct().Count());
    }

    [Fact]
    public async Task NewClaim_WithALongHeadlineWhoseSlugIsTaken_GetsAShortenedSlugWithItsSuffix()
    {
        var headline = "Nordkorea liefert Artilleriemunition und ballistische Raketen an Russland über den Hafen Radschin " + Guid.NewGuid().ToString("N")[..4];
        var first = await factory.CreateClaimAsync(headline);
        var second = await factory.CreateClaimAsync(headline);

        var slugs = await factory.WithDbAsync(db => db.Claims.Where(c => c.Id == first || c.Id == second).OrderBy(c => c.Id).Select(c => c.Slug).ToListAsync());

        Assert.Equal(2, slugs.Distinct().Count());
        Assert.EndsWith("-2", slugs[1]);
        Assert.True(slugs[1].Length <= ClaimTracker.Domain.Text.Slug.MaxLength, slugs[1]);
    }

    [Fact]
    public async Task EightClaimsNamingTheSameNewTopicAtOnce_AreAllFiledUnderOneTopic()
    {
        var topic = $"Gleichzeitthema {Guid.NewGuid().ToString("N")[..6]}";

        var ids = await Task.WhenAll(Enumerable.Range(0, Editors).Select(i => factory.CreateClaimAsync($"Behauptung {i} zum neuen Thema {topic}",
            $"Eigener Wortlaut Nummer {i}.", topics: topic)));

        var slug = ClaimTracker.Domain.Text.Slug.From(topic);
        Assert.Equal(1, await factory.WithDbAsync(db => db.Topics.CountAsync(t => t.Slug == slug)));
        Assert.Equal(Editors, await factory.WithDbAsync(db => db.Claims.CountAsync(c => ids.Contains(c.Id) && c.Topics.Any(t => t.Topic!.Slug == slug))));
    }

    [Fact]
    public async Task TopicsWithTheSamePermalink_AreOneTopic()
    {
        var id = await factory.CreateClaimAsync($"Behauptung mit doppeltem Thema {Guid.NewGuid().ToString("N")[..6]}", topics: "Dup Test; dup-test; DUP test");

        Assert.Equal(["dup-test"], await factory.WithDbAsync(db => db.Claims.Where(c => c.Id == id).SelectMany(c => c.Topics).Select(t => t.Topic!.Slug).ToListAsync()));
    }
}
