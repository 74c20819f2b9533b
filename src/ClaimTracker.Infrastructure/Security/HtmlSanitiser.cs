using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using ClaimTracker.Domain.Text;
using Microsoft.Extensions.Options;

namespace ClaimTracker.Infrastructure.Security;

/// <summary>
/// An allowlist HTML sanitiser: HtmlSanitizer (Ganss.Xss) decides what stays, configured to the list below. The input is parsed
/// by AngleSharp's HTML5 parser exactly as a browser parses a fragment in a body; HtmlSanitizer then removes what is not on the
/// list — dropped with its content where that content is code or markup, unwrapped (keeping its text) otherwise — and checks
/// every URL through <see cref="SafeUrl"/>. Around it this class keeps the limits (size, nesting), writes the output in one
/// linear pass, and re-parses and sanitises the output until it is stable, which defeats mutation XSS: what a browser parses
/// from our output is exactly what was checked.
/// </summary>
public sealed class HtmlSanitiser(IOptions<RichTextOptions> options)
{
    internal static readonly HashSet<string> AllowedElements =
    [
        "p", "br", "strong", "b", "em", "i", "u", "s", "del", "sub", "sup", "blockquote", "q", "cite", "code", "pre",
        "ul", "ol", "li", "h2", "h3", "h4", "a", "table", "thead", "tbody", "tr", "th", "td", "hr", "span", "abbr",
    ];

    private static readonly Dictionary<string, HashSet<string>> AllowedAttributes = new()
    {
        ["a"] = ["href", "title"],
        ["th"] = ["colspan", "rowspan"],
        ["td"] = ["colspan", "rowspan"],
        ["abbr"] = ["title"],
        ["q"] = ["cite"],
    };

    private static readonly HashSet<string> UrlAttributes = ["href", "cite"];

    /// <summary>Dropped together with everything inside them: code, embedded documents, forms' controls, metadata.</summary>
    private static readonly HashSet<string> DroppedWithContent =
    [
        "script", "style", "template", "noscript", "iframe", "frame", "frameset", "noframes", "object", "embed",
        "applet", "param", "noembed", "xmp", "plaintext", "textarea", "select", "option", "optgroup", "button",
        "input", "datalist", "output", "meta", "base", "link", "title", "head", "svg", "math", "canvas", "audio",
        "video", "source", "track", "img", "picture", "map", "area", "dialog", "slot", "portal", "image",
    ];

    public const string RelValue = "nofollow noopener noreferrer";

    private readonly RichTextOptions limits = options.Value;
    private readonly HtmlParser parser = new(new HtmlParserOptions { IsScripting = true });
    private readonly Ganss.Xss.HtmlSanitizer core = CreateCore();

    /// <summary>HtmlSanitizer with today's allowlist; configured once, then only used (it is safe to share then).</summary>
    private static Ganss.Xss.HtmlSanitizer CreateCore()
    {
        var core = new Ganss.Xss.HtmlSanitizer(new Ganss.Xss.HtmlSanitizerOptions
        {
            AllowedTags = AllowedElements,
            AllowedAttributes = AllowedAttributes.Values.SelectMany(names => names).ToHashSet(StringComparer.OrdinalIgnoreCase),
            AllowedSchemes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "http", "https", "mailto" },
            UriAttributes = UrlAttributes,
            AllowedCssProperties = new HashSet<string>(),
            AllowedAtRules = new HashSet<AngleSharp.Css.Dom.CssRuleType>(),
            AllowedClasses = new HashSet<string>(),
        })
        {
            KeepChildNodes = true,
            AllowDataAttributes = false,
        };
        // Code, embedded documents, form controls, metadata and foreign content (svg, math) go with what is inside them.
        core.RemovingTag += (_, e) =>
        {
            if (DroppedWithContent.Contains(e.Tag.LocalName) || e.Tag.NamespaceUri != AngleSharp.Dom.NamespaceNames.HtmlUri)
            {
                while (e.Tag.FirstChild is { } child)
                {
                    e.Tag.RemoveChild(child);
                }
            }
        };
        // Only absolute http, https and mailto, read as a browser reads them; what a URL cannot hold is percent-encoded.
        core.FilterUrl += (_, e) => e.SanitizedUrl = SafeUrl(e.OriginalUrl);
        // The list is per element (a title on a link, a span on a cell); links never pass on who sent the reader.
        core.PostProcessNode += (_, e) =>
        {
            if (e.Node is not IElement element)
            {
                return;
            }
            var allowed = AllowedAttributes.GetValueOrDefault(element.LocalName);
            foreach (var attribute in element.Attributes.ToList())
            {
                var value = allowed is not null && allowed.Contains(attribute.Name) ? CleanAttribute(attribute.Name, attribute.Value) : null;
                if (value is null)
                {
                    element.RemoveAttribute(attribute.Name);
                }
                else if (value != attribute.Value)
                {
                    element.SetAttribute(attribute.Name, value);
                }
            }
            if (element.LocalName == "a")
            {
                element.SetAttribute("rel", RelValue);
            }
        };
        return core;
    }

    public SanitiseResult Sanitise(string? input)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return new SanitiseResult(SanitisedHtml.Empty, string.Empty);
        }
        input = Domain.Text.TextRules.WithoutUnsafeCharacters(input);
        var bytes = Encoding.UTF8.GetByteCount(input);
        if (bytes > limits.MaxBytes)
        {
            return new SanitiseResult(null,
                $"The text is too long: {bytes / 1024.0:0.#} KB, at most {limits.MaxBytes / 1024} KB are allowed. Shorten it or split it up.");
        }

        // Deep nesting costs the parser time quadratic in its depth ("<ul><li>" × 10,000: 1.8 s): text whose tags would nest far
        // deeper than allowed is refused from a count of its tags, before it is parsed.
        var depthExceeded = NestingLimit.NestsTooDeep(input, limits.MaxDepth * 10);
        var output = depthExceeded ? string.Empty : Clean(input, out depthExceeded);
        if (depthExceeded)
        {
            return new SanitiseResult(null,
                $"The text nests elements more than {limits.MaxDepth} levels deep. Paste it as plain text or simplify its formatting.");
        }
        // The output must read back as itself; a difference means the parser would rebuild it otherwise.
        for (var pass = 0; pass < 3; pass++)
        {
            var again = Clean(output, out _);
            if (again == output)
            {
                // The limit holds for what is stored too: made safe, a text can grow (every link gains its rel attribute).
                var stored = Encoding.UTF8.GetByteCount(output);
                return stored > limits.MaxBytes
                    ? new SanitiseResult(null, $"Made safe, the text is {stored / 1024.0:0.#} KB, more than the {limits.MaxBytes / 1024} KB allowed (links gain attributes). Shorten it or split it up.")
                    : new SanitiseResult(new SanitisedHtml(output), string.Empty);
            }
            output = again;
        }
        return new SanitiseResult(null, "The formatting of this text cannot be kept safely. Paste it as plain text.");
    }

    /// <summary>
    /// What an editor typed into a rich-text field, sanitised; text that was nothing but markup not allowed here is refused with a
    /// message saying so (a "required" message would puzzle an editor who typed something).
    /// </summary>
    public SanitiseResult SanitiseInput(string? input)
    {
        var result = Sanitise(input);
        return result is { Html.IsEmpty: true } && !string.IsNullOrWhiteSpace(input)
            ? new SanitiseResult(null, "Everything in this text was markup that is not allowed here (scripts, styles, embedded content) and was removed. Write it as text.")
            : result;
    }

    /// <summary>
    /// Renders stored rich text, checking it once more (a stricter rule may have come since it was saved).
    /// The sanitiser is a pure function of its input, so the results of recent texts are remembered
    /// (a bounded set, cleared when full): a busy claim page does not parse the same rationale on every request.
    /// </summary>
    public SanitisedHtml ForRender(SanitisedHtml stored)
    {
        if (stored.IsEmpty)
        {
            return SanitisedHtml.Empty;
        }
        return rendered.GetOrAdd(stored.Html, html => Sanitise(html) is { Html: { } clean } ? clean : SanitisedHtml.Empty);
    }

    /// <summary>How many rendered texts are remembered at most (about a page of memory per text).</summary>
    public const int RenderedCapacity = 4096;

    private readonly Caching.BoundedMemo<string, SanitisedHtml> rendered = new(RenderedCapacity, StringComparer.Ordinal);

    private string Clean(string input, out bool depthExceeded)
    {
        var document = parser.ParseDocument(string.Empty);
        var body = document.Body!;
        var nodes = parser.ParseFragment(input, body);
        depthExceeded = nodes.Any(n => NestingLimit.DepthExceeds(n, limits.MaxDepth));
        if (depthExceeded)
        {
            return string.Empty;
        }
        foreach (var node in nodes.ToList())
        {
            body.AppendChild(node);
        }
        core.SanitizeDom(document, body);
        // Written straight out, in one pass: a tree serialised by AngleSharp cost time quadratic in the number of siblings
        // (2.1 s for 50,000: "x<b>y</b>" × 12,500 took 1.4 s in 109 KB). The output is what AngleSharp would write.
        var html = new StringBuilder(input.Length);
        foreach (var node in body.ChildNodes)
        {
            SanitisedWriter.Write(node, html);
        }
        return html.ToString();
    }

    private static string? CleanAttribute(string name, string value)
    {
        if (UrlAttributes.Contains(name))
        {
            return SafeUrl(value);
        }
        if (name is "colspan" or "rowspan")
        {
            return int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var span)
                   && span is >= 1 and <= 100
                ? span.ToString(System.Globalization.CultureInfo.InvariantCulture)
                : null;
        }
        return value;
    }

    /// <summary>
    /// An absolute http, https or mailto URL, or null. The parser has already decoded entities;
    /// whitespace and control characters are stripped before the scheme is read, as browsers do.
    /// </summary>
    public static string? SafeUrl(string value)
    {
        // The scheme as a browser reads it (it drops whitespace and control characters anywhere: "java\tscript:" is javascript:).
        var cleaned = new string(value.Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c) && !IsZeroWidth(c)).ToArray());
        // The link as written, with what a URL cannot hold percent-encoded instead of deleted ("?q=a b" is "?q=a%20b").
        var encoded = Encoded(value.Trim().Trim('\0'));
        return Allowed(cleaned) && Allowed(encoded) && SameScheme(cleaned, encoded) ? encoded : null;

        static bool Allowed(string url) =>
            Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme switch
            {
                "http" or "https" => !string.IsNullOrEmpty(uri.Host) && url.StartsWith(uri.Scheme + "://", StringComparison.OrdinalIgnoreCase),
                "mailto" => url.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase),
                _ => false,
            };

        static bool SameScheme(string a, string b) =>
            string.Equals(new Uri(a).Scheme, new Uri(b).Scheme, StringComparison.Ordinal);
    }

    private static bool IsZeroWidth(char c) => c is '\u200B' or '\u200C' or '\u200D' or '\uFEFF';

    /// <summary>Whitespace, control and zero-width characters as %XX of their UTF-8 bytes; everything else as it is.</summary>
    private static string Encoded(string url)
    {
        if (!url.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || IsZeroWidth(c)))
        {
            return url;
        }
        var encoded = new StringBuilder(url.Length + 16);
        foreach (var c in url)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c) || IsZeroWidth(c))
            {
                foreach (var b in Encoding.UTF8.GetBytes(c.ToString()))
                {
                    encoded.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
                }
            }
            else
            {
                encoded.Append(c);
            }
        }
        return encoded.ToString();
    }
}
