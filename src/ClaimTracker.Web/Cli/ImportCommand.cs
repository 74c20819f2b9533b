using ClaimTracker.Infrastructure.Data;
using ClaimTracker.Infrastructure.Data.Transfer;

namespace ClaimTracker.Web.Cli;

/// <summary><c>import --file PATH</c>: an export read into an empty database, all or nothing.</summary>
public sealed class ImportCommand : CliCommand
{
    private ImportCommand(string file) => File = file;

    public string File { get; }

    internal static CliCommand ParseOptions(IReadOnlyList<string> args, TextWriter error) =>
        ReadOptions(args, error, ["--file"], [], ["--file"]) is { } options
            ? new ImportCommand(options["--file"])
            : Invalid;

    public override async Task<int> RunAsync(IServiceProvider services, TextReader input, TextWriter output, TextWriter error)
    {
        var path = Path.GetFullPath(File);
        if (!System.IO.File.Exists(path))
        {
            await error.WriteLineAsync($"There is no file {path}; nothing was imported.");
            return UsageErrorExitCode;
        }
        await using var scope = services.CreateAsyncScope();
        var settings = scope.ServiceProvider.GetRequiredService<DatabaseSettings>();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitialiser>().InitialiseAsync();

        await output.WriteLineAsync($"Importing {path} into {settings.Description}");
        DatasetSummary summary;
        try
        {
            await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true);
            summary = await scope.ServiceProvider.GetRequiredService<DatasetImport>().ReadAsync(stream, path, output);
        }
        catch (DatasetException e)
        {
            await error.WriteLineAsync(e.Message);
            return FailureExitCode;
        }
        await output.WriteLineAsync($"Imported {summary.Describe()}.");
        if (!summary.PasswordHashes && summary.Rows(DatasetTables.UsersTable) > 0)
        {
            await output.WriteLineAsync(
                "The accounts came without passwords (exported without --include-password-hashes): give an admin a password with " +
                "'create-admin --email ADDRESS', then admins send the others links to set theirs (Users page).");
        }
        return SuccessExitCode;
    }
}
