namespace ClaimTracker.Web.Hosting;

/// <summary>
/// The address readers reach the site by (<c>Site:PublicUrl</c>, e.g. https://claims.example.org), from which every absolute link
/// the app writes is built: canonical and og:url, ClaimReview's url, feed and API links, set-password links. Never the
/// request's Host header, which any client sets as it likes (a set-password link to evil.example shown to an admin).
/// Required outside Development; on a developer's machine without it, the request's own address is used.
/// </summary>
public sealed class SiteAddress
{
    public const string Setting = "Site:PublicUrl";

    private readonly string? configured;

    public SiteAddress(IConfiguration configuration) => configured = Parse(configuration[Setting], out _);

    public bool IsConfigured => configured is not null;

    /// <summary>"https://claims.example.org" (no trailing slash): the configured address, or in Development the request's.</summary>
    public string Origin(HttpRequest request) => configured ?? $"{request.Scheme}://{request.Host}";

    /// <summary>The configured address, normalised; null with the reason when it is missing or not an absolute http(s) address.</summary>
    public static string? Parse(string? value, out string error)
    {
        error = string.Empty;
        if (string.IsNullOrWhiteSpace(value))
        {
            error = $"{Setting} is not set: give the address readers use, e.g. {Setting}=https://claims.example.org (environment variable Site__PublicUrl).";
            return null;
        }
        if (!Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http")
            || !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment) || !string.IsNullOrEmpty(uri.UserInfo))
        {
            error = $"{Setting} must be an absolute http or https address without query or fragment, e.g. https://claims.example.org (it is “{value}”).";
            return null;
        }
        return uri.GetLeftPart(UriPartial.Path).TrimEnd('/');
    }

    /// <summary>Why the web app cannot serve in this environment; null when it can.</summary>
    public static string? StartupProblem(IConfiguration configuration, IHostEnvironment environment) =>
        Parse(configuration[Setting], out var error) is null && (!environment.IsDevelopment() || !string.IsNullOrWhiteSpace(configuration[Setting]))
            ? error
            : null;
}
