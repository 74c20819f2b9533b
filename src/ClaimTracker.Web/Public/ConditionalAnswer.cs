using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Net.Http.Headers;

namespace ClaimTracker.Web.Public;

/// <summary>
/// A reader resource answered with validators: a strong ETag (a hash of the bytes), Last-Modified when the resource knows
/// it, Cache-Control; 304 Not Modified when the client's If-None-Match (or, without it, If-Modified-Since) says it has it.
/// Used by the API and the feeds.
/// </summary>
public static class ConditionalAnswer
{
    public static IResult For(HttpContext context, byte[] bytes, string contentType, DateTime? lastModified, int maxAgeSeconds = 60)
    {
        var etag = $"\"{Convert.ToHexStringLower(SHA256.HashData(bytes))[..32]}\"";
        var headers = context.Response.Headers;
        headers.ETag = etag;
        headers.CacheControl = $"public, max-age={maxAgeSeconds.ToString(CultureInfo.InvariantCulture)}";
        if (lastModified is { } modified)
        {
            headers.LastModified = DateTime.SpecifyKind(modified, DateTimeKind.Utc).ToString("R", CultureInfo.InvariantCulture);
        }
        var request = context.Request.GetTypedHeaders();
        var matches = request.IfNoneMatch.Count > 0
            ? request.IfNoneMatch.Any(t => t.Tag == etag || t.Equals(EntityTagHeaderValue.Any))
            : lastModified is { } m && request.IfModifiedSince is { } since && m <= since.UtcDateTime.AddSeconds(1);
        return matches ? Results.StatusCode(StatusCodes.Status304NotModified) : Results.Bytes(bytes, contentType);
    }
}
