using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;

namespace ClaimTracker.Web.Security;

public sealed class RequestLimitOptions
{
    public const string Section = "Security:Requests";

    /// <summary>Largest accepted request body (forms), in bytes.</summary>
    public long MaxBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>
    /// Largest body of an evidence upload (<see cref="IsUpload"/>): above the largest file accepted, so that a file a little
    /// too large reaches the form and gets its message there.
    /// </summary>
    public long MaxUploadBodyBytes { get; set; } = 32 * 1024 * 1024;

    /// <summary>The evidence upload pages, <c>/editor/…/evidence</c>, and the ClaimReview import, <c>/editor/import</c>.</summary>
    public static bool IsUpload(HttpRequest request) =>
        HttpMethods.IsPost(request.Method) && request.Path.StartsWithSegments("/editor", StringComparison.OrdinalIgnoreCase)
                                          && (request.Path.Value!.TrimEnd('/').EndsWith("/evidence", StringComparison.OrdinalIgnoreCase)
                                              || request.Path.Equals("/editor/import", StringComparison.OrdinalIgnoreCase));
}

/// <summary>
/// Refuses request bodies over the limit with 413 before anything reads them: at once when the
/// length is declared, and through the server's own limit for streamed bodies.
/// </summary>
public sealed class RequestBodyLimit(RequestDelegate next, Microsoft.Extensions.Options.IOptions<RequestLimitOptions> options)
{
    public Task InvokeAsync(HttpContext context)
    {
        var limit = RequestLimitOptions.IsUpload(context.Request) ? options.Value.MaxUploadBodyBytes : options.Value.MaxBodyBytes;
        // The error page re-running for this same request must not be refused again.
        if (context.Features.Get<IStatusCodeReExecuteFeature>() is not null)
        {
            return next(context);
        }
        if (context.Request.ContentLength > limit)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return Task.CompletedTask;
        }
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = limit;
        }
        return next(context);
    }
}
