using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ClaimTracker.Infrastructure.Data;

/// <summary>
/// One interceptor for the process that hands each save to the change tracker of the context's own
/// scope, so the context options need not be rebuilt for every request.
/// </summary>
internal sealed class ScopedChangeTracking : SaveChangesInterceptor
{
    private static string? ConnectionStringOf(Microsoft.EntityFrameworkCore.DbContext? context) =>
        context is null ? null : Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.GetConnectionString(context.Database);

    private static ChangeTracking? Of(Microsoft.EntityFrameworkCore.DbContext? context) => (context as AppDbContext)?.Changes;

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result) =>
        Of(eventData.Context)?.SavingChanges(eventData, result) ?? result;

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default) =>
        Of(eventData.Context)?.SavingChangesAsync(eventData, result, cancellationToken) ?? ValueTask.FromResult(result);

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        StorageFault.Cleared(ConnectionStringOf(eventData.Context));
        return Of(eventData.Context)?.SavedChangesAsync(eventData, result, cancellationToken) ?? ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        StorageFault.Cleared(ConnectionStringOf(eventData.Context));
        return base.SavedChanges(eventData, result);
    }

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        if (StorageFault.Is(eventData.Exception))
        {
            StorageFault.Seen(ConnectionStringOf(eventData.Context));
        }
        return Of(eventData.Context)?.SaveChangesFailedAsync(eventData, cancellationToken) ?? Task.CompletedTask;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData)
    {
        if (StorageFault.Is(eventData.Exception))
        {
            StorageFault.Seen(ConnectionStringOf(eventData.Context));
        }
    }
}
