using ClaimTracker.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ClaimTracker.Infrastructure.Claims;

/// <summary>How many public claims stand at each status, and how many were first assessed in each month.</summary>
/// <param name="ByStatus">Every status of the scale, in its order, with its count (zero included).</param>
/// <param name="ByMonth">Each month from the first to the last with a claim, zero months included.</param>
public sealed record Tally(int Total, IReadOnlyList<(StatusBadge Status, int Count)> ByStatus, int WithoutStatus,
    IReadOnlyList<(DateOnly Month, int Count)> ByMonth)
{
    public static readonly Tally Empty = new(0, [], 0, []);

    /// <summary>How many of these claims stand at the status with this key (0 when none do).</summary>
    public int CountOf(string statusKey)
    {
        foreach (var (status, count) in ByStatus)
        {
            if (status.Key == statusKey)
            {
                return count;
            }
        }
        return 0;
    }
}

/// <summary>An actor or topic with its public claims' tally.</summary>
public sealed record NamedTally(string Slug, string Name, Tally Tally);

/// <summary>The whole site's tallies: all public claims, and per actor and per topic (most claims first).</summary>
public sealed record SiteTallies(Tally All, IReadOnlyList<NamedTally> Actors, IReadOnlyList<NamedTally> Topics)
{
    // Looked up per request on the actor and topic pages; made once with the counts they index.
    private readonly Dictionary<string, Tally> actorsBySlug = Actors.GroupBy(a => a.Slug, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Tally, StringComparer.Ordinal);
    private readonly Dictionary<string, Tally> topicsBySlug = Topics.GroupBy(t => t.Slug, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Tally, StringComparer.Ordinal);

    public Tally ForActor(string slug) => actorsBySlug.GetValueOrDefault(slug) ?? Tally.Empty;

    public Tally ForTopic(string slug) => topicsBySlug.GetValueOrDefault(slug) ?? Tally.Empty;
}

/// <summary>
/// Counts readers see on the home, statistics, actor and topic pages, over the approved versions of public claims.
/// Counting 100,000 claims takes a while, and readers ask for these pages far more often than claims are approved:
/// the counts are made once and kept until a claim is approved, withdrawn or published again, or reference data readers see
/// changes, on any instance (<see cref="PublishedViewChanges"/>). A count that was running while such a
/// change happened is used once, never kept.
/// </summary>
/// <remarks>
/// A claim's month is that of its first published status change's effective date: when the desk first assessed it,
/// which readers see on the claim's timeline.
/// </remarks>
public sealed class PublicTallies
{
    private readonly IServiceScopeFactory scopes;
    private readonly Lock gate = new();
    private Task<SiteTallies>? kept;
    private long generation;
    private long counts;

    public PublicTallies(IServiceScopeFactory scopes, PublishedViewChanges changes)
    {
        this.scopes = scopes;
        changes.Changed += Forget;
    }

    /// <summary>How many times the counts were made since the start (for monitoring, and for tests that a draft saves no recount).</summary>
    public long Counts => Interlocked.Read(ref counts);

    public async Task<SiteTallies> GetAsync(CancellationToken cancellationToken = default)
    {
        Task<SiteTallies> counting;
        long before;
        lock (gate)
        {
            if (kept is { IsCompletedSuccessfully: true } done)
            {
                return done.Result;
            }
            before = generation;
            // Readers arriving while a count runs share it.
            counting = kept ??= CountAsync();
        }
        try
        {
            return await counting.WaitAsync(cancellationToken);
        }
        catch when (!cancellationToken.IsCancellationRequested)
        {
            lock (gate)
            {
                if (generation == before && ReferenceEquals(kept, counting))
                {
                    kept = null;
                }
            }
            throw;
        }
    }

    /// <summary>Something readers see changed: the next reader counts afresh.</summary>
    public void Forget()
    {
        lock (gate)
        {
            generation++;
            kept = null;
        }
    }

    private async Task<SiteTallies> CountAsync()
    {
        Interlocked.Increment(ref counts);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var statuses = await scope.ServiceProvider.GetRequiredService<StatusScale>().ListAsync();
        var claims = await db.Claims.AsNoTracking().Where(c => c.IsPublic)
            .Select(c => new ClaimFact(c.Id, c.PublishedStatusId,
                db.StatusChanges.Where(s => s.ClaimId == c.Id && s.PublishedAtUtc != null).Min(s => (DateOnly?)s.EffectiveOn)))
            .ToDictionaryAsync(c => c.Id);
        // Links as pairs of ids (half a million of them at 100,000 claims), names from the few thousand actors and topics:
        // reading the slug and name with every link made a string pair per row, ~70 MB at once for each count.
        var actorLinks = await db.PublishedClaimActors.AsNoTracking()
            .Where(p => db.Claims.Any(c => c.Id == p.ClaimId && c.IsPublic))
            .Select(p => new { p.ClaimId, p.ActorId })
            .ToListAsync();
        var actorNames = await db.Actors.AsNoTracking().Where(a => a.PublishedName != null)
            .Select(a => new { a.Id, a.Slug, Name = a.PublishedName! })
            .ToDictionaryAsync(a => a.Id, a => (a.Slug, a.Name));
        var topicLinks = await db.PublishedClaimTopics.AsNoTracking()
            .Where(p => db.Claims.Any(c => c.Id == p.ClaimId && c.IsPublic))
            .Select(p => new { p.ClaimId, p.TopicId })
            .ToListAsync();
        var topicNames = await db.Topics.AsNoTracking().Select(t => new { t.Id, t.Slug, t.Name }).ToDictionaryAsync(t => t.Id, t => (t.Slug, t.Name));

        var actors = actorLinks.Where(l => actorNames.ContainsKey(l.ActorId)).GroupBy(l => l.ActorId)
            .Select(g => new NamedTally(actorNames[g.Key].Slug, actorNames[g.Key].Name, Count(statuses, g.Select(l => claims[l.ClaimId]).Distinct())))
            .OrderByDescending(t => t.Tally.Total).ThenBy(t => t.Name, StringComparer.CurrentCulture).ToList();
        var topics = topicLinks.Where(l => topicNames.ContainsKey(l.TopicId)).GroupBy(l => l.TopicId)
            .Select(g => new NamedTally(topicNames[g.Key].Slug, topicNames[g.Key].Name, Count(statuses, g.Select(l => claims[l.ClaimId]).Distinct())))
            .OrderByDescending(t => t.Tally.Total).ThenBy(t => t.Name, StringComparer.CurrentCulture).ToList();
        return new SiteTallies(Count(statuses, claims.Values), actors, topics);
    }

    private sealed record ClaimFact(int Id, int? StatusId, DateOnly? FirstAssessedOn);

    private static Tally Count(IReadOnlyList<StatusRow> statuses, IEnumerable<ClaimFact> claims)
    {
        var list = claims as ICollection<ClaimFact> ?? claims.ToList();
        var byStatus = list.Where(c => c.StatusId is not null).GroupBy(c => c.StatusId!.Value).ToDictionary(g => g.Key, g => g.Count());
        var byMonth = list.Where(c => c.FirstAssessedOn is not null)
            .GroupBy(c => new DateOnly(c.FirstAssessedOn!.Value.Year, c.FirstAssessedOn.Value.Month, 1))
            .ToDictionary(g => g.Key, g => g.Count());
        var months = new List<(DateOnly, int)>();
        if (byMonth.Count > 0)
        {
            for (var month = byMonth.Keys.Min(); month <= byMonth.Keys.Max(); month = month.AddMonths(1))
            {
                months.Add((month, byMonth.GetValueOrDefault(month)));
            }
        }
        return new Tally(list.Count,
            statuses.Select(s => (new StatusBadge(s.Key, s.NameEn, s.Colour), byStatus.GetValueOrDefault(s.Id))).ToList(),
            list.Count(c => c.StatusId is null), months);
    }
}
