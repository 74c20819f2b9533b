namespace ClaimTracker.Domain.Text;

/// <summary>
/// Redirect targets taken from a request (returnUrl and the like) may only be paths on this site:
/// "/claims?q=x" yes; "//evil.example", "/\evil.example", "https://…" and their percent-encoded
/// forms no.
/// </summary>
public static class LocalUrl
{
    public static bool IsSafe(string? target)
    {
        if (string.IsNullOrEmpty(target) || target.Length > 2000)
        {
            return false;
        }
        var decoded = target;
        for (var round = 0; round < 3; round++)
        {
            if (!IsSafeLiteral(decoded))
            {
                return false;
            }
            var next = Uri.UnescapeDataString(decoded);
            if (next == decoded)
            {
                return true;
            }
            decoded = next;
        }
        return false;
    }

    private static bool IsSafeLiteral(string path) =>
        path.StartsWith('/')
        && !path.StartsWith("//", StringComparison.Ordinal)
        && !path.StartsWith("/\\", StringComparison.Ordinal)
        && !path.Contains('\\')
        && !path.Any(char.IsControl);
}
