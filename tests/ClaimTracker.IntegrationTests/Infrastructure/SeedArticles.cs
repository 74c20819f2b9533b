namespace ClaimTracker.IntegrationTests.Infrastructure;

/// <summary>The five German news articles the product was conceived from (tests/seeds).</summary>
internal static class SeedArticles
{
    public static string All()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var seeds = Path.Combine(directory.FullName, "tests", "seeds");
            if (File.Exists(Path.Combine(directory.FullName, "ClaimTracker.sln")) && Directory.Exists(seeds))
            {
                return string.Join("\n", Directory.GetFiles(seeds, "*.txt").Order().Select(File.ReadAllText));
            }
        }
        throw new InvalidOperationException("tests/seeds (the seed articles) not found above " + AppContext.BaseDirectory);
    }
}
