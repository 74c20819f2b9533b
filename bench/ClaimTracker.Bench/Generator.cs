using ClaimTracker.Domain.Accounts;
using System.Diagnostics;
using System.Globalization;
using ClaimTracker.Domain.Claims;
using ClaimTracker.Domain.Text;
using ClaimTracker.Domain.Workflow;
using ClaimTracker.Infrastructure.Claims;
using ClaimTracker.Infrastructure.Data;
using ClaimTracker.Infrastructure.Security;
using ClaimTracker.Infrastructure.Workflow;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ClaimTracker.Bench;

/// <summary>
/// Fills a database with N claims of realistic shape through the app's own domain and data layer
/// (entities, rules, the change-recording interceptor, the search indexes and the approval snapshots),
/// deterministically from a seed. On average per claim: 3 statements, 4 source links, 4 status
/// changes; shared pools of sources, actors and topics; about 5 % sub-claims and 10 % drafts.
/// </summary>
public sealed class Generator(IServiceProvider services, int claims, int seed, TextWriter progress)
{
    public const string Editor = "bench-editor@claimtracker.test";
    public const string Reviewer = "bench-reviewer@claimtracker.test";
    private const int Batch = 500;

    private readonly Random random = new(seed);
    private readonly DateTime now = new(2026, 11, 1, 12, 0, 0, DateTimeKind.Utc);

    public async Task<TimeSpan> RunAsync(CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        int[] actorIds, outletIds, sourceIds;
        Dictionary<string, StatusDefinition> statuses;
        List<Topic> topics;
        await using (var scope = services.CreateAsyncScope())
        {
            var db = Prepare(scope);
            if (await db.Claims.AnyAsync(cancellationToken))
            {
                throw new InvalidOperationException("The database already holds claims; generate into a new file.");
            }
            statuses = await db.Statuses.ToDictionaryAsync(s => s.Key, cancellationToken);
            var outlets = Enumerable.Range(0, Math.Max(20, claims / 500)).Select(i => Actor.Create(new Actor.Draft(
                $"{Pick(Text.OutletPrefixes)} {Pick(Text.Places)} {i}", ActorKind.NewsOutlet, Pick(Text.Places), null, null, Pick(Text.Provenance)), $"outlet-{i}")).ToList();
            var actors = Enumerable.Range(0, Math.Max(50, claims / 50)).Select(i => Actor.Create(new Actor.Draft(
                $"{Pick(Text.FirstNames)} {Pick(Text.LastNames)} {i}", (ActorKind)random.Next(0, 5), Pick(Text.Places), Sentence(Text.German, 6, 12), null, null), $"actor-{i}")).ToList();
            db.Actors.AddRange(outlets);
            db.Actors.AddRange(actors);
            topics = Enumerable.Range(0, 40).Select(i => Topic.Create($"{Pick(Text.TopicWords)} {i}")).ToList();
            db.Topics.AddRange(topics);
            await db.SaveChangesAsync(cancellationToken);
            (actorIds, outletIds) = (actors.Select(a => a.Id).ToArray(), outlets.Select(o => o.Id).ToArray());

            var sourceCount = Math.Max(100, claims * 2 / 5);
            var ids = new List<int>(sourceCount);
            for (var start = 0; start < sourceCount; start += Batch * 4)
            {
                var batch = Enumerable.Range(start, Math.Min(Batch * 4, sourceCount - start)).Select(i => Source.Create(new Source.Draft(
                    $"https://news{i % 97}.example/{Year()}/{i}/{Slug.From(Sentence(Text.German, 3, 5))}", Sentence(Text.German, 6, 12).TrimEnd('.'),
                    outletIds[random.Next(outletIds.Length)], $"{Pick(Text.FirstNames)} {Pick(Text.LastNames)}", Date(), random.Next(3) == 0 ? "en" : "de",
                    null, Paragraph(Text.German, 2, 4)), Editor, now)).ToList();
                db.Sources.AddRange(batch);
                await db.SaveChangesAsync(cancellationToken);
                ids.AddRange(batch.Select(s => s.Id));
                db.ChangeTracker.Clear();
            }
            sourceIds = [.. ids];
            progress.WriteLine($"generate: {actors.Count + outlets.Count} actors, {sourceIds.Length} sources, {topics.Count} topics ({clock.Elapsed.TotalSeconds:F0} s)");
        }

        // A pipeline over two cores: while batch k+1 is written, a second context reads batch k's claims
        // back through the app's own claim query to make their approval snapshots.
        var created = new List<int>(claims);
        (AsyncServiceScope Scope, List<(Claim Claim, bool Draft)> Batch, Task<Dictionary<int, string>> Snapshots)? previous = null;
        for (var start = 0; start < claims; start += Batch)
        {
            var scope = services.CreateAsyncScope();
            var db = Prepare(scope);
            var count = Math.Min(Batch, claims - start);
            var batchTopics = await db.Topics.ToListAsync(cancellationToken);
            var scale = await db.Statuses.ToDictionaryAsync(s => s.Key, cancellationToken);
            var batch = new List<(Claim Claim, bool Draft)>(count);
            for (var i = 0; i < count; i++)
            {
                batch.Add((NewClaim(start + i, created, actorIds, sourceIds, scale, batchTopics), random.Next(10) == 0));
                db.Claims.Add(batch[^1].Claim);
            }
            await db.SaveChangesAsync(cancellationToken);
            created.AddRange(batch.Select(b => b.Claim.Id));
            var toPublish = batch.Where(b => !b.Draft).Select(b => b.Claim.Id).ToList();
            var snapshots = Task.Run(() => SnapshotsAsync(toPublish, cancellationToken), cancellationToken);
            if (previous is { } earlier)
            {
                await ApproveAsync(earlier.Scope, earlier.Batch, await earlier.Snapshots, cancellationToken);
            }
            previous = (scope, batch, snapshots);
            var done = start + count;
            if (done % 5000 == 0 || done == claims)
            {
                var rate = done / clock.Elapsed.TotalSeconds;
                progress.WriteLine($"generate: {done:N0} / {claims:N0} claims ({clock.Elapsed.TotalSeconds:F0} s, {rate:F0} claims/s, about {(claims - done) / rate:F0} s left)");
            }
        }
        if (previous is { } last)
        {
            await ApproveAsync(last.Scope, last.Batch, await last.Snapshots, cancellationToken);
        }
        return clock.Elapsed;
    }

    /// <summary>The reader-facing page of each claim, as the app's claim query reads it, for its version 1.</summary>
    private async Task<Dictionary<int, string>> SnapshotsAsync(List<int> ids, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var queries = scope.ServiceProvider.GetRequiredService<ClaimDetailsQuery>();
        var snapshots = new Dictionary<int, string>(ids.Count);
        foreach (var id in ids)
        {
            var details = await queries.GetAsync(id, cancellationToken) ?? throw new InvalidOperationException($"Claim {id} was not saved.");
            snapshots[id] = ClaimSnapshot.Write(details with { IsPublic = true });
        }
        return snapshots;
    }

    /// <summary>Everything but the drafts goes through the four-eye workflow: submitted by the editor, approved by the reviewer.</summary>
    private async Task ApproveAsync(AsyncServiceScope scope, List<(Claim Claim, bool Draft)> batch, Dictionary<int, string> snapshots, CancellationToken cancellationToken)
    {
        await using (scope)
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var named = new HashSet<int>();
            foreach (var (claim, _) in batch.Where(b => !b.Draft))
            {
                claim.Submit(Editor, null, false, null, now);
                var approval = claim.Approve(StaffMember.Reviewer(Reviewer), now);
                db.ClaimVersions.Add(ClaimVersion.Create(claim.Id, approval, snapshots[claim.Id]));
                // What readers find the claim by, as the workflow's approval records it: its topics and the actors it names.
                db.PublishedClaimTopics.AddRange(claim.Topics.Select(t => t.TopicId).Distinct().Select(id => new PublishedClaimTopic(claim.Id, id, approval.StatusSince)));
                var actorIds = claim.Actors.Select(a => a.ActorId).Concat(claim.Statements.SelectMany(s => s.ActorIds)).Distinct().ToList();
                db.PublishedClaimActors.AddRange(actorIds.Select(id => new PublishedClaimActor(claim.Id, id, approval.StatusSince)));
                named.UnionWith(actorIds);
            }
            foreach (var actor in await db.Actors.Where(a => named.Contains(a.Id) && a.PublishedName == null).ToListAsync(cancellationToken))
            {
                actor.Publish();
            }
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    private static AppDbContext Prepare(AsyncServiceScope scope)
    {
        scope.ServiceProvider.GetRequiredService<ChangeTracking>().ActorOverride = Editor;
        return scope.ServiceProvider.GetRequiredService<AppDbContext>();
    }

    private Claim NewClaim(int index, List<int> earlier, int[] actorIds, int[] sourceIds, Dictionary<string, StatusDefinition> scale, List<Topic> topics)
    {
        var german = random.Next(4) != 0;
        var language = german ? "de" : "en";
        var words = german ? Text.German : Text.English;
        var headline = Cut(Sentence(words, 7, 13).TrimEnd('.'), Claim.HeadlineMaxLength);
        var draft = new Claim.Draft(headline, Paragraph(words, 2, 4), language,
            german && random.Next(2) == 0 ? Paragraph(Text.English, 2, 4) : null, null, false, Date(),
            Html(Paragraph(words, 3, 5), Paragraph(words, 2, 4)), null);
        if (draft.Translation is not null)
        {
            draft = draft with { Translator = "Redaktion" };
        }
        var claim = Claim.Create(draft, $"{Slug.From(headline)[..Math.Min(60, Slug.From(headline).Length)].TrimEnd('-')}-{index}", Editor, now);
        var claimants = Distinct(actorIds, random.Next(1, 3));
        claim.SetParticipants(claimants, Distinct(actorIds, random.Next(1, 3)).Except(claimants), Editor, now);
        claim.SetTopics(Distinct(Enumerable.Range(0, topics.Count).ToArray(), random.Next(1, 3)).Select(i => topics[i]), Editor, now);
        if (earlier.Count > 0 && random.Next(20) == 0)
        {
            claim.SetParent(earlier[random.Next(earlier.Count)], [], Editor, now);
        }

        var linked = Distinct(sourceIds, random.Next(2, 7));
        foreach (var source in linked)
        {
            claim.AttachSource(source, (SourceStance)random.Next(0, 4), random.Next(2) == 0 ? Sentence(words, 8, 16) : null, null, Editor, now);
        }
        for (int s = 0, statements = random.Next(1, 6); s < statements; s++)
        {
            claim.AddStatement(new Statement.Draft(actorIds[random.Next(actorIds.Length)], (Stance)random.Next(0, 5), Date(), Sentence(words, 8, 20), language, null,
                [linked[random.Next(linked.Length)]]), Editor, now);
        }
        var path = new[] { "open", "unproven", "unproven", "corroborated", "misleading", "false", "confirmed" };
        var on = new DateOnly(2023, 1, 1).AddDays(random.Next(0, 200));
        for (int c = 0, changes = random.Next(1, 8); c < changes; c++)
        {
            var status = scale[c == 0 ? "open" : path[random.Next(1, path.Length)]];
            claim.ChangeStatus(status, on, Html(Paragraph(words, 2, 3)), status.IsVerdict ? [linked[random.Next(linked.Length)]] : [], null, Editor, now);
            on = on.AddDays(random.Next(5, 90));
            if (on > DateOnly.FromDateTime(now))
            {
                break;
            }
        }
        return claim;
    }

    private SanitisedHtml Html(params string[] paragraphs) =>
        services.GetRequiredService<HtmlSanitiser>().Sanitise(string.Concat(paragraphs.Select(p => $"<p>{p}</p>"))).Html!;

    private int[] Distinct(int[] pool, int count) => Enumerable.Range(0, count * 3).Select(_ => pool[random.Next(pool.Length)]).Distinct().Take(count).ToArray();

    private string Pick(string[] words) => words[random.Next(words.Length)];

    private int Year() => random.Next(2022, 2026);

    private DateOnly Date() => new DateOnly(2022, 1, 1).AddDays(random.Next(0, 1400));

    private string Sentence(string[] words, int min, int max)
    {
        var picked = Enumerable.Range(0, random.Next(min, max + 1)).Select(_ => Pick(words)).ToList();
        picked[0] = char.ToUpper(picked[0][0], CultureInfo.InvariantCulture) + picked[0][1..];
        return string.Join(' ', picked) + ".";
    }

    private string Paragraph(string[] words, int min, int max) =>
        string.Join(' ', Enumerable.Range(0, random.Next(min, max + 1)).Select(_ => Sentence(words, 8, 18)));

    private static string Cut(string text, int max) => text.Length <= max ? text : text[..max].TrimEnd();
}

