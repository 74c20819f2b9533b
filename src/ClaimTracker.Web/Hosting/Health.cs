using System.Text.Json;
using ClaimTracker.Infrastructure.Data;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ClaimTracker.Web.Hosting;

/// <summary>
/// For load balancers and orchestrators: <c>/healthz/live</c> answers 200 while the process serves requests
/// (nothing else is checked: a database outage must not get healthy instances restarted);
/// <c>/healthz/ready</c> answers 200 only when the database answers and every migration is applied, else 503
/// with the reason, so an instance receives traffic only when it can serve it. Never cached, no sign-in.
/// </summary>
public static class Health
{
    private const string ReadyTag = "ready";

    public static IServiceCollection AddClaimTrackerHealth(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<DatabaseReady>("database", tags: [ReadyTag])
            .AddCheck<EvidenceStoreReady>("evidence", tags: [ReadyTag]);
        return services;
    }

    public static void MapClaimTrackerHealth(this WebApplication app)
    {
        app.MapHealthChecks("/healthz/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync }).AllowAnonymous();
        app.MapHealthChecks("/healthz/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(ReadyTag), ResponseWriter = WriteAsync })
            .AllowAnonymous();
    }

    /// <summary>A small JSON answer: the overall status and each check's status and reason.</summary>
    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        return context.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), reason = e.Value.Description }),
        }));
    }

    /// <summary>Evidence kept in a folder needs the folder writable; in the database the database check covers it.</summary>
    private sealed class EvidenceStoreReady(ClaimTracker.Infrastructure.Evidence.BlobStore blobs) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
            await blobs.ProblemAsync(cancellationToken) is { } problem ? HealthCheckResult.Unhealthy(problem) : HealthCheckResult.Healthy();
    }

    private sealed class DatabaseReady(AppDbContext db, DatabaseSettings settings) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            try
            {
                if (!await db.Database.CanConnectAsync(cancellationToken))
                {
                    return HealthCheckResult.Unhealthy("The database does not answer.");
                }
                var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
                if (pending.Count > 0)
                {
                    return HealthCheckResult.Unhealthy($"{pending.Count} migration(s) not applied yet, the latest {pending[^1]}.");
                }
                return await ReadOnlyReasonAsync(cancellationToken) is { } readOnly
                    ? HealthCheckResult.Unhealthy(readOnly)
                    : HealthCheckResult.Healthy("The database answers, can be written and every migration is applied.");
            }
            catch (Exception exception) when (exception is System.Data.Common.DbException or InvalidOperationException)
            {
                // The reason goes to the probe; details stay in the log (the health check service logs failures).
                return HealthCheckResult.Unhealthy("The database cannot be read: " + exception.GetType().Name + ".", exception);
            }
        }

        /// <summary>Why no save could succeed now although the database answers; null when it can be written.</summary>
        private async Task<string?> ReadOnlyReasonAsync(CancellationToken cancellationToken)
        {
            if (settings.IsSqlite)
            {
                // A connection of its own, never pooled: it sees the file as it is now. Opening is not enough (SQLite may open an
                // unwritable file as if it could write it): one real write — page 1 rewritten with the value it has — must commit.
                var unpooled = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(settings.ConnectionString) { Pooling = false };
                await using var connection = new Microsoft.Data.Sqlite.SqliteConnection(unpooled.ToString());
                await connection.OpenAsync(cancellationToken);
                if (StorageFault.IsReadOnly(connection))
                {
                    return "The database can be read but not written: the file or its folder is read-only. Saves fail until it is writable again.";
                }
                await using var probe = connection.CreateCommand();
                probe.CommandText = $"PRAGMA busy_timeout = {DatabaseSettings.BusyTimeoutMilliseconds};";
                await probe.ExecuteNonQueryAsync(cancellationToken);
                probe.CommandText = "PRAGMA user_version;";
                var version = Convert.ToInt64(await probe.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
                try
                {
                    probe.CommandText = $"BEGIN IMMEDIATE; PRAGMA user_version = {version}; COMMIT;";
                    await probe.ExecuteNonQueryAsync(cancellationToken);
                }
                catch (Microsoft.Data.Sqlite.SqliteException exception) when (StorageFault.Is(exception))
                {
                    return $"The database can be read but not written ({exception.Message.TrimEnd('.')}): the disk may be full or the file read-only. Saves fail until it is writable again.";
                }
                return null;
            }
            var readOnly = await db.Database.SqlQueryRaw<bool>(
                    "SELECT pg_is_in_recovery() OR current_setting('transaction_read_only') = 'on' AS \"Value\"")
                .SingleAsync(cancellationToken);
            return readOnly ? "The database can be read but not written (a standby, or read-only by default). Saves fail until it is writable." : null;
        }
    }
}