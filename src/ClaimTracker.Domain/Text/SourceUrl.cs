using System.Globalization;

namespace ClaimTracker.Domain.Text;

/// <summary>
/// The address of a source article: absolute http or https, no user name or password in it, at most
/// 2,000 characters. International domain names are kept in punycode and shown both ways to editors.
/// </summary>
public sealed record SourceUrl
{
    public const int MaxLength = 2000;

    private SourceUrl(Uri uri, string unicodeHost)
    {
        Uri = uri;
        UnicodeHost = unicodeHost;
    }

    public Uri Uri { get; }

    public string Value => Uri.AbsoluteUri;

    /// <summary>The host as people read it (münchen.example).</summary>
    public string UnicodeHost { get; }

    /// <summary>The host as DNS sees it (xn--mnchen-3ya.example); differs from <see cref="UnicodeHost"/> for IDNs.</summary>
    public string AsciiHost => Uri.IdnHost;

    public bool IsInternational => !string.Equals(UnicodeHost, AsciiHost, StringComparison.OrdinalIgnoreCase);

    public static bool TryParse(string? input, out SourceUrl? url, out string error)
    {
        url = null;
        var candidate = input?.Trim() ?? string.Empty;
        if (candidate.Length == 0)
        {
            error = "Enter the source's address (https://…).";
            return false;
        }
        if (candidate.Length > MaxLength)
        {
            error = $"The address can have at most {MaxLength} characters (this has {candidate.Length}).";
            return false;
        }
        if (candidate.Any(c => char.IsControl(c) || char.IsWhiteSpace(c)))
        {
            error = "The address contains spaces or control characters. Copy it again from the browser's address bar.";
            return false;
        }
        if (!Uri.TryCreate(candidate, UriKind.Absolute, out var uri)
            || uri.Scheme is not ("http" or "https")
            || string.IsNullOrEmpty(uri.Host)
            || !candidate.StartsWith(uri.Scheme + "://", StringComparison.OrdinalIgnoreCase))
        {
            error = $"'{candidate}' is not a web address. Sources need an absolute http:// or https:// address.";
            return false;
        }
        if (!string.IsNullOrEmpty(uri.UserInfo))
        {
            error = "The address contains a user name or password (user:password@…). Remove it.";
            return false;
        }
        string unicodeHost;
        try
        {
            unicodeHost = new IdnMapping().GetUnicode(uri.IdnHost);
        }
        catch (ArgumentException)
        {
            error = $"'{uri.Host}' is not a valid domain name.";
            return false;
        }
        url = new SourceUrl(uri, unicodeHost);
        error = string.Empty;
        return true;
    }
}
