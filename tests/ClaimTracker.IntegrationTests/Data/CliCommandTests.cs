using ClaimTracker.Web.Cli;

namespace ClaimTracker.IntegrationTests.Data;

/// <summary>The export and import commands say how they are used when their arguments are wrong.</summary>
public sealed class CliCommandTests
{
    [Theory]
    [InlineData("export")]
    [InlineData("import")]
    [InlineData("export --file")]
    [InlineData("import --file a.json --include-password-hashes")]
    public void Parse_BadArguments_PrintUsage(string commandLine)
    {
        var error = new StringWriter();
        var command = CliCommand.Parse(commandLine.Split(' '), error);

        Assert.NotNull(command);
        Assert.False(command.IsValid);
        Assert.Contains("ClaimTracker.Web export --file PATH", error.ToString());
    }
}
