using ClaimTracker.Web.Cli;

namespace ClaimTracker.IntegrationTests.Infrastructure;

public static class Commands
{
    /// <summary>A command-line command (create-admin, export, import) against this app's services and database, as Program runs it.</summary>
    public static async Task<(int Exit, string Output, string Error)> RunCommandAsync(this ClaimTrackerFactory app, string[] args, string stdin = "")
    {
        var error = new StringWriter();
        var command = CliCommand.Parse(args, error);
        Assert.NotNull(command);
        Assert.True(command.IsValid, error.ToString());
        var output = new StringWriter();
        var exit = await command.RunAsync(app.Services, new StringReader(stdin), output, error);
        return (exit, output.ToString(), error.ToString());
    }
}
