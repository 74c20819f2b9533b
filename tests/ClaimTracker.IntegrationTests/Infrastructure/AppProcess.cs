using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace ClaimTracker.IntegrationTests.Infrastructure;

/// <summary>
/// The app as an operator runs it: <c>dotnet ClaimTracker.Web.dll</c> in a process of its own, configured by
/// environment variables, either serving on a free loopback port or running one command and exiting.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly List<string> output = [];

    private AppProcess(Process process, Uri baseAddress)
    {
        this.process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

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

    /// <summary>Starts the web app and waits until it listens.</summary>
    public static async Task<AppProcess> StartAsync(IReadOnlyDictionary<string, string> environment, string workingDirectory)
    {
        var baseAddress = new Uri($"http://127.0.0.1:{FreePort()}");
        var start = StartInfo(["--urls", baseAddress.ToString(), "--contentRoot", Path.Combine(Repository.Root, "src", "ClaimTracker.Web")], environment, workingDirectory);
        var app = new AppProcess(Process.Start(start)!, baseAddress);
        var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnLine(object sender, DataReceivedEventArgs e)
        {
            if (e.Data is null)
            {
                return;
            }
            lock (app.output)
            {
                app.output.Add(e.Data);
            }
            if (e.Data.Contains("Now listening on:", StringComparison.Ordinal))
            {
                listening.TrySetResult();
            }
        }
        app.process.OutputDataReceived += OnLine;
        app.process.ErrorDataReceived += OnLine;
        app.process.BeginOutputReadLine();
        app.process.BeginErrorReadLine();
        var wait = ClaimTracker.Tests.Shared.TestHosts.StartupWait(TimeSpan.FromSeconds(90));
        if (!await ClaimTracker.Tests.Shared.TestHosts.ListensWithinAsync(listening.Task, app.process, wait))
        {
            // A failed start leaves no process behind.
            await app.DisposeAsync();
            throw new InvalidOperationException($"The app did not start listening within {wait.TotalSeconds:0} s. Its output:{Environment.NewLine}{app.Log}");
        }
        return app;
    }

    /// <summary>Runs one command (e.g. <c>export --file …</c>) to its end, with <paramref name="stdin"/> as its input; its exit code and everything it printed.</summary>
    public static async Task<(int Exit, string Output)> RunAsync(IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string> environment,
        string workingDirectory, string stdin = "")
    {
        using var process = Process.Start(StartInfo(arguments, environment, workingDirectory))!;
        await process.StandardInput.WriteAsync(stdin);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await error);
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        process.Dispose();
    }

    private static ProcessStartInfo StartInfo(IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment, string workingDirectory)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "ClaimTracker.Web.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment[ClaimTracker.Tests.Shared.TestHosts.NoConfigWatchVariable] = "false";
        start.Environment["Site__PublicUrl"] = "https://claims.example.org";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }
        return start;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
