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

    /// <summary>
    /// The target when it is safe, as a redirect can carry it (letters outside ASCII percent-encoded as UTF-8: a header
    /// holds ASCII only); otherwise the home page.
    /// </summary>
    public static string SafeOrHome(string? target)
    {
        if (!IsSafe(target))
        {
            return "/";
        }
        var encoded = new System.Text.StringBuilder(target!.Length);
        Span<byte> bytes = stackalloc byte[4];
        foreach (var rune in target.EnumerateRunes())
        {
            if (rune.Value is > 0x20 and < 0x7F)
            {
                encoded.Append((char)rune.Value);
                continue;
            }
            var length = rune.EncodeToUtf8(bytes);
            foreach (var b in bytes[..length])
            {
                encoded.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }
        return encoded.ToString();
    }

    private static bool IsSafeLiteral(string path) =>
        path.StartsWith('/')
        && !path.StartsWith("//", StringComparison.Ordinal)
        && !path.StartsWith("/\\", StringComparison.Ordinal)
        && !path.Contains('\\')
        && !path.Any(char.IsControl);
}
