using ClaimTracker.Domain.Text;
using Microsoft.Extensions.Options;

namespace ClaimTracker.Infrastructure.Evidence;

/// <summary>What a fetch brought back: the bytes and how they were served, or why nothing was kept.</summary>
public sealed record FetchResult(
    string RequestedUrl, string? FinalUrl, int HttpStatus, string? ContentType, string? Charset, byte[]? Body, string? Refusal)
{
    public bool Succeeded => Refusal is null;

    /// <summary>The page is gone: 404 or 410, or its host name no longer resolves.</summary>
    public bool Gone { get; init; }

    public bool IsHtml => ContentType is "text/html" or "application/xhtml+xml";

    public static FetchResult Refused(string url, string why, int status = 0, string? finalUrl = null) =>
        new(url, finalUrl, status, null, null, null, why);
}

/// <summary>
/// Fetches one address for the evidence features, within the rules in README ("The evidence fetcher"): http and https
/// only, redirects followed here (each hop checked again, at most five), the whole fetch within the time limit and the
/// body within the size cap, only web pages, PDF and images kept. The client's handler checks every address it connects
/// to (<see cref="OutgoingRequests"/>).
/// </summary>
public sealed class GuardedFetcher(IHttpClientFactory clients, IOptions<OutgoingRequestOptions> options, TimeProvider clock)
{
    public static readonly IReadOnlySet<string> KeptTypes = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "text/html", "application/xhtml+xml", "application/pdf", "image/png", "image/jpeg", "image/webp", "image/gif",
    };

    public async Task<FetchResult> FetchAsync(string address, CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        if (!TryCheckAddress(address, settings, out var uri, out var problem))
        {
            return FetchResult.Refused(address, problem);
        }
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(settings.TimeoutSeconds), clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        var client = clients.CreateClient(OutgoingRequestOptions.ClientName);
        try
        {
            for (var hop = 0; ; hop++)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, uri);
                request.Headers.Accept.ParseAdd("text/html,application/xhtml+xml,application/pdf,image/*;q=0.8,*/*;q=0.1");
                using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token);
                var status = (int)response.StatusCode;
                if (status is >= 300 and < 400 && response.Headers.Location is { } location)
                {
                    if (hop >= settings.MaxRedirects)
                    {
                        return FetchResult.Refused(address, $"The address redirects more than {settings.MaxRedirects} times; open it in a browser and paste where it ends.", status, uri!.AbsoluteUri);
                    }
                    var next = location.IsAbsoluteUri ? location : new Uri(uri!, location);
                    if (!TryCheckAddress(next.AbsoluteUri, settings, out uri, out problem))
                    {
                        return FetchResult.Refused(address, "It redirects to " + next.AbsoluteUri + ": " + problem, status, next.AbsoluteUri);
                    }
                    continue;
                }
                if (!response.IsSuccessStatusCode)
                {
                    return FetchResult.Refused(address, status switch
                    {
                        404 or 410 => $"The page is gone: the server answered {status} ({response.ReasonPhrase}).",
                        401 or 403 => $"The server refused the request ({status} {response.ReasonPhrase}): the page may need a sign-in. Capture it by screenshot instead.",
                        _ => $"The server answered {status} ({response.ReasonPhrase}).",
                    }, status, uri!.AbsoluteUri) with { Gone = status is 404 or 410 };
                }
                var mediaType = response.Content.Headers.ContentType?.MediaType?.ToLowerInvariant();
                if (mediaType is null || !KeptTypes.Contains(mediaType))
                {
                    return FetchResult.Refused(address, $"The address serves {(mediaType ?? "content of no declared type")}; only web pages, PDF and images (PNG, JPEG, WebP, GIF) are kept.", status, uri!.AbsoluteUri);
                }
                if (response.Content.Headers.ContentLength is { } declared && declared > settings.MaxBytes)
                {
                    return FetchResult.Refused(address, TooLarge(settings), status, uri!.AbsoluteUri);
                }
                var body = await ReadCappedAsync(response.Content, settings.MaxBytes, linked.Token);
                if (body is null)
                {
                    return FetchResult.Refused(address, TooLarge(settings), status, uri!.AbsoluteUri);
                }
                return new FetchResult(address, uri!.AbsoluteUri, status, mediaType, response.Content.Headers.ContentType?.CharSet, body, null);
            }
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return FetchResult.Refused(address, $"The server took longer than {settings.TimeoutSeconds} seconds; nothing was kept. Try again later.");
        }
        catch (HttpRequestException e) when (Find<NameNotResolvedException>(e) is { } unresolved)
        {
            return FetchResult.Refused(address, unresolved.Message) with { Gone = true };
        }
        catch (HttpRequestException e) when (Find<RefusedAddressException>(e) is { } refused)
        {
            return FetchResult.Refused(address, refused.Message);
        }
        catch (HttpRequestException e)
        {
            return FetchResult.Refused(address, "The server could not be reached: " + e.GetBaseException().Message);
        }
    }

    private static string TooLarge(OutgoingRequestOptions settings) =>
        $"The answer is larger than {settings.MaxBytes / (1024 * 1024)} MB; nothing was kept. Attach a screenshot or the PDF instead.";

    private static T? Find<T>(Exception e) where T : Exception
    {
        for (Exception? current = e; current is not null; current = current.InnerException)
        {
            if (current is T found)
            {
                return found;
            }
        }
        return null;
    }

    /// <summary>The body, or null once it passes <paramref name="max"/> bytes (reading stops there).</summary>
    private static async Task<byte[]?> ReadCappedAsync(HttpContent content, long max, CancellationToken cancellationToken)
    {
        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > max)
            {
                return null;
            }
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    /// <summary>The check made before any connection: an http or https address without credentials.</summary>
    public static bool TryCheckAddress(string? address, OutgoingRequestOptions settings, out Uri? uri, out string problem)
    {
        uri = null;
        if (Uri.TryCreate(address?.Trim(), UriKind.Absolute, out var parsed) && parsed.Scheme is not ("http" or "https"))
        {
            problem = $"Only http and https addresses are fetched, not {parsed.Scheme}:.";
            return false;
        }
        if (!SourceUrl.TryParse(address, out var url, out problem))
        {
            return false;
        }
        // Addresses and ports are checked where the connection is made, with the addresses the name resolves to then.
        uri = url!.Uri;
        return true;
    }
}
