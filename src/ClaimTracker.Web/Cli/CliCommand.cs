using ClaimTracker.Infrastructure.Accounts;
using ClaimTracker.Infrastructure.Data;

namespace ClaimTracker.Web.Cli;

/// <summary>
/// A command given on the command line instead of starting the web server:
/// <c>create-admin --email ADDRESS [--password-stdin]</c>.
/// </summary>
public sealed class CliCommand
{
    public const int SuccessExitCode = 0;
    public const int UsageErrorExitCode = 2;

    public const string Usage = """
        Usage: ClaimTracker.Web create-admin --email ADDRESS [--password-stdin]

          --email ADDRESS     the admin's email address (also the user name)
          --password-stdin    read the password from the first line of standard input;
                              without it a strong password is generated and printed once

        Running it again for an existing email makes that account an admin and changes nothing else.
        The database is the one the app uses (ConnectionStrings:Default).
        """;

    private CliCommand(bool isValid, string? email, bool passwordFromStdin)
    {
        IsValid = isValid;
        Email = email;
        PasswordFromStdin = passwordFromStdin;
    }

    public bool IsValid { get; }

    public string? Email { get; }

    public bool PasswordFromStdin { get; }

    /// <summary>Null when the arguments do not name a command (the web app starts).</summary>
    public static CliCommand? Parse(IReadOnlyList<string> args, TextWriter error)
    {
        if (args.Count == 0 || args[0] != "create-admin")
        {
            return null;
        }
        string? email = null;
        var fromStdin = false;
        for (var i = 1; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg == "--password-stdin")
            {
                fromStdin = true;
            }
            else if (arg == "--email" && i + 1 < args.Count)
            {
                email = args[++i];
            }
            else if (arg.StartsWith("--email=", StringComparison.Ordinal))
            {
                email = arg["--email=".Length..];
            }
            else if (arg is "--help" or "-h")
            {
                error.WriteLine(Usage);
                return Invalid;
            }
            else
            {
                error.WriteLine(arg == "--email" ? "--email needs an address." : $"Unknown option '{arg}'.");
                error.WriteLine(Usage);
                return Invalid;
            }
        }
        if (email is null)
        {
            error.WriteLine("create-admin needs --email ADDRESS.");
            error.WriteLine(Usage);
            return Invalid;
        }
        return new CliCommand(true, email, fromStdin);
    }

    public async Task<int> RunAsync(IServiceProvider services, TextReader input, TextWriter output, TextWriter error)
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

    private static CliCommand Invalid => new(false, null, false);
}
