using ClaimTracker.Infrastructure.Data;
using ClaimTracker.Web.Cli;
using ClaimTracker.Web.Hosting;
using ClaimTracker.Web.Localisation;

// `create-admin` and other commands run against the same services as the web app, then exit.
var command = CliCommand.Parse(args, Console.Error);
if (command is { IsValid: false })
{
    return CliCommand.UsageErrorExitCode;
}

var builder = WebApplication.CreateBuilder(command is null ? args : []);
if (command is not null)
{
    // A command's own output is the report; only warnings and errors from the host.
    builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["Logging:LogLevel:Default"] = "Warning",
        ["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Warning",
    });
}

builder.Services
    .AddClaimTrackerDatabase(builder.Configuration, builder.Environment.ContentRootPath)
    .AddClaimTrackerAccounts(builder.Environment)
    .AddClaimTrackerSecurity(builder.Configuration)
    .AddClaimTrackerPublicCache()
    .AddClaimTrackerLocalisation()
    .AddClaimTrackerEvidence(builder.Configuration)
    .AddClaimTrackerPages()
    .AddClaimTrackerHealth();

var app = builder.Build();

if (command is null && SiteAddress.StartupProblem(app.Configuration, app.Environment) is { } problem)
{
    // Links the app writes (set-password links among them) need the address readers use; the Host header is no such thing.
    Console.Error.WriteLine($"ClaimTracker cannot start: {problem}");
    return CliCommand.UsageErrorExitCode;
}

try
{
    if (command is not null)
    {
        return await command.RunAsync(app.Services, Console.In, Console.Out, Console.Error);
    }
    await app.InitialiseClaimTrackerAsync();
}
catch (Exception failure) when (failure is System.Data.Common.DbException or InvalidOperationException or IOException
                                     or UnauthorizedAccessException or System.Net.Sockets.SocketException)
{
    // The database cannot be opened, created or migrated (a read-only file with migrations pending, a folder that cannot be made,
    // wrong credentials, a server that does not answer): one line that says why, and exit code 1. The log has the details.
    app.Logger.LogCritical(failure, "ClaimTracker cannot start");
    Console.Error.WriteLine($"ClaimTracker cannot start: {failure.GetBaseException().Message}");
    return 1;
}

app.UseClaimTrackerPipeline();
await app.RunAsync();
return 0;

/// <summary>Visible to WebApplicationFactory in the integration tests.</summary>
public partial class Program;
