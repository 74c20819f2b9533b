namespace ClaimTracker.Infrastructure.Data;

/// <summary>
/// SQL LIKE patterns that take what a person typed literally: % and _ are not wildcards (escaped with <see cref="Escape"/>).
/// The text is lower-cased here and the column with lower() in the query, so both engines compare case aside (SQLite's LIKE
/// ignores ASCII case, PostgreSQL's does not).
/// </summary>
public static class LikePatterns
{
    public const string Escape = "\\";

    /// <summary>The whole text, case aside: <c>EF.Functions.Like(column.ToLower(), LikePatterns.Exactly(text), LikePatterns.Escape)</c>.</summary>
    public static string Exactly(string text) => Literal(text.ToLowerInvariant());

    /// <summary>The text anywhere in the column, case aside.</summary>
    public static string Containing(string text) => "%" + Exactly(text) + "%";

    private static string Literal(string text) => text.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");
}
