using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Net.Http.Headers;

namespace ClaimTracker.Web.Security;

/// <summary>
/// Forms the framework cannot read are refused with a page that says why, not a bare "Bad request" (or a 500).
/// Forms are read as UTF-8. A form declaring another character set (<c>charset=utf-7</c>, which .NET refuses to decode) is
/// answered 400 with a page that says so, before anything tries to read it; it used to end in a 500 with a stack trace in the log.
/// A URL-encoded form holding a NUL character (<c>%00</c>), which ASP.NET Core's form reader refuses, gets a 400 page naming it.
/// </summary>
public sealed class FormCharset(RequestDelegate next)
{
    /// <summary>Where the refusal's reason waits for the error page that renders it.</summary>
    public static readonly object ReasonKey = new();

    private static readonly string[] Readable = ["utf-8", "utf8", "us-ascii"];

    public async Task InvokeAsync(HttpContext context)
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
            return;
        }
        if (context.Features.Get<IStatusCodeReExecuteFeature>() is null
            && MediaTypeHeaderValue.TryParse(context.Request.ContentType, out var form)
            && form.MediaType.Equals("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase)
            && await HoldsNulAsync(context.Request, context.RequestAborted))
        {
            context.Items[ReasonKey] = "The form held a NUL character (%00), which no field may contain — it usually comes with text pasted " +
                                       "from another program. Nothing was saved: go back, retype the field you pasted into and send the form again.";
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }
        await next(context);
    }

    /// <summary>Reads the (size-limited) body once, looking for a raw NUL byte or its escape %00, then rewinds it for the app.</summary>
    private static async Task<bool> HoldsNulAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        request.EnableBuffering();
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            // The two bytes before each chunk, so that "%00" split across chunks is still seen.
            byte before2 = 0, before1 = 0;
            int read;
            while ((read = await request.Body.ReadAsync(buffer.AsMemory(), cancellationToken)) > 0)
            {
                for (var i = 0; i < read; i++)
                {
                    var current = buffer[i];
                    if (current == 0 || (current == (byte)'0' && before1 == (byte)'0' && before2 == (byte)'%'))
                    {
                        return true;
                    }
                    (before2, before1) = (before1, current);
                }
            }
            return false;
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
            request.Body.Position = 0;
        }
    }
}
