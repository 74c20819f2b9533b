namespace ClaimTracker.IntegrationTests.Infrastructure;

/// <summary>The five German news articles the product was conceived from (tests/seeds).</summary>
internal static class SeedArticles
{
    public static string All()
    {
        var seeds = Path.Combine(Repository.Root, "tests", "seeds");
        if (!Directory.Exists(seeds))
        {
            throw new InvalidOperationException("tests/seeds (the seed articles) not found in " + Repository.Root);
        }
        return string.Join("\n", Directory.GetFiles(seeds, "*.txt").Order().Select(File.ReadAllText));
    }
}
