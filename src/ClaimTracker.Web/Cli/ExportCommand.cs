using System.Globalization;
using ClaimTracker.Infrastructure.Data;
using ClaimTracker.Infrastructure.Data.Transfer;

namespace ClaimTracker.Web.Cli;

/// <summary><c>export --file PATH [--include-password-hashes]</c>: the whole dataset as a JSON file.</summary>
public sealed class ExportCommand : CliCommand
{
    private ExportCommand(string file, bool includePasswordHashes)
    {
        File = file;
        IncludePasswordHashes = includePasswordHashes;
    }

    public string File { get; }

    public bool IncludePasswordHashes { get; }

    internal static CliCommand ParseOptions(IReadOnlyList<string> args, TextWriter error) =>
        ReadOptions(args, error, ["--file"], ["--include-password-hashes"], ["--file"]) is { } options
            ? new ExportCommand(options["--file"], options.ContainsKey("--include-password-hashes"))
            : Invalid;

    public override async Task<int> RunAsync(IServiceProvider services, TextReader input, TextWriter output, TextWriter error)
    {
        var path = Path.GetFullPath(File);
        if (Path.GetDirectoryName(path) is { } folder && !Directory.Exists(folder))
        {
            await error.WriteLineAsync($"The folder {folder} does not exist; nothing was exported.");
            return UsageErrorExitCode;
        }
        await using var scope = services.CreateAsyncScope();
        var settings = scope.ServiceProvider.GetRequiredService<DatabaseSettings>();
        if (settings.IsSqlite && !System.IO.File.Exists(settings.FilePath))
        {
            await error.WriteLineAsync($"There is no database at {settings.FilePath}; nothing was exported.");
            return UsageErrorExitCode;
        }
        await scope.ServiceProvider.GetRequiredService<DatabaseInitialiser>().InitialiseAsync();

        await output.WriteLineAsync($"Exporting {settings.Description} to {path}");
        // Written beside the target and moved into place when complete: a failed export never leaves a file
        // that looks whole, nor destroys an earlier export of the same name. Readable by its owner only: it holds
        // personal data (accounts, reader reports, the audit log) and, when asked, password hashes.
        var partial = path + ".partial";
        DatasetSummary summary;
        try
        {
            var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write, BufferSize = 1 << 16 };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }
            await using (var stream = new FileStream(partial, options))
            {
                summary = await scope.ServiceProvider.GetRequiredService<DatasetExport>().WriteAsync(stream, IncludePasswordHashes, output);
            }
            System.IO.File.Move(partial, path, overwrite: true);
        }
        catch
        {
            System.IO.File.Delete(partial);
            throw;
        }

        var size = new FileInfo(path).Length / 1024.0 / 1024.0;
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Exported {summary.Describe()} to {path} ({size:0.0} MB)."));
        await output.WriteLineAsync(IncludePasswordHashes
            ? "Password hashes and sign-in secrets are included: keep the file as safe as the database."
            : "Password hashes are not included: after an import, give an admin a password with create-admin, and admins send the others links to set theirs.");
        return SuccessExitCode;
    }
}
