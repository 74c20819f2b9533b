using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace ClaimTracker.BrowserTests;

/// <summary>
/// The real app as a newcomer starts it: its own process, Development environment, a fresh SQLite
/// file, on a free loopback port. Reads the demo admin's password from the console like a person would.
/// </summary>
public sealed partial class AppProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly DirectoryInfo data;
    private readonly List<string> output = [];

    private AppProcess(Process process, DirectoryInfo data, Uri baseAddress)
    {
        this.process = process;
        this.data = data;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    /// <summary>The same app as http://localhost:port: WebAuthn needs a domain name (an IP address cannot own passkeys).</summary>
    public Uri LocalhostAddress => new($"http://localhost:{BaseAddress.Port}");

    public string DemoAdminEmail { get; private set; } = string.Empty;

    public string DemoAdminPassword { get; private set; } = string.Empty;

    /// <param name="settings">Extra configuration as environment variables (e.g. <c>OutgoingRequests__AllowedEndpoints__0</c>).</param>
    public static async Task<AppProcess> StartAsync(IReadOnlyDictionary<string, string>? settings = null)
    {
        var repository = FindRepositoryRoot();
        var data = Directory.CreateTempSubdirectory("claimtracker-browser-");
        var port = FreePort();
        var baseAddress = new Uri($"http://127.0.0.1:{port}");
        var app = Path.Combine(AppContext.BaseDirectory, "ClaimTracker.Web.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = data.FullName,
        };
        foreach (var argument in new[] { app, "--urls", baseAddress.ToString(), "--contentRoot", Path.Combine(repository, "src", "ClaimTracker.Web") })
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment[ClaimTracker.Tests.Shared.TestHosts.NoConfigWatchVariable] = "false";
        start.Environment["ConnectionStrings__Default"] = $"Data Source={Path.Combine(data.FullName, "claimtracker.db")}";
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        var instance = new AppProcess(Process.Start(start)!, data, baseAddress);
        try
        {
            await instance.WaitUntilListeningAsync(ClaimTracker.Tests.Shared.TestHosts.StartupWait(TimeSpan.FromSeconds(90)));
        }
        catch (InvalidOperationException)
        {
            // A failed start leaves no process behind (each was ~220 MB).
            await instance.DisposeAsync();
            throw;
        }
        return instance;
    }

    public string Log
    {
        get
        {
            lock (output)
            {
                return string.Join(Environment.NewLine, output);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        process.Dispose();
        try
        {
            data.Delete(recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS temp cleaner; nothing the test relies on.
        }
    }

    private async Task WaitUntilListeningAsync(TimeSpan timeout)
    {
        var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnLine(object sender, DataReceivedEventArgs e)
        {
            if (e.Data is null)
            {
                return;
            }
            lock (output)
            {
                output.Add(e.Data);
            }
            if (EmailLine().Match(e.Data) is { Success: true } email)
            {
                DemoAdminEmail = email.Groups[1].Value;
            }
            if (PasswordLine().Match(e.Data) is { Success: true } password)
            {
                DemoAdminPassword = password.Groups[1].Value;
            }
            if (e.Data.Contains("Now listening on:", StringComparison.Ordinal))
            {
                listening.TrySetResult();
            }
        }
        process.OutputDataReceived += OnLine;
        process.ErrorDataReceived += OnLine;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!await ClaimTracker.Tests.Shared.TestHosts.ListensWithinAsync(listening.Task, process, timeout))
        {
            throw new InvalidOperationException(
                $"The app did not start listening within {timeout.TotalSeconds:0} s. Its output:{Environment.NewLine}{Log}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    internal static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ClaimTracker.sln")))
            {
                return directory.FullName;
            }
        }
        throw new InvalidOperationException("ClaimTracker.sln not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"^\s*email:\s+(\S+@\S+)\s*$")]
    private static partial Regex EmailLine();

    [GeneratedRegex(@"^\s*password:\s+(\S+)\s*$")]
    private static partial Regex PasswordLine();
}
