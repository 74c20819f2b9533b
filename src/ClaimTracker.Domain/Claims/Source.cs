using System.Security.Cryptography;
using System.Text;
using ClaimTracker.Domain.Text;

namespace ClaimTracker.Domain.Claims;

/// <summary>An article or document that reports, supports or disputes claims; reusable across claims.</summary>
public sealed class Source
{
    public const int TitleMaxLength = 300;
    public const int AuthorMaxLength = 200;
    public const int ExcerptMaxLength = 20000;

    private Source()
    {
    }

    public int Id { get; private set; }

    /// <summary>Normalised absolute address; null for print or agency copy. Unique.</summary>
    public string? Url { get; private set; }

    public string Title { get; private set; } = string.Empty;

    public int? OutletId { get; private set; }

    public Actor? Outlet { get; private set; }

    public string? Author { get; private set; }

    public DateOnly? PublishedOn { get; private set; }

    public string Language { get; private set; } = "de";

    public string? ArchiveUrl { get; private set; }

    /// <summary>The passage captured from the source, as plain text.</summary>
    public string? Excerpt { get; private set; }

    /// <summary>SHA-256 (hex) of the excerpt's UTF-8 bytes, to show later that the quote is unchanged.</summary>
    public string? ExcerptSha256 { get; private set; }

    public DateTime? ExcerptCapturedAtUtc { get; private set; }

    public string CreatedBy { get; private set; } = string.Empty;

    public DateTime CreatedAtUtc { get; private set; }

    public Guid Version { get; private set; }

    /// <summary>What the last link check found at <see cref="Url"/> (see <c>LinkRotChecker</c>).</summary>
    public Evidence.LinkState LinkState { get; private set; }

    public DateTime? LinkCheckedAtUtc { get; private set; }

    /// <summary>Since when the state is what it is: a page gone for a month reads differently from one gone since this morning.</summary>
    public DateTime? LinkStateSinceUtc { get; private set; }

    /// <summary>What the check saw, for the editor ("answered 404", "the name does not resolve", "content differs").</summary>
    public string? LinkNote { get; private set; }

    /// <summary>
    /// Records a link check. It is not an edit of the source (no new <see cref="Version"/>): an editor's form open meanwhile
    /// saves without a conflict.
    /// </summary>
    public bool RecordLinkCheck(Evidence.LinkState state, string? note, DateTime nowUtc)
    {
        var changed = state != LinkState;
        if (changed)
        {
            LinkStateSinceUtc = nowUtc;
        }
        LinkState = state;
        LinkNote = note is { Length: > 300 } ? note[..300] : note;
        LinkCheckedAtUtc = nowUtc;
        return changed;
    }

    public sealed record Draft(string? Url, string Title, int? OutletId, string? Author, DateOnly? PublishedOn,
        string Language, string? ArchiveUrl, string? Excerpt);

    /// <summary>Checks a draft; on success <paramref name="normalisedUrl"/> is what will be stored (or null).</summary>
    public static IReadOnlyList<FieldError> Validate(Draft draft, out string? normalisedUrl)
    {
        var errors = new List<FieldError>();
        normalisedUrl = null;
        if (!string.IsNullOrWhiteSpace(draft.Url))
        {
            if (SourceUrl.TryParse(draft.Url, out var url, out var urlError))
            {
                normalisedUrl = Normalise(url!);
            }
            else
            {
                errors.Add(new FieldError(nameof(Draft.Url), urlError));
            }
        }
        else if (draft.PublishedOn is null)
        {
            // Print, agency copy, a deleted post: what identifies it is its date (and its outlet, when known).
            errors.Add(new FieldError(nameof(Draft.Url),
                "A source without an address (print or agency copy) needs its publication date; its outlet may stay unknown."));
        }
        if (string.IsNullOrWhiteSpace(draft.Title))
        {
            errors.Add(new FieldError(nameof(Draft.Title), "Enter the source's title."));
        }
        errors.AddIfFailed(nameof(Draft.Title), TextRules.CheckSingleLine("Title", draft.Title, TitleMaxLength));
        errors.AddIfFailed(nameof(Draft.Author), TextRules.CheckSingleLine("Author", draft.Author, AuthorMaxLength));
        errors.AddIfFailed(nameof(Draft.Excerpt), TextRules.CheckMultiLine("Excerpt", draft.Excerpt, ExcerptMaxLength));
        if (!LanguageTag.TryNormalise(draft.Language, out _, out var languageError))
        {
            errors.Add(new FieldError(nameof(Draft.Language), languageError));
        }
        if (!string.IsNullOrWhiteSpace(draft.ArchiveUrl) && !SourceUrl.TryParse(draft.ArchiveUrl, out _, out var archiveError))
        {
            errors.Add(new FieldError(nameof(Draft.ArchiveUrl), "Archived copy: " + archiveError));
        }
        return errors;
    }

    public static Source Create(Draft draft, string user, DateTime nowUtc)
    {
        var source = new Source { CreatedBy = user, CreatedAtUtc = nowUtc };
        source.Edit(draft, nowUtc);
        return source;
    }

    public void Edit(Draft draft, DateTime nowUtc)
    {
        if (Validate(draft, out var url) is [var first, ..])
        {
            throw new DomainRuleException(first.Field, first.Message);
        }
        LanguageTag.TryNormalise(draft.Language, out var language, out _);
        Url = url;
        Title = TextRules.Normalise(draft.Title.Trim());
        OutletId = draft.OutletId;
        Author = TextRules.Optional(draft.Author);
        PublishedOn = draft.PublishedOn;
        Language = language;
        ArchiveUrl = string.IsNullOrWhiteSpace(draft.ArchiveUrl) ? null : draft.ArchiveUrl.Trim();
        var excerpt = string.IsNullOrWhiteSpace(draft.Excerpt) ? null : TextRules.Normalise(draft.Excerpt.Trim());
        if (excerpt != Excerpt)
        {
            Excerpt = excerpt;
            ExcerptSha256 = excerpt is null ? null : Hash(excerpt);
            ExcerptCapturedAtUtc = excerpt is null ? null : nowUtc;
        }
        Version = Guid.NewGuid();
    }

    public static string Hash(string excerpt) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(excerpt)));

    /// <summary>
    /// One address, one source: lower-case scheme and host, no default port, no fragment, no tracking
    /// parameters (utm_*, fbclid, gclid), no trailing "?".
    /// </summary>
    public static string Normalise(SourceUrl url)
    {
        var uri = url.Uri;
        var query = string.Join('&', uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Where(p => !p.StartsWith("utm_", StringComparison.OrdinalIgnoreCase)
                        && !p.StartsWith("fbclid=", StringComparison.OrdinalIgnoreCase)
                        && !p.StartsWith("gclid=", StringComparison.OrdinalIgnoreCase)));
        var port = uri.IsDefaultPort ? string.Empty : ":" + uri.Port;
        // An IPv6 host keeps its brackets ("http://::1/" is no address).
        var host = uri.HostNameType == UriHostNameType.IPv6 ? $"[{uri.IdnHost.ToLowerInvariant()}]" : uri.IdnHost.ToLowerInvariant();
        return $"{uri.Scheme}://{host}{port}{uri.AbsolutePath}{(query.Length > 0 ? "?" + query : string.Empty)}";
    }
}
