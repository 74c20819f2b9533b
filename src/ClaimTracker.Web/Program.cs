using ClaimTracker.Web.Cli;
using ClaimTracker.Web.Hosting;

// `create-admin` and other commands run against the same services as the web app, then exit.
var command = CliCommand.Parse(args, Console.Error);
if (command is { IsValid: false })
{
    return CliCommand.UsageErrorExitCode;
}

var builder = WebApplication.CreateBuilder(command is null ? args : []);
if (command is not null)
{
    builder.Logging.SetMinimumLevel(LogLevel.Warning);
}

builder.Services
    .AddClaimTrackerDatabase(builder.Configuration, builder.Environment.ContentRootPath)
    .AddClaimTrackerAccounts(builder.Environment)
    .AddClaimTrackerPages();

var app = builder.Build();

if (command is not null)
{
    return await command.RunAsync(app.Services, Console.In, Console.Out, Console.Error);
}

await app.InitialiseClaimTrackerAsync();
app.UseClaimTrackerPipeline();
await app.RunAsync();
return 0;

/// <summary>Visible to WebApplicationFactory in the integration tests.</summary>
public partial class Program;
