using System.Net;
using ClaimTracker.Infrastructure.Evidence;

namespace ClaimTracker.UnitTests.Evidence;

public sealed class AddressRulesTests
{
    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("127.255.0.9")]
    [InlineData("10.0.0.1")]
    [InlineData("172.16.5.4")]
    [InlineData("172.31.255.255")]
    [InlineData("192.168.1.1")]
    [InlineData("169.254.169.254")]
    [InlineData("100.64.0.1")]
    [InlineData("0.0.0.0")]
    [InlineData("224.0.0.251")]
    [InlineData("255.255.255.255")]
    [InlineData("198.18.0.1")]
    [InlineData("192.0.2.10")]
    [InlineData("::1")]
    [InlineData("::")]
    [InlineData("fe80::1")]
    [InlineData("fd00::1")]
    [InlineData("ff02::1")]
    [InlineData("::ffff:127.0.0.1")]
    [InlineData("::ffff:169.254.169.254")]
    [InlineData("64:ff9b::10.0.0.1")]
    [InlineData("2002:0a00:0001::1")]
    [InlineData("2001:db8::1")]
    [InlineData("2001:0:4136:e378::1")]
    public void InsideAndReservedAddresses_AreRefused(string address) =>
        Assert.NotNull(AddressRules.WhyRefused(IPAddress.Parse(address)));

    [Theory]
    [InlineData("93.184.215.14")]
    [InlineData("172.32.0.1")]
    [InlineData("100.128.0.1")]
    [InlineData("8.8.8.8")]
    [InlineData("2a00:1450:4001:82b::200e")]
    [InlineData("::ffff:93.184.215.14")]
    [InlineData("64:ff9b::8.8.8.8")]
    public void PublicAddresses_AreAllowed(string address) =>
        Assert.Null(AddressRules.WhyRefused(IPAddress.Parse(address)));
}
