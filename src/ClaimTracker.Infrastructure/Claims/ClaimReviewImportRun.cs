using System.Collections.Concurrent;
using System.Diagnostics;
using ClaimTracker.Domain.Claims;
using ClaimTracker.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ClaimTracker.Infrastructure.Claims;

public enum ImportState
{
    Planned,
    Running,
    Finished,
    Failed,
}

/// <summary>An import as the person who planned it sees it: its plan, how far it got, and what it made.</summary>
public sealed class ImportJob(Guid id, string user, ImportPlan plan, DateTime plannedAtUtc)
{
    private readonly TaskCompletionSource finished = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int done;

    public Guid Id { get; } = id;

    public string User { get; } = user;

    public ImportPlan Plan { get; } = plan;

    public DateTime PlannedAtUtc { get; } = plannedAtUtc;

    public ImportState State { get; internal set; }

    public int Total => Plan.ToCreate.Count();

    public int Done => Volatile.Read(ref done);

    public TimeSpan Took { get; internal set; }

    public string? Failure { get; internal set; }

    /// <summary>The drafts made, by row: claim id and headline.</summary>
    public ConcurrentDictionary<int, (int ClaimId, string Headline)> Created { get; } = new();

    /// <summary>Completes when the run ends, either way.</summary>
    public Task Completion => finished.Task;

    internal void Advance() => Interlocked.Increment(ref done);

    internal void End() => finished.TrySetResult();
}

/// <summary>
/// Carries out planned imports in the background, one claim draft per review (created, its sources attached, its verdict
/// recorded with the review's address as the source), while the page shows how far it got. All or nothing: every row was
/// checked when planned, and should one fail all the same (another editor took the slug, the disk filled), the drafts made
/// so far are deleted again and the page names the row. Jobs live in this instance's memory for a day.
/// </summary>
public sealed class ClaimReviewImportRun(IServiceScopeFactory scopes, TimeProvider clock, ILogger<ClaimReviewImportRun> log)
{
    private readonly ConcurrentDictionary<Guid, ImportJob> jobs = new();

    public ImportJob Plan(ImportPlan plan, string user)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var old in jobs.Values.Where(j => j.PlannedAtUtc < now.AddDays(-1)))
        {
            jobs.TryRemove(old.Id, out _);
        }
        var job = new ImportJob(Guid.NewGuid(), user, plan, now);
        jobs[job.Id] = job;
        return job;
    }

    /// <summary>The job, for the person who planned it (and admins) only.</summary>
    public ImportJob? Find(Guid id, string user, bool isAdmin = false) =>
        jobs.TryGetValue(id, out var job) && (isAdmin || string.Equals(job.User, user, StringComparison.OrdinalIgnoreCase)) ? job : null;

    /// <summary>Starts a planned job (once); false when it cannot start.</summary>
    public bool Start(ImportJob job)
    {
        lock (job)
        {
            if (job.State != ImportState.Planned || !job.Plan.CanRun)
            {
                return false;
            }
            job.State = ImportState.Running;
        }
        _ = Task.Run(() => RunAsync(job));
        return true;
    }

    private async Task RunAsync(ImportJob job)
    {
        var watch = Stopwatch.StartNew();
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var services = scope.ServiceProvider;
            services.GetRequiredService<ChangeTracking>().ActorOverride = job.User;
            var row = 0;
            try
            {
                var actorIds = new Dictionary<string, int>(StringComparer.Ordinal);
                foreach (var review in job.Plan.ToCreate)
                {
                    row = review.Row;
                    var claimId = await CreateAsync(services, review, job.User, actorIds);
                    job.Created[review.Row] = (claimId, review.Headline);
                    job.Advance();
                }
                job.State = ImportState.Finished;
            }
            catch (Exception failure)
            {
                // Whatever stopped it (a refused row, a lost race, a database fault), the drafts made so far go again and the
                // page says which review and why; the log has the details.
                log.LogError(failure, "Import of {Origin} failed at review {Row}; undoing it.", job.Plan.Origin, row);
                var reason = failure is ImportRowException ? failure.Message : failure.GetBaseException().Message;
                job.Failure = $"Review {row}: {reason} Nothing was kept: the drafts made before it were deleted again.";
                job.State = ImportState.Failed;
                var deletion = services.GetRequiredService<DeleteDraft>();
                foreach (var (claimId, _) in job.Created.Values)
                {
                    services.GetRequiredService<AppDbContext>().ChangeTracker.Clear();
                    var undone = await deletion.DeleteDraftAsync(claimId, Domain.Accounts.StaffMember.Admin(job.User));
                    if (!undone.Succeeded)
                    {
                        job.Failure = $"Review {row}: {reason} Deleting the drafts made before it failed too ({undone.Errors[0].Message}); the list below shows what is left.";
                        return;
                    }
                }
                job.Created.Clear();
            }
        }
        finally
        {
            job.Took = watch.Elapsed;
            job.End();
        }
    }

    private static async Task<int> CreateAsync(IServiceProvider services, ImportedReview review, string user, Dictionary<string, int> actorIds)
    {
        var db = services.GetRequiredService<AppDbContext>();
        var logging = services.GetRequiredService<LogClaim>();
        var citing = services.GetRequiredService<CiteSources>();
        var directory = services.GetRequiredService<ActorDirectory>();
        var claimants = new List<int>();
        foreach (var actor in review.Claimants)
        {
            if (actor.ActorId is { } known)
            {
                claimants.Add(known);
                continue;
            }
            var key = Domain.Text.LookAlike.Key(actor.Name);
            if (!actorIds.TryGetValue(key, out var id))
            {
                var made = await directory.CreateAsync(new Actor.Draft(actor.Name, actor.Kind, null, null, actor.WikidataId, null));
                id = made.Succeeded ? made.Id!.Value : throw new ImportRowException($"the author “{actor.Name}” could not be added: {made.Errors[0].Message}");
                actorIds[key] = id;
            }
            claimants.Add(id);
        }
        var created = await logging.CreateAsync(new ClaimInput(review.Headline, review.ClaimText, review.Language, null, null, false, review.FirstMadeOn,
            null, null, claimants.Distinct().ToList(), [], null, null), user);
        var claimId = created.Succeeded ? created.Id!.Value : throw new ImportRowException(created.Errors[0].Message);
        var verdictSources = new List<int>();
        foreach (var (url, isReview) in (review.ReviewUrl is null ? [] : new[] { (review.ReviewUrl, true) }).Concat(review.Appearances.Select(a => (a, false))))
        {
            var stance = !isReview ? SourceStance.Context
                : review.Status.RatingValue <= 2 ? SourceStance.Disputes
                : review.Status.RatingValue >= 4 ? SourceStance.Supports
                : SourceStance.Context;
            var existing = await db.Sources.Where(s => s.Url == url).Select(s => (int?)s.Id).FirstOrDefaultAsync();
            var title = isReview ? Shorten($"Fact-check: {review.Headline}") : Shorten($"Where the claim appeared: {new Uri(url).Host}");
            var attached = existing is { } sourceId
                ? await citing.AttachSourceAsync(claimId, sourceId, stance, null, null, user)
                : await citing.AttachNewSourceAsync(claimId, new Source.Draft(url, title, null, null, isReview ? review.ReviewedOn : null, review.Language, null, null),
                    stance, null, null, user);
            if (!attached.Succeeded)
            {
                throw new ImportRowException($"{url}: {attached.Errors[0].Message}");
            }
            if (isReview)
            {
                verdictSources.Add(existing ?? await db.Sources.Where(s => s.Url == url).Select(s => s.Id).FirstAsync());
            }
        }
        var rationale = $"Imported from ClaimReview{(review.ReviewUrl is null ? "" : $" <{review.ReviewUrl}>")}: rated “{review.RatingAsGiven}”.";
        var status = await services.GetRequiredService<ChangeClaimStatus>().ChangeStatusAsync(claimId, review.Status.Id, review.ReviewedOn, rationale, verdictSources, null, user);
        if (!status.Succeeded)
        {
            throw new ImportRowException(status.Errors[0].Message);
        }
        return claimId;
    }

    private static string Shorten(string title) => title.Length <= Source.TitleMaxLength ? title : title[..(Source.TitleMaxLength - 1)] + "…";
}

/// <summary>A row the store refused while the import ran.</summary>
public sealed class ImportRowException(string message) : Exception(message);
