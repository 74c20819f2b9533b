namespace ClaimTracker.IntegrationTests.Infrastructure;

/// <summary>The checkout the tests run from: the folder holding ClaimTracker.sln above the test binaries.</summary>
internal static class Repository
{
    public static string Root { get; } = Find();

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ClaimTracker.sln")))
            {
                return directory.FullName;
            }
        }
        throw new InvalidOperationException("ClaimTracker.sln not found above " + AppContext.BaseDirectory);
    }
}
