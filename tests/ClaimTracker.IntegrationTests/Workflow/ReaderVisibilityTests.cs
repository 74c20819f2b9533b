using System.Net;
using ClaimTracker.Domain.Claims;
using ClaimTracker.Infrastructure.Claims;
using ClaimTracker.Infrastructure.Data;
using ClaimTracker.Infrastructure.Workflow;
using ClaimTracker.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ClaimTracker.IntegrationTests.Workflow;

/// <summary>
/// The four-eye promise over everything a reader can get: a unique marker in every editable field of work no reviewer
/// approved (a draft never submitted, a submitted draft, a pending revision of a published claim, an actor edit, a library
/// source edit), then every anonymous GET route of the app — taken from its endpoint data — with every claim, actor and
/// topic slug the database holds, signed out, in English and German. No answer may hold a marker.
/// </summary>
public sealed class ReaderVisibilityTests(ClaimTrackerFactory factory) : IClassFixture<ClaimTrackerFactory>
{
    private const string Editor = "marker-editor@example.org";
    private static readonly DateOnly Day = new(2024, 11, 30);

    private readonly List<(string Marker, string Field)> markers = [];

    /// <summary>A new marker for one field; the search prefix "zqxmark" finds every one of them.</summary>
    private string Mark(string field)
    {
        var marker = $"Zqxmark{markers.Count + 1:D3}";
        markers.Add((marker, field));
        return marker;
    }

    [Fact]
    public async Task UnapprovedWork_ReachesNoPublicRoute_InEitherLanguage()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var editor = services.GetRequiredService<LogClaim>();
        var citations = services.GetRequiredService<CiteSources>();
        var statements = services.GetRequiredService<RecordStatement>();
        var statusChange = services.GetRequiredService<ChangeClaimStatus>();
        var library = services.GetRequiredService<SourceLibrary>();
        var directory = services.GetRequiredService<ActorDirectory>();
        var workflow = services.GetRequiredService<ClaimWorkflow>();
        var db = services.GetRequiredService<AppDbContext>();
        var verdict = await db.Statuses.Where(s => s.Key == "corroborated").Select(s => s.Id).SingleAsync();

        // What readers may see: a published claim with an actor, a topic, a source, a statement and a verdict.
        var speaker = Id(await directory.CreateAsync(new Actor.Draft("Sichtbarer Akteur", ActorKind.State, null, "Beschreibung wie freigegeben", null, null)));
        var outlet = Id(await directory.CreateAsync(new Actor.Draft("Sichtbare Agentur", ActorKind.NewsOutlet, null, null, null, "independent")));
        var source = Id(await library.CreateAsync(new Source.Draft("https://example.org/basis", "Basisartikel", outlet, null, Day, "de", null, "Basisauszug"), Editor));
        var published = Id(await editor.CreateAsync(Input("Veröffentlichte Basisbehauptung", "Waffenlieferungen", [speaker]), Editor));
        Check(await citations.AttachSourceAsync(published, source, SourceStance.Supports, null, null, Editor));
        Check(await statements.AddStatementAsync(published, new Statement.Draft(speaker, Stance.Asserts, Day, "Basiszitat", "de", null, [source]), Editor));
        Check(await statusChange.ChangeStatusAsync(published, verdict, Day, "<p>Basisbegründung.</p>", [source], null, Editor));
        await factory.PublishAsync(published);

        await MarkedDraftAsync("never-submitted draft", submit: false);
        await MarkedDraftAsync("submitted draft", submit: true);

        await RevisionWithEveryFieldMarkedAsync(published, speaker, verdict);
        await LibraryEditsMarkedAsync(speaker, source);

        var routes = await PublicRoutesAsync(db);
        Assert.True(routes.Count > 40, $"Only {routes.Count} public addresses were found: " + string.Join(" ", routes));
        var reader = factory.CreateBrowser();
        var leaks = new List<string>();
        var answered = 0;
        foreach (var url in routes)
        {
            foreach (var language in new[] { "en", "de" })
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, url);
                request.Headers.AcceptLanguage.ParseAdd(language);
                var response = await reader.SendAsync(request);
                answered += response.StatusCode == HttpStatusCode.OK ? 1 : 0;
                var body = WithoutOwnAddress(await response.Content.ReadAsStringAsync(), url) + " " + response.Headers.Location?.OriginalString;
                leaks.AddRange(markers.Where(m => body.Contains(m.Marker, StringComparison.OrdinalIgnoreCase))
                    .Select(m => $"{language} GET {url} ({(int)response.StatusCode}) shows the {m.Field} ({m.Marker})"));
            }
        }

        Assert.True(leaks.Count == 0, string.Join(Environment.NewLine, leaks));
        // The walk reached real pages: the published claim, its topic and actor pages, lists and feeds answered.
        Assert.True(answered > 40, $"Only {answered} answers were 200.");
    }

    /// <summary>A pending revision of the published claim: texts, a new topic, a statement, a source, a status, a new slug.</summary>
    private async Task RevisionWithEveryFieldMarkedAsync(int published, int speaker, int verdict)
    {
        const string revision = "pending revision";
        await using var scope = factory.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var editor = services.GetRequiredService<EditClaim>();
        var citations = services.GetRequiredService<CiteSources>();
        var statements = services.GetRequiredService<RecordStatement>();
        var statusChange = services.GetRequiredService<ChangeClaimStatus>();
        var edit = (await services.GetRequiredService<ClaimTracker.Web.Pages.Editor.Claims.ClaimEditQuery>().GetAsync(published))!;
        Check(await editor.EditAsync(published, edit.Version, Input($"Überarbeitet {Mark(revision + " headline")}", $"Waffenlieferungen; Thema {Mark(revision + " topic")}", [speaker]) with
        {
            OriginalText = Mark(revision + " original text"),
            Translation = Mark(revision + " translation"),
            Translator = Mark(revision + " translator"),
            Summary = $"<p>{Mark(revision + " summary")}</p>",
            ClaimReviewed = Mark(revision + " short form"),
        }, Editor));
        var revisionSource = await MarkedSourceAsync(revision);
        Check(await citations.AttachSourceAsync(published, revisionSource, SourceStance.Disputes, Mark(revision + " source quote"), Mark(revision + " source note"), Editor));
        Check(await statements.AddStatementAsync(published, new Statement.Draft(speaker, Stance.Denies, Day, Mark(revision + " statement quote"), "de",
            Mark(revision + " statement translation"), [revisionSource]), Editor));
        Check(await statusChange.ChangeStatusAsync(published, verdict, Day, $"<p>{Mark(revision + " rationale")}</p>", [revisionSource], null, Editor));
        Check(await editor.ChangeSlugAsync(published, Mark(revision + " slug").ToLowerInvariant(), Editor));

    }

    /// <summary>Library edits of what the published claim shows: its speaker and its source.</summary>
    private async Task LibraryEditsMarkedAsync(int speaker, int source)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var directory = scope.ServiceProvider.GetRequiredService<ActorDirectory>();
        var library = scope.ServiceProvider.GetRequiredService<SourceLibrary>();
        var (actorDraft, actorVersion) = (await directory.FindAsync(speaker))!.Value;
        Check(await directory.EditAsync(speaker, actorVersion, actorDraft with
        {
            Name = $"Akteur {Mark("actor edit name")}",
            Description = Mark("actor edit description"),
        }, Editor));
        var sourceView = (await library.FindAsync(source))!;
        Check(await library.EditAsync(source, sourceView.Version, sourceView.Draft with
        {
            Title = $"Titel {Mark("source edit title")}",
            Author = Mark("source edit author"),
            Excerpt = Mark("source edit excerpt"),
        }, Editor));

    }

    private async Task MarkedDraftAsync(string label, bool submit)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var editor = services.GetRequiredService<LogClaim>();
        var citations = services.GetRequiredService<CiteSources>();
        var statements = services.GetRequiredService<RecordStatement>();
        var statusChange = services.GetRequiredService<ChangeClaimStatus>();
        var directory = services.GetRequiredService<ActorDirectory>();
        var db = services.GetRequiredService<AppDbContext>();
        var verdict = await db.Statuses.Where(s => s.Key == "corroborated").Select(s => s.Id).SingleAsync();
        var parent = await db.Claims.Where(c => c.IsPublic).Select(c => c.Id).FirstAsync();

        var speaker = Id(await directory.CreateAsync(new Actor.Draft($"Akteur {Mark(label + " actor name")}", ActorKind.Person, null,
            Mark(label + " actor description"), null, null)));
        var source = await MarkedSourceAsync(label);
        var id = Id(await editor.CreateAsync(Input($"Entwurf {Mark(label + " headline")}", $"Thema {Mark(label + " topic")}", [speaker]) with
        {
            OriginalText = Mark(label + " original text"),
            Translation = Mark(label + " translation"),
            Translator = Mark(label + " translator"),
            Summary = $"<p>{Mark(label + " summary")}</p>",
            ClaimReviewed = Mark(label + " short form"),
            ParentClaimId = parent,
        }, Editor));
        Check(await citations.AttachSourceAsync(id, source, SourceStance.Supports, Mark(label + " source quote"), Mark(label + " source note"), Editor));
        Check(await statements.AddStatementAsync(id, new Statement.Draft(speaker, Stance.Asserts, Day, Mark(label + " statement quote"), "de",
            Mark(label + " statement translation"), [source]), Editor));
        Check(await statusChange.ChangeStatusAsync(id, verdict, Day, $"<p>{Mark(label + " rationale")}</p>", [source], null, Editor));
        if (submit)
        {
            Check(await services.GetRequiredService<ClaimWorkflow>().SubmitAsync(id, Editor, Mark(label + " submission comment"), false, null));
        }
    }

    /// <summary>A new library source with an outlet of its own, every field marked; returns its id.</summary>
    private async Task<int> MarkedSourceAsync(string label)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var outlet = Id(await scope.ServiceProvider.GetRequiredService<ActorDirectory>().CreateAsync(
            new Actor.Draft($"Agentur {Mark(label + " outlet")}", ActorKind.NewsOutlet, null, null, null, "independent")));
        return Id(await scope.ServiceProvider.GetRequiredService<SourceLibrary>().CreateAsync(new Source.Draft(
            $"https://example.org/{Mark(label + " source address").ToLowerInvariant()}", $"Titel {Mark(label + " source title")}", outlet,
            Mark(label + " source author"), Day, "de", $"https://archiv.example.org/{Mark(label + " archive address").ToLowerInvariant()}",
            Mark(label + " source excerpt")), Editor));
    }

    /// <summary>
    /// Every anonymous GET route of the app, from its endpoint data, with each route value a reader could try: every claim slug the
    /// database holds (current, pending, old), every actor and topic slug, versions 1–3; the lists and the API with every filter
    /// value and a search for the markers.
    /// </summary>
    private async Task<List<string>> PublicRoutesAsync(AppDbContext db)
    {
        _ = factory.CreateBrowser();
        var claimSlugs = (await db.Claims.Select(c => c.Slug).ToListAsync())
            .Concat(await db.Claims.Where(c => c.PendingSlug != null).Select(c => c.PendingSlug!).ToListAsync())
            .Concat(await db.SlugRedirects.Select(r => r.OldSlug).ToListAsync()).Distinct().ToList();
        var actorSlugs = await db.Actors.Select(a => a.Slug).ToListAsync();
        var topicSlugs = await db.Topics.Select(t => t.Slug).ToListAsync();
        var statusKeys = await db.Statuses.Select(s => s.Key).ToListAsync();

        var templates = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is not null)
            .Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.IHttpMethodMetadata>() is not { } methods
                        || methods.HttpMethods.Contains("GET"))
            .Select(e => e.RoutePattern)
            .DistinctBy(p => p.RawText)
            .ToList();
        Assert.Contains(templates, p => p.RawText!.Contains("topics/{slug}/feed.atom", StringComparison.Ordinal));

        var urls = new List<string>();
        foreach (var pattern in templates)
        {
            var paths = new List<string> { string.Empty };
            foreach (var segment in pattern.PathSegments)
            {
                var first = pattern.PathSegments[0].Parts[0] is Microsoft.AspNetCore.Routing.Patterns.RoutePatternLiteralPart literal ? literal.Content : string.Empty;
                var values = new List<string> { string.Empty };
                foreach (var part in segment.Parts)
                {
                    IReadOnlyList<string> choices = part switch
                    {
                        Microsoft.AspNetCore.Routing.Patterns.RoutePatternLiteralPart l => [l.Content],
                        Microsoft.AspNetCore.Routing.Patterns.RoutePatternSeparatorPart s => [s.Content],
                        Microsoft.AspNetCore.Routing.Patterns.RoutePatternParameterPart { Name: "slug" } => first switch
                        {
                            "actors" => actorSlugs,
                            "topics" => topicSlugs,
                            _ => claimSlugs,
                        },
                        Microsoft.AspNetCore.Routing.Patterns.RoutePatternParameterPart { Name: "version" } => ["1", "2", "3"],
                        // Kept evidence (preserved copies, files), by number.
                        Microsoft.AspNetCore.Routing.Patterns.RoutePatternParameterPart { Name: "id" } => ["1", "2", "3"],
                        Microsoft.AspNetCore.Routing.Patterns.RoutePatternParameterPart { Name: "code" } => ["404"],
                        Microsoft.AspNetCore.Routing.Patterns.RoutePatternParameterPart { Name: "documentName" } => ["v1"],
                        // Sitemap files of claims: the first two (the second exists once there are more than 10,000).
                        Microsoft.AspNetCore.Routing.Patterns.RoutePatternParameterPart { Name: "page" } => ["1", "2"],
                        Microsoft.AspNetCore.Routing.Patterns.RoutePatternParameterPart { IsCatchAll: true } => ["gibt-es-nicht"],
                        Microsoft.AspNetCore.Routing.Patterns.RoutePatternParameterPart p => throw new InvalidOperationException(
                            $"No reader values for the route parameter {{{p.Name}}} of /{pattern.RawText}: add them here."),
                        _ => [string.Empty],
                    };
                    values = values.SelectMany(v => choices.Select(c => v + c)).ToList();
                }
                paths = paths.SelectMany(p => values.Select(v => p + "/" + v)).ToList();
            }
            urls.AddRange(paths.Select(p => p.Length == 0 ? "/" : p));
        }
        foreach (var list in new[] { "/claims", "/api/claims" })
        {
            urls.AddRange([$"{list}?q=zqxmark", $"{list}?q=Zqxmark"]);
            urls.AddRange(topicSlugs.Select(t => $"{list}?topic={t}"));
            urls.AddRange(actorSlugs.Select(a => $"{list}?actor={a}"));
            urls.AddRange(statusKeys.Select(k => $"{list}?status={k}&q=zqxmark"));
            urls.AddRange(topicSlugs.Select(t => $"{list}?topic={t}&q=zqxmark"));
        }
        return urls.Distinct().ToList();
    }

    /// <summary>The page without the places it names its own address (the language switch's return address): that is the reader's input.</summary>
    private static string WithoutOwnAddress(string body, string url) =>
        body.Replace(Uri.EscapeDataString(url), string.Empty, StringComparison.OrdinalIgnoreCase)
            .Replace(WebUtility.HtmlEncode(url), string.Empty, StringComparison.OrdinalIgnoreCase)
            .Replace(url, string.Empty, StringComparison.OrdinalIgnoreCase);

    private static ClaimInput Input(string headline, string topics, IReadOnlyCollection<int> claimants) =>
        new(headline, "Ein Satz, wie er gesagt wurde.", "de", null, null, false, Day, null, null, claimants, [], topics, null);

    private static int Id(WorkResult result) => Check(result).Id ?? throw new InvalidOperationException("The use case named no id.");

    private static WorkResult Check(WorkResult result) => result.Succeeded
        ? result
        : throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => $"{e.Field}: {e.Message}")));
}
