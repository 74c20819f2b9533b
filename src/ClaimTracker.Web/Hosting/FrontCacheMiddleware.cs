using System.Buffers;
using System.Globalization;
using System.IO.Pipelines;
using ClaimTracker.Web.Security;
using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace ClaimTracker.Web.Hosting;

/// <summary>
/// First in the pipeline: answers an anonymous reader's GET from the <see cref="FrontCache"/> when it holds the
/// response, and otherwise lets the request through while keeping a copy of the bytes sent, which the front
/// cache keeps if the output cache stored the response or answered it from what it stored. Requests that carry
/// anything that may change the answer other than what the key holds — credentials, any cookie but the language
/// one, conditional or range headers — always go through the whole pipeline, and so does every request to an
/// endpoint with a rate limit or CORS (the API).
/// </summary>
public sealed class FrontCacheMiddleware(RequestDelegate next, FrontCache cache)
{
    /// <summary>The largest response copied (a larger one is sent as usual and not kept).</summary>
    private const int MaxBodyBytes = 1024 * 1024;

    private static readonly string CultureCookiePrefix = CookieRequestCultureProvider.DefaultCookieName + "=";

    /// <summary>Set by the server for each response, or by this middleware when it answers.</summary>
    private static readonly HashSet<string> NotKept = new(StringComparer.OrdinalIgnoreCase)
    {
        "Date", "Server", "Content-Length", "Transfer-Encoding", "Connection", "Keep-Alive", "Age",
    };

    public Task InvokeAsync(HttpContext context)
    {
        if (KeyFor(context.Request) is not { } key)
        {
            return next(context);
        }
        var now = Environment.TickCount64;
        if (cache.TryGet(key, now, out var entry))
        {
            cache.Count("hit");
            return AnswerAsync(context.Response, entry, now);
        }
        return PassAndKeepAsync(context, key);
    }

    /// <summary>The key of a request the front cache may answer, or null.</summary>
    internal static string? KeyFor(HttpRequest request)
    {
        if (!HttpMethods.IsGet(request.Method))
        {
            return null;
        }
        var headers = request.Headers;
        if (headers.Authorization.Count > 0 || headers.IfNoneMatch.Count > 0 || headers.IfModifiedSince.Count > 0
            || headers.IfMatch.Count > 0 || headers.IfUnmodifiedSince.Count > 0 || headers.Range.Count > 0 || headers.IfRange.Count > 0)
        {
            return null;
        }
        var cookie = headers.Cookie;
        if (cookie.Count > 1 || (cookie.Count == 1 && !IsOnlyTheCultureCookie(cookie[0])))
        {
            return null;
        }
        return string.Concat([
            request.Scheme, "\n", request.Host.Value, "\n", request.PathBase.Value, request.Path.Value, "\n", request.QueryString.Value, "\n",
            headers.AcceptLanguage.ToString(), "\n", headers.AcceptEncoding.ToString(), "\n", cookie.ToString(),
        ]);
    }

    private static bool IsOnlyTheCultureCookie(string? header) =>
        header is not null && header.StartsWith(CultureCookiePrefix, StringComparison.Ordinal) && !header.Contains(';');

    private static Task AnswerAsync(HttpResponse response, FrontCache.Entry entry, long now)
    {
        response.StatusCode = entry.StatusCode;
        var headers = response.Headers;
        foreach (var (name, value) in entry.Headers)
        {
            headers[name] = value;
        }
        if (entry.PolicySlot is { } slot)
        {
            headers.ContentSecurityPolicy = SecurityHeaders.WithNewNonce(slot);
        }
        headers.Age = ((now - entry.CreatedAt) / 1000).ToString(CultureInfo.InvariantCulture);
        headers.ContentLength = entry.Body.Length;
        var written = response.BodyWriter.WriteAsync(entry.Body, response.HttpContext.RequestAborted);
        return written.IsCompletedSuccessfully ? Task.CompletedTask : written.AsTask();
    }

    private async Task PassAndKeepAsync(HttpContext context, string key)
    {
        var capture = FrontCache.Watch(cache.Generation);
        var original = context.Features.Get<IHttpResponseBodyFeature>()!;
        var copying = new CopyingBody(original, MaxBodyBytes);
        context.Features.Set<IHttpResponseBodyFeature>(copying);
        try
        {
            await next(context);
            await copying.FlushWriterAsync();
        }
        finally
        {
            context.Features.Set(original);
        }
        var response = context.Response;
        if (capture.ValidFor is not null && !Limited(context.GetEndpoint()) && copying.Copy is { } body && !context.RequestAborted.IsCancellationRequested
            && response.StatusCode == StatusCodes.Status200OK && response.Headers.SetCookie.Count == 0
            && (response.ContentLength is null || response.ContentLength == body.Length)
            && cache.Store(key, capture, response.StatusCode, HeadersToKeep(response.Headers, out var slot), slot, body, Environment.TickCount64, AgeOf(response)))
        {
            cache.Count("stored");
            return;
        }
        cache.Count("miss");
    }

    /// <summary>
    /// Endpoints whose answer depends on more than the request's key: those counted by a rate limit (every
    /// request must still be counted) and those answering other sites' scripts (CORS headers follow the Origin).
    /// </summary>
    private static bool Limited(Endpoint? endpoint) =>
        endpoint?.Metadata.GetMetadata<EnableRateLimitingAttribute>() is not null || endpoint?.Metadata.GetMetadata<ICorsMetadata>() is not null;

    /// <summary>Seconds since the output cache made the response it answered from memory (0 for a fresh one).</summary>
    private static int AgeOf(HttpResponse response) =>
        int.TryParse(response.Headers.Age.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var age) ? age : 0;

    /// <summary>The headers sent again as they were; the security policy is kept apart, to get a new nonce each time.</summary>
    private static KeyValuePair<string, StringValues>[] HeadersToKeep(IHeaderDictionary headers, out (string Before, string After)? policySlot)
    {
        policySlot = headers.ContentSecurityPolicy.Count == 1 ? SecurityHeaders.NonceSlot(headers.ContentSecurityPolicy.ToString()) : null;
        var renewed = policySlot is not null;
        return headers.Where(h => !NotKept.Contains(h.Key) && !(renewed && h.Key.Equals(HeaderNames.ContentSecurityPolicy, StringComparison.OrdinalIgnoreCase))).ToArray();
    }

    /// <summary>The response body as sent, copied on the way (up to a limit; a file sent by the server is not copied).</summary>
    private sealed class CopyingBody(IHttpResponseBodyFeature inner, int limit) : Stream, IHttpResponseBodyFeature
    {
        private ArrayBufferWriter<byte>? copy = new();
        private PipeWriter? writer;

        /// <summary>Every byte of the body, or null when it was too large or not all of it passed here.</summary>
        public byte[]? Copy => copy?.WrittenSpan.ToArray();

        public Stream Stream => this;

        public PipeWriter Writer => writer ??= PipeWriter.Create(this, new StreamPipeWriterOptions(leaveOpen: true));

        public async Task FlushWriterAsync()
        {
            if (writer is not null)
            {
                await writer.FlushAsync();
            }
        }

        public void DisableBuffering() => inner.DisableBuffering();

        public Task StartAsync(CancellationToken cancellationToken = default) => inner.StartAsync(cancellationToken);

        public Task SendFileAsync(string path, long offset, long? count, CancellationToken cancellationToken = default)
        {
            copy = null;
            return inner.SendFileAsync(path, offset, count, cancellationToken);
        }

        public async Task CompleteAsync()
        {
            await FlushWriterAsync();
            await inner.CompleteAsync();
        }

        private void Keep(ReadOnlySpan<byte> bytes)
        {
            if (copy is null)
            {
                return;
            }
            if (copy.WrittenCount + bytes.Length > limit)
            {
                copy = null;
                return;
            }
            copy.Write(bytes);
        }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            Keep(buffer);
            inner.Stream.Write(buffer);
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Keep(buffer.Span);
            return inner.Stream.WriteAsync(buffer, cancellationToken);
        }

        public override void Flush() => inner.Stream.Flush();

        public override Task FlushAsync(CancellationToken cancellationToken) => inner.Stream.FlushAsync(cancellationToken);

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
