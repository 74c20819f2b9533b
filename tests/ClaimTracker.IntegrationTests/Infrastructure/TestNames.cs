namespace ClaimTracker.IntegrationTests.Infrastructure;

/// <summary>Names no other test uses: the tests of a class share one app and one database.</summary>
internal static class TestNames
{
    /// <summary>The text with a short random suffix (a headline, a topic).</summary>
    public static string Unique(string text) => $"{text} {Guid.NewGuid().ToString("N")[..6]}";

    /// <summary>An address of its own for a colleague in this role or name.</summary>
    public static string Email(string name) => $"{name}-{Guid.NewGuid():N}@example.org";
}
