namespace ClaimTracker.Web.Cli;

/// <summary>
/// A command given on the command line instead of starting the web server: <c>create-admin</c>,
/// <c>export</c> or <c>import</c>. Each runs against the same services and database as the web app, then exits.
/// </summary>
public abstract class CliCommand
{
    public const int SuccessExitCode = 0;
    public const int FailureExitCode = 1;
    public const int UsageErrorExitCode = 2;

    public const string Usage = """
        Usage: ClaimTracker.Web create-admin --email ADDRESS [--password-stdin]
               ClaimTracker.Web export --file PATH [--include-password-hashes]
               ClaimTracker.Web import --file PATH

        create-admin          makes an admin account, or makes an existing account an admin
          --email ADDRESS     the admin's email address (also the user name)
          --password-stdin    read the password from the first line of standard input;
                              without it a strong password is generated and printed once
          Running it again for an existing email makes that account an admin and changes nothing else,
          except that an account without a password (imported without password hashes) gets one.

        export                writes the whole dataset (claims, sources, actors, history, accounts, roles,
                              the audit log) to a JSON file, from one consistent snapshot; the app may run
          --file PATH         where to write it (replaced only once the export is complete)
          --include-password-hashes
                              also the password hashes and sign-in secrets; without it accounts are
                              exported without passwords and need new ones after an import

        import                reads an export into an empty database of either engine, all or nothing
          --file PATH         the file an export wrote

        The database is the one the app uses (Database:Provider, ConnectionStrings:Default).
        """;

    public virtual bool IsValid => true;

    /// <summary>Null when the arguments do not name a command (the web app starts).</summary>
    public static CliCommand? Parse(IReadOnlyList<string> args, TextWriter error)
    {
        if (args.Count == 0)
        {
            return null;
        }
        return args[0] switch
        {
            "create-admin" => CreateAdminCommand.ParseOptions(args, error),
            "export" => ExportCommand.ParseOptions(args, error),
            "import" => ImportCommand.ParseOptions(args, error),
            _ => null,
        };
    }

    public abstract Task<int> RunAsync(IServiceProvider services, TextReader input, TextWriter output, TextWriter error);

    /// <summary>Arguments that do not make a command; the usage has been printed.</summary>
    private protected static CliCommand Invalid { get; } = new InvalidCommand();

    /// <summary>
    /// Reads <c>--name VALUE</c>, <c>--name=VALUE</c> and flags after the command's name. Null (with the usage
    /// printed) for an unknown option, a value missing or a required option absent.
    /// </summary>
    private protected static Dictionary<string, string>? ReadOptions(IReadOnlyList<string> args, TextWriter error,
        IReadOnlyCollection<string> valueOptions, IReadOnlyCollection<string> flags, IReadOnlyCollection<string> required)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 1; i < args.Count; i++)
        {
            var arg = args[i];
            var equals = arg.IndexOf('=', StringComparison.Ordinal);
            var name = equals > 0 ? arg[..equals] : arg;
            if (flags.Contains(arg))
            {
                options[arg] = "";
            }
            else if (valueOptions.Contains(name) && equals > 0)
            {
                options[name] = arg[(equals + 1)..];
            }
            else if (valueOptions.Contains(arg) && i + 1 < args.Count)
            {
                options[arg] = args[++i];
            }
            else if (arg is "--help" or "-h")
            {
                error.WriteLine(Usage);
                return null;
            }
            else
            {
                error.WriteLine(valueOptions.Contains(arg) ? $"{arg} needs a value." : $"Unknown option '{arg}'.");
                error.WriteLine(Usage);
                return null;
            }
        }
        if (required.FirstOrDefault(r => !options.ContainsKey(r)) is { } missing)
        {
            error.WriteLine($"{args[0]} needs {missing} {(missing == "--email" ? "ADDRESS" : "PATH")}.");
            error.WriteLine(Usage);
            return null;
        }
        return options;
    }

    private sealed class InvalidCommand : CliCommand
    {
        public override bool IsValid => false;

        public override Task<int> RunAsync(IServiceProvider services, TextReader input, TextWriter output, TextWriter error) =>
            Task.FromResult(UsageErrorExitCode);
    }
}
