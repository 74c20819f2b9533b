using System.Text.RegularExpressions;

namespace ClaimTracker.IntegrationTests.Infrastructure;

/// <summary>
/// Everything a reader can open about a dataset: the lists, search, feeds, API, and for every public claim its
/// page, versions, embed, feed, badge and API entry, plus every actor and topic page. Each page as status
/// code and body, with what differs per request (CSP nonces, antiforgery tokens) blanked out.
/// </summary>
public static partial class PublicPages
{
    public static async Task<SortedDictionary<string, string>> SnapshotAsync(HttpClient reader, IEnumerable<string> claimSlugs,
        IEnumerable<string> actorSlugs, IEnumerable<string> topicSlugs)
    {
        var urls = new List<string> { "/", "/claims", "/claims?q=raketen", "/claims?q=Pj%C3%B6ngjang", "/statuses", "/statistics", "/about", "/corrections",
            "/feeds/claims.atom", "/api/claims", "/api/claims?q=nordkorea" };
        foreach (var slug in claimSlugs)
        {
            urls.AddRange([$"/claims/{slug}", $"/claims/{slug}/versions", $"/claims/{slug}/embed", $"/claims/{slug}/feed.atom",
                $"/claims/{slug}/badge.svg", $"/api/claims/{slug}"]);
        }
        urls.AddRange(actorSlugs.SelectMany(slug => new[] { $"/actors/{slug}", $"/actors/{slug}/feed.atom" }));
        urls.AddRange(topicSlugs.Select(slug => $"/topics/{slug}"));

        var pages = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var url in urls)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.AcceptLanguage.ParseAdd("de");
            var response = await reader.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            pages[url] = $"{(int)response.StatusCode}\n{Blank(body)}";
        }
        return pages;
    }

    /// <summary>The pages that differ between two snapshots, each with the text around its first difference; empty when none do.</summary>
    public static string Differences(SortedDictionary<string, string> expected, SortedDictionary<string, string> actual) =>
        string.Join("\n", expected.Keys.Union(actual.Keys).Order(StringComparer.Ordinal)
            .Where(url => expected.GetValueOrDefault(url) != actual.GetValueOrDefault(url))
            .Select(url =>
            {
                var a = expected.GetValueOrDefault(url) ?? "(missing)";
                var b = actual.GetValueOrDefault(url) ?? "(missing)";
                var at = 0;
                while (at < a.Length && at < b.Length && a[at] == b[at])
                {
                    at++;
                }
                string Around(string text) => text.Substring(Math.Max(0, at - 80), Math.Min(text.Length, at + 80) - Math.Max(0, at - 80));
                return $"{url} at character {at}:\n  expected: …{Around(a)}…\n  actual:   …{Around(b)}…";
            }));

    private static string Blank(string body) =>
        RequestId().Replace(AntiforgeryToken().Replace(Nonce().Replace(body, "nonce=\"\""), "$1\"\""), "$1");

    /// <summary>An error page names its request (a 404 for an actor no public claim names, say).</summary>
    [GeneratedRegex("(<code id=\"request-id\">)[^<]*")]
    private static partial Regex RequestId();

    [GeneratedRegex("nonce=\"[^\"]*\"")]
    private static partial Regex Nonce();

    [GeneratedRegex("(name=\"__RequestVerificationToken\" type=\"hidden\" value=)\"[^\"]*\"")]
    private static partial Regex AntiforgeryToken();
}
