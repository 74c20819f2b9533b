using System.Runtime.CompilerServices;
using ClaimTracker.Domain.Claims;
using ClaimTracker.Domain.Site;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ClaimTracker.Infrastructure.Data;

/// <summary>
/// The status scale, the site settings, the topics, the actors and the reviewers' byline names: read by every reader page or
/// claim form, changed far less often. They are kept in memory; any save that adds, changes or deletes one of them
/// forgets what was kept, before and again after the save, so a reader who loaded the old values
/// while the save ran cannot put them back.
/// </summary>
public sealed class ReferenceData : SaveChangesInterceptor
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, object> values = [];
    private readonly ConditionalWeakTable<DbContext, object> savesInProgress = [];
    private long generation;

    /// <summary>The kept value under this key, or the loaded one (kept unless something was saved meanwhile).</summary>
    public async Task<T> GetAsync<T>(string key, Func<CancellationToken, Task<T>> load, CancellationToken cancellationToken = default)
        where T : class
    {
        long before;
        lock (gate)
        {
            if (values.TryGetValue(key, out var kept))
            {
                return (T)kept;
            }
            before = generation;
        }
        var loaded = await load(cancellationToken);
        lock (gate)
        {
            if (generation == before)
            {
                values[key] = loaded;
            }
        }
        return loaded;
    }

    /// <summary>Raised after a save on this instance changed reference data (other instances are told: PostgresChangeSignals).</summary>
    public event Action? Changed;

    public void Forget()
    {
        lock (gate)
        {
            generation++;
            values.Clear();
        }
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Saving(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        Saving(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Done(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Done(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Done(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Done(eventData.Context);
        return Task.CompletedTask;
    }

    private void Saving(DbContext? context)
    {
        // Readers' topic list names the topics of public claims: a claim approved or withdrawn changes it too.
        if (context is not null && context.ChangeTracker.Entries().Any(e =>
                (e.Entity is StatusDefinition or SiteSettings or Topic or Actor or ActorAlias
                 && e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
                // A link's status date follows each approval; which topics and actors readers find changes only when one comes or goes.
                || (e.Entity is PublishedClaimTopic or PublishedClaimActor && e.State is EntityState.Added or EntityState.Deleted)
                || (e.Entity is Claim && e.State == EntityState.Modified && e.Property(nameof(Claim.IsPublic)).IsModified)
                || (e.Entity is Accounts.AppUser && e.State == EntityState.Modified && e.Property(nameof(Accounts.AppUser.BylineName)).IsModified)))
        {
            savesInProgress.AddOrUpdate(context, this);
            Forget();
        }
    }

    private void Done(DbContext? context)
    {
        if (context is not null && savesInProgress.Remove(context))
        {
            Forget();
            Changed?.Invoke();
        }
    }
}
