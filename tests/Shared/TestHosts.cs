namespace ClaimTracker.Tests.Shared;

/// <summary>
/// How tests start the app so that they pass on a busy machine shared with other .NET processes: no host watches its
/// configuration files (each watch takes one of the user's inotify instances, 128 here), and a wait for a process to start
/// grows with the machine's load instead of failing after a fixed time.
/// </summary>
public static class TestHosts
{
    /// <summary>The host setting that stops ASP.NET Core from watching appsettings*.json, as an environment variable.</summary>
    public const string NoConfigWatchVariable = "DOTNET_hostBuilder__reloadConfigOnChange";

    /// <summary>Makes every host this test process builds, and every app process it starts, leave its configuration files unwatched.</summary>
    public static void WatchNoConfigurationFiles() => Environment.SetEnvironmentVariable(NoConfigWatchVariable, "false");

    /// <summary>
    /// <paramref name="quiet"/> on a machine with no more runnable work than cores; longer, in proportion to the one-minute load
    /// per core (at most five times as long), on a busier one.
    /// </summary>
    public static TimeSpan StartupWait(TimeSpan quiet)
    {
        var load = 0.0;
        if (File.Exists("/proc/loadavg")
            && double.TryParse(File.ReadAllText("/proc/loadavg").Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture, out var read))
        {
            load = read;
        }
        return quiet * Math.Clamp(load / Environment.ProcessorCount, 1, 5);
    }

    /// <summary>
    /// Waits for a started app process until it says it listens (true), exits, or <paramref name="wait"/> runs out (false): a
    /// timeout on the process's own events, not a pause.
    /// </summary>
    public static async Task<bool> ListensWithinAsync(Task listening, System.Diagnostics.Process process, TimeSpan wait)
    {
        try
        {
            return await Task.WhenAny(listening, process.WaitForExitAsync()).WaitAsync(wait) == listening;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }
}
