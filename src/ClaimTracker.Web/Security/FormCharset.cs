using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Net.Http.Headers;

namespace ClaimTracker.Web.Security;

/// <summary>
/// Forms are read as UTF-8. A form declaring another character set (<c>charset=utf-7</c>, which .NET refuses to decode) is
/// answered 400 with a page that says so, before anything tries to read it; it used to end in a 500 with a stack trace in the log.
/// </summary>
public sealed class FormCharset(RequestDelegate next)
{
    /// <summary>Where the refusal's reason waits for the error page that renders it.</summary>
    public static readonly object ReasonKey = new();

    private static readonly string[] Readable = ["utf-8", "utf8", "us-ascii"];

    public Task InvokeAsync(HttpContext context)
    {
        if (context.Features.Get<IStatusCodeReExecuteFeature>() is null
            && MediaTypeHeaderValue.TryParse(context.Request.ContentType, out var type)
            && (type.MediaType.Equals("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase)
                || type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
            && type.Charset.HasValue
            && !Readable.Contains(type.Charset.Value.Trim('"'), StringComparer.OrdinalIgnoreCase))
        {
            context.Items[ReasonKey] = $"The form was sent in the character set “{type.Charset.Value}”, which this site does not read. " +
                                       "Send it as UTF-8 (a browser does so by itself); nothing was saved.";
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return Task.CompletedTask;
        }
        return next(context);
    }
}
