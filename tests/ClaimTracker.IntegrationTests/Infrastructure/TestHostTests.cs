using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ClaimTracker.IntegrationTests.Infrastructure;

/// <summary>The suite passes on a machine shared with other .NET processes (the per-user inotify limit is 128 here).</summary>
public sealed class TestHostTests(ClaimTrackerFactory factory) : IClassFixture<ClaimTrackerFactory>
{
    [Fact]
    public void TestHost_WatchesNoConfigurationFile()
    {
        var configuration = (IConfigurationRoot)factory.Services.GetRequiredService<IConfiguration>();

        var files = configuration.Providers.OfType<Microsoft.Extensions.Configuration.Json.JsonConfigurationProvider>().ToList();

        Assert.NotEmpty(files);
        Assert.All(files, f => Assert.False(f.Source.ReloadOnChange, $"{f.Source.Path} is watched."));
    }

    [Fact]
    public void StartupWait_GrowsWithTheMachinesLoad_NeverShorterThanOnAQuietOne() =>
        Assert.InRange(ClaimTracker.Tests.Shared.TestHosts.StartupWait(TimeSpan.FromSeconds(90)), TimeSpan.FromSeconds(90), TimeSpan.FromSeconds(450));
}
