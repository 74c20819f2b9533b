using ClaimTracker.Infrastructure.Accounts;
using ClaimTracker.Infrastructure.Data;

namespace ClaimTracker.Web.Cli;

/// <summary><c>create-admin --email ADDRESS [--password-stdin]</c>.</summary>
public sealed class CreateAdminCommand : CliCommand
{
    private CreateAdminCommand(string email, bool passwordFromStdin)
    {
        Email = email;
        PasswordFromStdin = passwordFromStdin;
    }

    public string Email { get; }

    public bool PasswordFromStdin { get; }

    internal static CliCommand ParseOptions(IReadOnlyList<string> args, TextWriter error) =>
        ReadOptions(args, error, ["--email"], ["--password-stdin"], ["--email"]) is { } options
            ? new CreateAdminCommand(options["--email"], options.ContainsKey("--password-stdin"))
            : Invalid;

    public override async Task<int> RunAsync(IServiceProvider services, TextReader input, TextWriter output, TextWriter error)
    {
        string? password = null;
        if (PasswordFromStdin)
        {
            password = (await input.ReadLineAsync())?.TrimEnd('\r', '\n');
            if (string.IsNullOrEmpty(password))
            {
                await error.WriteLineAsync("--password-stdin was given but standard input held no password.");
                return UsageErrorExitCode;
            }
        }

        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitialiser>().InitialiseAsync();
        var settings = scope.ServiceProvider.GetRequiredService<DatabaseSettings>();
        var result = await scope.ServiceProvider.GetRequiredService<AdminBootstrap>()
            .CreateOrPromoteAdminAsync(Email, password);
        if (!result.Succeeded)
        {
            await error.WriteLineAsync(result.Message);
            return UsageErrorExitCode;
        }
        await output.WriteLineAsync(result.Message);
        await output.WriteLineAsync($"Database: {settings.Description}");
        if (result.GeneratedPassword is { } generated)
        {
            await output.WriteLineAsync($"Password (shown once, store it now): {generated}");
        }
        return SuccessExitCode;
    }
}
