using System.Diagnostics;
using System.Net;
using System.Text.Json;
using ClaimTracker.Domain.Accounts;
using ClaimTracker.Domain.Claims;
using ClaimTracker.Infrastructure.Claims;
using ClaimTracker.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ClaimTracker.IntegrationTests.Evidence;

/// <summary>
/// A desk brings its published fact-checks in as ClaimReview: from a file in the shapes tools export, or from a page. It sees
/// the plan first; a bad row stops the whole file with the row named; the drafts made wait for the ordinary review.
/// </summary>
public sealed class ClaimReviewImportTests(EvidenceFactory evidence) : IClassFixture<EvidenceFactory>
{
    private static object Review(string claim, string url, object rating, string date = "2024-11-05", object? author = null, string? appearance = null) => new Dictionary<string, object?>
    {
        ["@context"] = "https://schema.org",
        ["@type"] = "ClaimReview",
        ["url"] = url,
        ["datePublished"] = date,
        ["claimReviewed"] = claim,
        ["inLanguage"] = "de",
        ["itemReviewed"] = new Dictionary<string, object?>
        {
            ["@type"] = "Claim",
            ["author"] = author ?? new { @type = "Organization", name = "Zentrale Nachrichtenagentur Import" },
            ["appearance"] = appearance is null ? null : new[] { new { url = appearance } },
        },
        ["reviewRating"] = rating,
    };

    private static byte[] Json(object value) => JsonSerializer.SerializeToUtf8Bytes(value);

    private async Task<(HttpClient Editor, string Email)> EditorAsync()
    {
        var email = $"import-{Guid.NewGuid().ToString("N")[..12]}@example.org";
        return (await evidence.App.SignedInAsync(email, Roles.Editor), email);
    }

    private async Task<(AngleSharp.Dom.IDocument Page, ImportJob Job)> ReadFileAsync(HttpClient editor, string email, byte[] file, string name = "checks.json")
    {
        var form = await editor.GetAsync("/editor/import", expectOk: true);
        var planned = await editor.UploadAsync(form, "import-file-form", "Upload", name, "application/json", file);
        Assert.True(HttpStatusCode.Redirect == planned.StatusCode, string.Join("\n", evidence.App.Log.Entries.Where(e => e.Contains("Exception", StringComparison.Ordinal)).TakeLast(3)));
        var id = Guid.Parse(planned.Headers.Location!.OriginalString.Split('/').Last());
        var job = evidence.App.Services.GetRequiredService<ClaimReviewImportRun>().Find(id, email)!;
        return (await editor.GetAsync(planned.Headers.Location.OriginalString, expectOk: true), job);
    }

    private static async Task<AngleSharp.Dom.IDocument> RunAsync(HttpClient editor, AngleSharp.Dom.IDocument preview, ImportJob job)
    {
        Assert.Equal(HttpStatusCode.Redirect, (await editor.SubmitAsync(preview, "import-start-form")).StatusCode);
        await job.Completion.WaitAsync(TimeSpan.FromMinutes(5), TestContext.Current.CancellationToken);
        return await editor.GetAsync($"/editor/import/job/{job.Id}", expectOk: true);
    }

    [Fact]
    public async Task ASingleReview_BecomesADraftWithItsVerdictClaimantAndSources_AfterThePreview()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var (editor, email) = await EditorAsync();
        var before = await evidence.App.WithDbAsync(db => db.Claims.CountAsync());
        // An author of its own: other tests of this class add the default one to the directory.
        var (preview, job) = await ReadFileAsync(editor, email, Json(Review($"Pjöngjang liefert Haubitzen {tag}", $"https://checks.example/haubitzen-{tag}",
            new { @type = "Rating", alternateName = "Misleading" }, author: new { @type = "Organization", name = $"Nachrichtenagentur {tag}" },
            appearance: $"https://staatsmedien.example/haubitzen-{tag}")));

        var row = preview.QuerySelector("#import-preview tr[data-row='1']")!.TextContent;
        Assert.Contains("Misleading", row);
        Assert.Contains($"Nachrichtenagentur {tag} (new)", row);
        Assert.Contains("create", row);
        Assert.Equal(before, await evidence.App.WithDbAsync(db => db.Claims.CountAsync()));

        var done = await RunAsync(editor, preview, job);

        Assert.Contains("1 of 1", done.GetElementById("import-progress")!.TextContent);
        var claimId = job.Created.Values.Single().ClaimId;
        var claim = await evidence.App.WithDbAsync(db => db.Claims.Include(c => c.Actors).Include(c => c.Sources).ThenInclude(s => s.Source)
            .SingleAsync(c => c.Id == claimId));
        Assert.Equal($"Pjöngjang liefert Haubitzen {tag}", claim.Headline);
        Assert.False(claim.IsPublic);
        Assert.Null(claim.PublishedVersion);
        Assert.Equal("misleading", await evidence.App.WithDbAsync(db => db.Statuses.Where(s => s.Id == claim.CurrentStatusId).Select(s => s.Key).SingleAsync()));
        Assert.Equal([$"https://checks.example/haubitzen-{tag}", $"https://staatsmedien.example/haubitzen-{tag}"], claim.Sources.Select(s => s.Source!.Url).Order());
        Assert.Equal(SourceStance.Disputes, claim.Sources.Single(s => s.Source!.Url!.StartsWith("https://checks", StringComparison.Ordinal)).Stance);
        var actorId = await evidence.App.WithDbAsync(db => db.Actors.Where(a => a.Name == $"Nachrichtenagentur {tag}").Select(a => a.Id).SingleAsync());
        Assert.Contains(claim.Actors, a => a.ActorId == actorId);
        // Readers see nothing of it until review.
        Assert.Equal(HttpStatusCode.NotFound, (await evidence.App.CreateBrowser().GetAsync($"/claims/{claim.Slug}")).StatusCode);

        // The same file again: matched by the review's address, skipped.
        var (again, _) = await ReadFileAsync(editor, email, Json(Review($"Pjöngjang liefert Haubitzen {tag}", $"https://checks.example/haubitzen-{tag}",
            new { @type = "Rating", alternateName = "Misleading" })));
        Assert.Contains($"already imported: its address is a source of claim #{claimId}", again.QuerySelector("#import-preview tr[data-row='1']")!.TextContent);
        Assert.Null(again.GetElementById("import-start-form"));
    }

    [Fact]
    public async Task APagesGraphAndMicrodata_AreRead_RatingsByNameAndByNumber_AndKnownActorsMatched()
    {
        await using (var scope = evidence.App.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ActorDirectory>().CreateAsync(
                new Actor.Draft("Staatliche Agentur KCNA", ActorKind.NewsOutlet, null, null, "Q99990001", "state-controlled"));
        }
        var (editor, email) = await EditorAsync();
        var form = await editor.GetAsync("/editor/import", expectOk: true);

        var planned = await editor.SubmitAsync(form, "import-page-form", ("Address", evidence.Site.Root + "/factchecks"));

        Assert.Equal(HttpStatusCode.Redirect, planned.StatusCode);
        var preview = await editor.GetAsync(planned.Headers.Location!.OriginalString, expectOk: true);
        var rows = preview.QuerySelectorAll("#import-preview tbody tr").Select(r => r.TextContent).ToList();
        Assert.Equal(3, rows.Count);
        Assert.Contains("False", rows[0]);                       // "Falsch", by name (German)
        Assert.Contains("Staatliche Agentur KCNA", rows[0]);     // matched by its Wikidata id, not by the review's spelling
        Assert.DoesNotContain("(new)", rows[0]);
        Assert.Contains("Confirmed", rows[1]);                   // 9 of 0–10, by number
        Assert.Contains("9 of 0–10", rows[1]);
        Assert.Contains("Corroborated", rows[2]);                // microdata
        Assert.Contains("Russland setzt nordkoreanische Raketen ein", rows[2]);
        Assert.Contains("Ukrainischer Geheimdienst Import (new)", rows[2]);
    }

    [Fact]
    public async Task ADataFeedOf500Reviews_IsImportedWithProgress()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var feed = new Dictionary<string, object?>
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "DataFeed",
            ["dataFeedElement"] = Enumerable.Range(1, 500).Select(i => new Dictionary<string, object?>
            {
                ["@type"] = "DataFeedItem",
                ["item"] = new[] { Review($"Behauptung Nummer {i} aus dem Archiv {tag}", $"https://archiv.example/{tag}/{i}",
                    i % 2 == 0 ? new { alternateName = "Unproven" } : (object)new { ratingValue = i % 5 + 1 },
                    author: new { @type = "Person", name = $"Sprecher {i % 7} {tag}" }) },
            }).ToList(),
        };
        var (editor, email) = await EditorAsync();
        var (preview, job) = await ReadFileAsync(editor, email, Json(feed), "feed.json");
        Assert.Contains("500 to create, 0 to skip, 7 new actors", preview.GetElementById("import-summary")!.TextContent);

        var watch = Stopwatch.StartNew();
        Assert.Equal(HttpStatusCode.Redirect, (await editor.SubmitAsync(preview, "import-start-form")).StatusCode);
        var progress = await editor.GetAsync($"/editor/import/job/{job.Id}", expectOk: true);
        // While it runs the page shows how far it got and reloads itself; it may already be done on a fast machine.
        var shown = progress.GetElementById("import-progress")!.TextContent;
        Assert.Matches(@"\d+ of 500", shown);
        if (job.State == ImportState.Running)
        {
            Assert.NotNull(progress.QuerySelector("meta[http-equiv='refresh']"));
        }
        await job.Completion.WaitAsync(TimeSpan.FromMinutes(10), TestContext.Current.CancellationToken);
        TestContext.Current.SendDiagnosticMessage($"500 ClaimReviews imported in {watch.Elapsed.TotalSeconds:0.0} s (job: {job.Took.TotalSeconds:0.0} s).");

        Assert.Equal(ImportState.Finished, job.State);
        var done = await editor.GetAsync($"/editor/import/job/{job.Id}", expectOk: true);
        Assert.Contains("500 of 500", done.GetElementById("import-progress")!.TextContent);
        Assert.Null(done.QuerySelector("meta[http-equiv='refresh']"));
        Assert.Equal(500, await evidence.App.WithDbAsync(db => db.Claims.CountAsync(c => c.Headline.EndsWith(" aus dem Archiv " + tag))));
        Assert.Equal(7, await evidence.App.WithDbAsync(db => db.Actors.CountAsync(a => a.Name.EndsWith(" " + tag))));
    }

    public static TheoryData<string, string> BadRows => new()
    {
        { "unknown-rating", "Review 2 (“Zweite Behauptung" },
        { "javascript-url", "url: 'javascript:alert(document.cookie)' is not a web address" },
        { "huge", "claimReviewed: Claim as made can have at most 4000 characters" },
        { "future", "is in the future" },
    };

    [Theory]
    [MemberData(nameof(BadRows))]
    public async Task AnyBadRow_StopsTheWholeFile_NamingTheRow_AndNothingIsSaved(string kind, string message)
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var good = Review($"Erste Behauptung {tag}", $"https://checks.example/erste-{tag}", new { alternateName = "False" });
        var bad = kind switch
        {
            "unknown-rating" => Review($"Zweite Behauptung {tag}", $"https://checks.example/zweite-{tag}", new { alternateName = "Pants on Fire" }),
            "javascript-url" => Review($"Zweite Behauptung {tag}", "javascript:alert(document.cookie)", new { alternateName = "False" }),
            "huge" => Review(new string('x', 5 * 1024 * 1024), $"https://checks.example/zweite-{tag}", new { alternateName = "False" }),
            _ => Review($"Zweite Behauptung {tag}", $"https://checks.example/zweite-{tag}", new { alternateName = "False" }, date: "2099-01-01"),
        };
        var (editor, email) = await EditorAsync();
        var claims = await evidence.App.WithDbAsync(db => db.Claims.CountAsync());
        var actors = await evidence.App.WithDbAsync(db => db.Actors.CountAsync());

        var (preview, job) = await ReadFileAsync(editor, email, Json(new[] { good, bad }));

        var problems = preview.GetElementById("import-problems")!.TextContent;
        Assert.Contains(message, problems);
        Assert.Contains("Review 2", problems);
        Assert.Null(preview.GetElementById("import-start-form"));
        Assert.False(evidence.App.Services.GetRequiredService<ClaimReviewImportRun>().Start(job));
        Assert.Equal(claims, await evidence.App.WithDbAsync(db => db.Claims.CountAsync()));
        Assert.Equal(actors, await evidence.App.WithDbAsync(db => db.Actors.CountAsync()));
    }

    [Fact]
    public async Task MarkupInAReview_IsTakenApart_AndNeverReachesAPageAsMarkup()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var (editor, email) = await EditorAsync();
        var (preview, job) = await ReadFileAsync(editor, email, Json(Review($"<script>alert(1)</script><b>Raketen</b> über <i>See</i> {tag}",
            $"https://checks.example/markup-{tag}", new { alternateName = "Unproven" })));

        await RunAsync(editor, preview, job);

        var claimId = job.Created.Values.Single().ClaimId;
        var headline = await evidence.App.WithDbAsync(db => db.Claims.Where(c => c.Id == claimId).Select(c => c.Headline).SingleAsync());
        Assert.Equal($"Raketen über See {tag}", headline);
        var page = await editor.GetAsync($"/editor/claims/details/{claimId}", expectOk: true);
        Assert.DoesNotContain("alert(1)", page.DocumentElement.OuterHtml);
    }

    [Fact]
    public async Task AReviewOfAClaimTheDeskHasAlready_IsSkippedByItsHeadline()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var existing = await evidence.App.CreateClaimAsync($"Munition aus Nordkorea erreicht die Front {tag}");
        var (editor, email) = await EditorAsync();

        var (preview, _) = await ReadFileAsync(editor, email, Json(new[]
        {
            Review($"munition aus Nordkorea erreicht die Front {tag}!", $"https://checks.example/front-{tag}", new { alternateName = "Corroborated" }),
            Review($"Andere Behauptung {tag}", $"https://checks.example/andere-{tag}", new { ratingValue = 5 }),
        }));

        Assert.Contains($"claim #{existing} has the same headline", preview.QuerySelector("#import-preview tr[data-row='1']")!.TextContent);
        Assert.Contains("1 to create, 1 to skip", preview.GetElementById("import-summary")!.TextContent);
    }

    [Fact]
    public async Task ARowRefusedWhileTheImportRuns_UndoesTheDraftsMadeBeforeIt()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        int actorId;
        await using (var scope = evidence.App.Services.CreateAsyncScope())
        {
            actorId = (await scope.ServiceProvider.GetRequiredService<ActorDirectory>().CreateAsync(
                new Actor.Draft($"Verschwindendes Ministerium {tag}", ActorKind.GovernmentBody, null, null, null, null))).Id!.Value;
        }
        var (editor, email) = await EditorAsync();
        var (preview, job) = await ReadFileAsync(editor, email, Json(new[]
        {
            Review($"Erste von dreien {tag}", $"https://checks.example/eins-{tag}", new { alternateName = "False" }),
            Review($"Zweite von dreien {tag}", $"https://checks.example/zwei-{tag}", new { alternateName = "False" }),
            Review($"Dritte von dreien {tag}", $"https://checks.example/drei-{tag}", new { alternateName = "False" },
                author: new { @type = "Organization", name = $"Verschwindendes Ministerium {tag}" }),
        }));
        Assert.Contains("3 to create", preview.GetElementById("import-summary")!.TextContent);
        var claims = await evidence.App.WithDbAsync(db => db.Claims.CountAsync());
        // Between the preview and the start the matched actor goes (as if merged away by another editor).
        await evidence.App.WithDbAsync(async db => await db.Actors.Where(a => a.Id == actorId).ExecuteDeleteAsync());

        var done = await RunAsync(editor, preview, job);

        Assert.Equal(ImportState.Failed, job.State);
        var message = done.GetElementById("import-progress")!.TextContent;
        Assert.Contains("Review 3", message);
        Assert.Contains("Nothing was kept", message);
        Assert.Equal(claims, await evidence.App.WithDbAsync(db => db.Claims.CountAsync()));
        Assert.False(await evidence.App.WithDbAsync(db => db.Sources.AnyAsync(s => s.Url == $"https://checks.example/eins-{tag}" && db.ClaimSources.Any(cs => cs.SourceId == s.Id))));
    }
}
