using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using Microsoft.IO;
using Microsoft.Net.Http.Headers;

namespace ClaimTracker.Web.Public;

/// <summary>
/// A reader resource answered with validators: a strong ETag (a hash of the bytes), Last-Modified when the resource knows
/// it, Cache-Control; 304 Not Modified when the client's If-None-Match (or, without it, If-Modified-Since) says it has it.
/// Used by the API and the feeds.
/// </summary>
public static class ConditionalAnswer
{
    // Feeds run to a few hundred KB: written into pooled blocks, not grown, copied and encoded as strings on the large
    // object heap (a tenth of the site feed's time went to allocating those arrays, before the collections they caused).
    // 16 KB blocks (a feed is a few of them), kept in the pool up to 8 MB rather than allocated anew for each answer.
    private static readonly RecyclableMemoryStreamManager Buffers = new(new RecyclableMemoryStreamManager.Options
    {
        BlockSize = 16 * 1024,
        MaximumSmallPoolFreeBytes = 8 * 1024 * 1024,
        MaximumLargePoolFreeBytes = 8 * 1024 * 1024,
        AggressiveBufferReturn = true,
    });

    /// <summary>A pooled buffer for a body; hand it to <see cref="For(HttpContext, RecyclableMemoryStream, string, DateTime?, int)"/>, which returns it.</summary>
    public static RecyclableMemoryStream NewBody(string purpose) => Buffers.GetStream(purpose);

    public static IResult For(HttpContext context, byte[] bytes, string contentType, DateTime? lastModified, int maxAgeSeconds = 60) =>
        NotModified(context, new ReadOnlySequence<byte>(bytes), lastModified, maxAgeSeconds)
            ? Results.StatusCode(StatusCodes.Status304NotModified)
            : Results.Bytes(bytes, contentType);

    /// <summary>The same for a body in a pooled buffer: the buffer goes back to the pool once the answer is written.</summary>
    public static IResult For(HttpContext context, RecyclableMemoryStream body, string contentType, DateTime? lastModified, int maxAgeSeconds = 60)
    {
        if (NotModified(context, body.GetReadOnlySequence(), lastModified, maxAgeSeconds))
        {
            body.Dispose();
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }
        return new PooledBody(body, contentType);
    }

    /// <summary>Sets the validators and caching headers; whether the client has these bytes already.</summary>
    private static bool NotModified(HttpContext context, ReadOnlySequence<byte> bytes, DateTime? lastModified, int maxAgeSeconds)
    {
        var etag = $"\"{Convert.ToHexStringLower(Hash(bytes))[..32]}\"";
        var headers = context.Response.Headers;
        headers.ETag = etag;
        headers.CacheControl = $"public, max-age={maxAgeSeconds.ToString(CultureInfo.InvariantCulture)}";
        if (lastModified is { } modified)
        {
            headers.LastModified = DateTime.SpecifyKind(modified, DateTimeKind.Utc).ToString("R", CultureInfo.InvariantCulture);
        }
        var request = context.Request.GetTypedHeaders();
        return request.IfNoneMatch.Count > 0
            ? request.IfNoneMatch.Any(t => t.Tag == etag || t.Equals(EntityTagHeaderValue.Any))
            : lastModified is { } m && request.IfModifiedSince is { } since && m <= since.UtcDateTime.AddSeconds(1);
    }

    private static byte[] Hash(ReadOnlySequence<byte> bytes)
    {
        if (bytes.IsSingleSegment)
        {
            return SHA256.HashData(bytes.FirstSpan);
        }
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var segment in bytes)
        {
            hash.AppendData(segment.Span);
        }
        return hash.GetHashAndReset();
    }

    private sealed class PooledBody(RecyclableMemoryStream body, string contentType) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            using (body)
            {
                httpContext.Response.ContentType = contentType;
                httpContext.Response.ContentLength = body.Length;
                foreach (var segment in body.GetReadOnlySequence())
                {
                    await httpContext.Response.Body.WriteAsync(segment, httpContext.RequestAborted);
                }
            }
        }
    }
}
