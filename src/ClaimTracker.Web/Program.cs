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
    .AddClaimTrackerPages()
    .AddClaimTrackerHealth();

var app = builder.Build();

if (command is not null)
{
    return await command.RunAsync(app.Services, Console.In, Console.Out, Console.Error);
}

if (SiteAddress.StartupProblem(app.Configuration, app.Environment) is { } problem)
{
    // Links the app writes (set-password links among them) need the address readers use; the Host header is no such thing.
    Console.Error.WriteLine($"ClaimTracker cannot start: {problem}");
    return CliCommand.UsageErrorExitCode;
}

await app.InitialiseClaimTrackerAsync();
app.UseClaimTrackerPipeline();
await app.RunAsync();
return 0;

/// <summary>Visible to WebApplicationFactory in the integration tests.</summary>
public partial class Program;
