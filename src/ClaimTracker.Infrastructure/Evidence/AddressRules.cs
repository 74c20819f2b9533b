using System.Net;
using System.Net.Sockets;

namespace ClaimTracker.Infrastructure.Evidence;

/// <summary>
/// Which network addresses an outgoing request may reach: public unicast only. Loopback, private, link-local (the
/// cloud metadata service at 169.254.169.254 among them), shared (CGNAT), multicast, documentation, benchmarking and
/// reserved ranges are refused, and an IPv6 address that carries an IPv4 one (mapped, NAT64, 6to4) is judged by it.
/// </summary>
public static class AddressRules
{
    private static readonly (IPNetwork Network, string Why)[] RefusedV4 =
    [
        (IPNetwork.Parse("0.0.0.0/8"), "an unspecified address"),
        (IPNetwork.Parse("10.0.0.0/8"), "a private address"),
        (IPNetwork.Parse("100.64.0.0/10"), "a shared (carrier-grade NAT) address"),
        (IPNetwork.Parse("127.0.0.0/8"), "this machine (loopback)"),
        (IPNetwork.Parse("169.254.0.0/16"), "a link-local address (cloud metadata services live there)"),
        (IPNetwork.Parse("172.16.0.0/12"), "a private address"),
        (IPNetwork.Parse("192.0.0.0/24"), "a reserved address"),
        (IPNetwork.Parse("192.0.2.0/24"), "a documentation address"),
        (IPNetwork.Parse("192.88.99.0/24"), "a reserved relay address"),
        (IPNetwork.Parse("192.168.0.0/16"), "a private address"),
        (IPNetwork.Parse("198.18.0.0/15"), "a benchmarking address"),
        (IPNetwork.Parse("198.51.100.0/24"), "a documentation address"),
        (IPNetwork.Parse("203.0.113.0/24"), "a documentation address"),
        (IPNetwork.Parse("224.0.0.0/4"), "a multicast address"),
        (IPNetwork.Parse("240.0.0.0/4"), "a reserved address"),
    ];

    private static readonly IPNetwork GlobalUnicastV6 = IPNetwork.Parse("2000::/3");
    private static readonly IPNetwork Nat64 = IPNetwork.Parse("64:ff9b::/96");
    private static readonly IPNetwork SixToFour = IPNetwork.Parse("2002::/16");

    private static readonly (IPNetwork Network, string Why)[] RefusedV6 =
    [
        (IPNetwork.Parse("2001::/23"), "a reserved protocol address (Teredo and others)"),
        (IPNetwork.Parse("2001:db8::/32"), "a documentation address"),
        (IPNetwork.Parse("3fff::/20"), "a documentation address"),
    ];

    /// <summary>Why <paramref name="address"/> may not be reached, or null when it is a public address.</summary>
    public static string? WhyRefused(IPAddress address)
    {
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            if (address.IsIPv4MappedToIPv6)
            {
                return WhyRefused(address.MapToIPv4());
            }
            if (Nat64.Contains(address))
            {
                return WhyRefused(new IPAddress(address.GetAddressBytes()[12..]));
            }
            if (SixToFour.Contains(address))
            {
                return WhyRefused(new IPAddress(address.GetAddressBytes()[2..6]));
            }
            if (IPAddress.IPv6Loopback.Equals(address))
            {
                return "this machine (loopback)";
            }
            if (!GlobalUnicastV6.Contains(address))
            {
                return address.IsIPv6LinkLocal ? "a link-local address"
                    : address.IsIPv6Multicast ? "a multicast address"
                    : address.IsIPv6UniqueLocal ? "a private address"
                    : "not a public address";
            }
            foreach (var (network, why) in RefusedV6)
            {
                if (network.Contains(address))
                {
                    return why;
                }
            }
            return null;
        }
        if (address.AddressFamily != AddressFamily.InterNetwork)
        {
            return "not an internet address";
        }
        foreach (var (network, why) in RefusedV4)
        {
            if (network.Contains(address))
            {
                return why;
            }
        }
        return null;
    }
}
