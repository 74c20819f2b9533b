using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace ClaimTracker.Infrastructure.Data;

/// <summary>
/// Keeps the memory of app instances that share one PostgreSQL database in step. Each instance keeps
/// reader pages (output cache) and reference data (scale, settings, topics, actors) in memory; when one
/// instance changes what they show, it tells the others over PostgreSQL's LISTEN/NOTIFY, and they forget
/// their copies at once (within milliseconds of the commit). An instance that loses its listening
/// connection forgets everything when it reconnects, since it may have missed a signal meanwhile.
/// </summary>
public sealed class PostgresChangeSignals(DatabaseSettings settings, ReferenceData reference, IServiceProvider services,
    ILogger<PostgresChangeSignals> logger) : BackgroundService
{
    public const string Channel = "claimtracker_changes";
    public const string PublicPages = "public";
    public const string Reference = "reference";

    /// <summary>Tells this instance's own signals apart from the others'.</summary>
    private readonly string instance = Guid.NewGuid().ToString("N");

    private readonly TaskCompletionSource listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>
    /// Completes once this instance listens for the others' signals and has forgotten what it kept before: from
    /// then on what it keeps in memory stays until a save (its own or another instance's) changes it.
    /// </summary>
    public Task Listening => listening.Task;

    /// <summary>Tells every other instance that what readers see has changed.</summary>
    public Task PublicPagesChangedAsync(CancellationToken cancellationToken = default) => SendAsync(PublicPages, cancellationToken);

    private async Task SendAsync(string what, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(settings.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT pg_notify(@channel, @payload)", connection);
        command.Parameters.AddWithValue("channel", Channel);
        command.Parameters.AddWithValue("payload", instance + ":" + what);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private void OnReferenceChanged() =>
        _ = SendAsync(Reference, CancellationToken.None).ContinueWith(
            t => logger.LogError(t.Exception, "Could not tell the other instances that reference data changed."),
            TaskContinuationOptions.OnlyOnFaulted);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        reference.Changed += OnReferenceChanged;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await ListenAsync(stoppingToken);
                }
                catch (Exception e) when (e is NpgsqlException or SocketException or IOException && !stoppingToken.IsCancellationRequested)
                {
                    logger.LogWarning(e, "Lost the connection that hears other instances' changes; reconnecting in a second.");
                    await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The app is stopping.
        }
        finally
        {
            reference.Changed -= OnReferenceChanged;
        }
    }

    private async Task ListenAsync(CancellationToken stoppingToken)
    {
        // A connection of its own, outside the pool: it stays open and waits.
        var builder = new NpgsqlConnectionStringBuilder(settings.ConnectionString) { Pooling = false, KeepAlive = 30 };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync(stoppingToken);
        connection.Notification += (_, e) => Received(e.Payload);
        await using (var listen = new NpgsqlCommand("LISTEN " + Channel, connection))
        {
            await listen.ExecuteNonQueryAsync(stoppingToken);
        }
        // Signals sent while this instance was not listening are lost: start from a clean slate.
        await ForgetAsync(PublicPages);
        await ForgetAsync(Reference);
        listening.TrySetResult();
        while (true)
        {
            await connection.WaitAsync(stoppingToken);
        }
    }

    private void Received(string payload)
    {
        var parts = payload.Split(':', 2);
        if (parts.Length == 2 && parts[0] != instance)
        {
            _ = ForgetAsync(parts[1]).ContinueWith(
                t => logger.LogError(t.Exception, "Could not forget what another instance changed ({What}).", parts[1]),
                TaskContinuationOptions.OnlyOnFaulted);
        }
    }

    private Task ForgetAsync(string what)
    {
        switch (what)
        {
            case PublicPages:
                // Another instance's save may have been an approval: its counts are not known here, so they are made again.
                services.GetRequiredService<Claims.PublishedViewChanges>().Announce();
                return services.GetRequiredKeyedService<IPublicCache>(PublicCacheKeys.Local).EvictAsync();
            case Reference:
                reference.Forget();
                services.GetRequiredService<Claims.PublishedViewChanges>().Announce();
                return Task.CompletedTask;
            default:
                logger.LogWarning("Unknown change signal {What} from another instance.", what);
                return Task.CompletedTask;
        }
    }
}

/// <summary>On PostgreSQL: evicts this instance's reader pages, then tells the other instances to evict theirs.</summary>
public sealed class SharedPublicCache(IPublicCache local, PostgresChangeSignals signals) : IPublicCache
{
    public async Task EvictAsync(CancellationToken cancellationToken = default)
    {
        await local.EvictAsync(cancellationToken);
        await signals.PublicPagesChangedAsync(cancellationToken);
    }
}
