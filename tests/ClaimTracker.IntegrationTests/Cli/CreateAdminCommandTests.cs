using ClaimTracker.Domain.Accounts;
using ClaimTracker.Domain.Auditing;
using ClaimTracker.Infrastructure.Auditing;
using ClaimTracker.IntegrationTests.Infrastructure;
using ClaimTracker.Web.Cli;
using Microsoft.EntityFrameworkCore;

namespace ClaimTracker.IntegrationTests.Cli;

public sealed class CreateAdminCommandTests
{
    private const string StrongPassword = "Grüße aus Pjöngjang 2024";

    [Fact]
    public async Task CreateAdmin_NewEmailWithPasswordOnStdin_CreatesAnAdminWhoCanSignIn()
    {
        using var factory = new ClaimTrackerFactory();
        var (exit, output, _) = await RunAsync(factory, ["create-admin", "--email", "chefin@example.org", "--password-stdin"],
            StrongPassword + "\n");

        Assert.Equal(0, exit);
        Assert.Contains("Created admin chefin@example.org", output);
        Assert.DoesNotContain(StrongPassword, output);
        Assert.Equal([Roles.Admin], await factory.RolesOfAsync("chefin@example.org"));
        var response = await factory.CreateBrowser().SignInAsync("chefin@example.org", StrongPassword);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
    }

    [Fact]
    public async Task CreateAdmin_WithoutPasswordStdin_PrintsAGeneratedPasswordThatWorks()
    {
        using var factory = new ClaimTrackerFactory();
        var (exit, output, _) = await RunAsync(factory, ["create-admin", "--email", "admin@example.org"], "");

        Assert.Equal(0, exit);
        var line = output.Split('\n').Single(l => l.StartsWith("Password (shown once", StringComparison.Ordinal));
        var password = line[(line.IndexOf("): ", StringComparison.Ordinal) + 3)..].Trim();
        Assert.Equal(PasswordPolicy.GeneratedLength, password.Length);
        var response = await factory.CreateBrowser().SignInAsync("admin@example.org", password);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
    }

    [Fact]
    public async Task CreateAdmin_ExistingEmail_PromotesAndKeepsPasswordAndRoles()
    {
        using var factory = new ClaimTrackerFactory();
        await factory.CreateUserAsync("redakteur@example.org", Roles.Editor);

        var (exit, output, _) = await RunAsync(factory,
            ["create-admin", "--email", "redakteur@example.org", "--password-stdin"], StrongPassword + "\n");

        Assert.Equal(0, exit);
        Assert.Contains("Promoted redakteur@example.org to admin", output);
        Assert.Contains("was not used", output);
        Assert.Equal([Roles.Admin, Roles.Editor], await factory.RolesOfAsync("redakteur@example.org"));
        var oldPassword = await factory.CreateBrowser().SignInAsync("redakteur@example.org", ClaimTrackerFactory.Password);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, oldPassword.StatusCode);
        var audit = await factory.WithDbAsync(db => db.AuditEntries.SingleAsync(e => e.Action == AuditAction.AdminPromotedFromCommandLine));
        Assert.Equal(("redakteur@example.org", AuditLog.CommandLineActor, null), (audit.Target, audit.Actor, audit.IpAddress));
    }

    [Fact]
    public async Task CreateAdmin_RunTwice_SecondRunChangesNothing()
    {
        using var factory = new ClaimTrackerFactory();
        await RunAsync(factory, ["create-admin", "--email", "admin@example.org", "--password-stdin"], StrongPassword);

        var (exit, output, _) = await RunAsync(factory, ["create-admin", "--email", "admin@example.org"], "");

        Assert.Equal(0, exit);
        Assert.Contains("already an admin; nothing changed", output);
        Assert.DoesNotContain("Password (shown once", output);
        Assert.Equal(1, await factory.WithDbAsync(db => db.Users.CountAsync()));
    }

    [Theory]
    [InlineData("not-an-email", "not a valid email address")]
    [InlineData("admin@localhost", "not a valid email address")]
    public async Task CreateAdmin_InvalidEmail_FailsWithMessageAndCreatesNobody(string email, string message)
    {
        using var factory = new ClaimTrackerFactory();
        var (exit, _, error) = await RunAsync(factory, ["create-admin", "--email", email, "--password-stdin"], StrongPassword);

        Assert.Equal(CliCommand.UsageErrorExitCode, exit);
        Assert.Contains(message, error);
        Assert.Equal(0, await factory.WithDbAsync(db => db.Users.CountAsync()));
    }

    [Theory]
    [InlineData("kurz")]
    [InlineData("aaaaaaaaaaaaaaaaaa")]
    public async Task CreateAdmin_WeakPassword_FailsWithMessageAndCreatesNobody(string password)
    {
        using var factory = new ClaimTrackerFactory();
        var (exit, _, error) = await RunAsync(factory, ["create-admin", "--email", "admin@example.org", "--password-stdin"], password);

        Assert.Equal(CliCommand.UsageErrorExitCode, exit);
        Assert.StartsWith("Weak password:", error);
        Assert.Equal(0, await factory.WithDbAsync(db => db.Users.CountAsync()));
    }

    [Fact]
    public async Task CreateAdmin_PasswordStdinButEmptyInput_Fails()
    {
        using var factory = new ClaimTrackerFactory();
        var (exit, _, error) = await RunAsync(factory, ["create-admin", "--email", "admin@example.org", "--password-stdin"], "");

        Assert.Equal(CliCommand.UsageErrorExitCode, exit);
        Assert.Contains("held no password", error);
    }

    [Theory]
    [InlineData("create-admin")]
    [InlineData("create-admin --email")]
    [InlineData("create-admin --email a@example.org --password hunter2")]
    public void Parse_BadArguments_PrintUsage(string commandLine)
    {
        var error = new StringWriter();
        var command = CliCommand.Parse(commandLine.Split(' '), error);

        Assert.NotNull(command);
        Assert.False(command.IsValid);
        Assert.Contains("Usage: ClaimTracker.Web create-admin", error.ToString());
    }

    [Fact]
    public void Parse_NoCommand_StartsTheWebApp() =>
        Assert.Null(CliCommand.Parse(["--urls", "http://127.0.0.1:5000"], TextWriter.Null));

    /// <summary>The command exactly as an operator scripts it: a separate process, password piped in, exit code checked.</summary>
    [Fact]
    public async Task CreateAdmin_AsAProcess_ExitsZeroThenNonZeroOnBadEmail()
    {
        var folder = Directory.CreateTempSubdirectory("claimtracker-cli-");
        var database = Path.Combine(folder.FullName, "data", "claimtracker.db");

        var ok = await RunProcessAsync(folder.FullName, database, "create-admin --email admin@example.org --password-stdin", StrongPassword);
        var bad = await RunProcessAsync(folder.FullName, database, "create-admin --email nope --password-stdin", StrongPassword);

        Assert.True(ok.Exit == 0, ok.Output);
        Assert.Contains($"Database: {database}", ok.Output);
        Assert.True(File.Exists(database));
        Assert.Equal(CliCommand.UsageErrorExitCode, bad.Exit);
        Assert.Contains("'nope' is not a valid email address", bad.Output);
    }

    private static Task<(int Exit, string Output, string Error)> RunAsync(ClaimTrackerFactory factory, string[] args, string stdin) =>
        factory.RunCommandAsync(args, stdin);

    private static Task<(int Exit, string Output)> RunProcessAsync(string workingDirectory, string database, string arguments, string stdin) =>
        AppProcess.RunAsync(arguments.Split(' '), new Dictionary<string, string>
        {
            ["ConnectionStrings__Default"] = $"Data Source={database}",
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
        }, workingDirectory, stdin + "\n");
}
