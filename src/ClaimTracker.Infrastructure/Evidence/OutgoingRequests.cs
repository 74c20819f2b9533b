using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ClaimTracker.Infrastructure.Evidence;

/// <summary>Settings of every request the app makes to other servers (section <c>OutgoingRequests</c>).</summary>
public sealed class OutgoingRequestOptions
{
    public const string Section = "OutgoingRequests";

    /// <summary>The one client all outgoing requests use (<see cref="IHttpClientFactory"/>).</summary>
    public const string ClientName = "guarded";

    /// <summary>Ports a fetched address may name; 80 and 443 unless configured.</summary>
    public List<int> AllowedPorts { get; set; } = [80, 443];

    /// <summary>
    /// Exact "ip:port" endpoints reachable although the address rules refuse them. For tests that serve pages from a loopback
    /// port; a production site leaves it empty.
    /// </summary>
    public List<string> AllowedEndpoints { get; set; } = [];

    /// <summary>The whole fetch, every redirect and the body included.</summary>
    public int TimeoutSeconds { get; set; } = 10;

    public long MaxBytes { get; set; } = 5 * 1024 * 1024;

    public int MaxRedirects { get; set; } = 5;

    public string UserAgent { get; set; } = "ClaimTracker evidence fetcher (+https://github.com/claimtracker)";

    internal bool IsAllowedEndpoint(IPAddress address, int port) =>
        AllowedEndpoints.Any(e => IPEndPoint.TryParse(e, out var allowed) && allowed.Port == port
                                   && (allowed.Address.Equals(address) || (address.IsIPv4MappedToIPv6 && allowed.Address.Equals(address.MapToIPv4()))));

    internal bool IsAllowedPort(int port) =>
        AllowedPorts.Contains(port) || AllowedEndpoints.Any(e => IPEndPoint.TryParse(e, out var allowed) && allowed.Port == port);
}

/// <summary>An address the guard will not connect to; the message says why, for the editor.</summary>
public sealed class RefusedAddressException(string message) : IOException(message);

/// <summary>The host name does not resolve (any more).</summary>
public sealed class NameNotResolvedException(string message) : IOException(message);

/// <summary>
/// The guard in the outgoing client's handler: the host is resolved here and every address it resolves to is checked
/// at connect time, so a name that passes a check and then resolves elsewhere (DNS rebinding) cannot slip through, and
/// no proxy, cookie or credential is used.
/// </summary>
public static class OutgoingRequests
{
    public static IServiceCollection AddGuardedHttpClient(this IServiceCollection services)
    {
        services.AddHttpClient(OutgoingRequestOptions.ClientName, (provider, client) =>
            {
                var options = provider.GetRequiredService<IOptions<OutgoingRequestOptions>>().Value;
                client.Timeout = Timeout.InfiniteTimeSpan; // the fetcher's own deadline covers the body too
                client.DefaultRequestHeaders.UserAgent.ParseAdd(options.UserAgent);
            })
            .ConfigurePrimaryHttpMessageHandler(provider => CreateHandler(provider.GetRequiredService<IOptions<OutgoingRequestOptions>>().Value))
            .SetHandlerLifetime(TimeSpan.FromMinutes(5));
        services.AddScoped<GuardedFetcher>();
        return services;
    }

    public static SocketsHttpHandler CreateHandler(OutgoingRequestOptions options) => new()
    {
        AllowAutoRedirect = false,
        UseCookies = false,
        UseProxy = false,
        Credentials = null,
        PreAuthenticate = false,
        AutomaticDecompression = DecompressionMethods.All,
        ConnectTimeout = TimeSpan.FromSeconds(options.TimeoutSeconds),
        PooledConnectionLifetime = TimeSpan.FromMinutes(1),
        ConnectCallback = (context, cancellationToken) => ConnectAsync(options, context.DnsEndPoint, cancellationToken),
    };

    private static async ValueTask<Stream> ConnectAsync(OutgoingRequestOptions options, DnsEndPoint endpoint, CancellationToken cancellationToken)
    {
        var host = endpoint.Host.Trim('[', ']');
        IPAddress[] addresses;
        if (IPAddress.TryParse(host, out var literal))
        {
            addresses = [literal];
        }
        else
        {
            try
            {
                addresses = await Dns.GetHostAddressesAsync(host, cancellationToken);
            }
            catch (SocketException)
            {
                throw new NameNotResolvedException($"The name {host} does not resolve (no such host).");
            }
        }
        if (addresses.Length == 0)
        {
            throw new NameNotResolvedException($"The name {host} does not resolve (no such host).");
        }
        foreach (var address in addresses)
        {
            if (!options.IsAllowedEndpoint(address, endpoint.Port) && AddressRules.WhyRefused(address) is { } why)
            {
                throw new RefusedAddressException($"{host} leads to {address}, {why}: the app does not fetch from there.");
            }
        }
        if (!options.IsAllowedPort(endpoint.Port))
        {
            throw new RefusedAddressException($"Port {endpoint.Port} is not fetched from (only {string.Join(" and ", options.AllowedPorts)}).");
        }
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, endpoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
