namespace ClaimTracker.Domain.Text;

/// <summary>
/// Rich text that has passed the HTML sanitiser. Only the sanitiser (and the database mapping of
/// what it produced) can make one, so a page that renders this type renders nothing unchecked.
/// </summary>
public sealed record SanitisedHtml
{
    public static SanitisedHtml Empty { get; } = new(string.Empty);

    internal SanitisedHtml(string html) => Html = html;

    public string Html { get; }

    public bool IsEmpty => Html.Length == 0;

    public override string ToString() => Html;
}
