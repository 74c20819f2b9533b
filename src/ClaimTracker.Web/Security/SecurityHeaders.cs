using System.Security.Cryptography;

namespace ClaimTracker.Web.Security;

/// <summary>
/// Headers on every response: a Content-Security-Policy without inline script (a per-request nonce is
/// there for the rare script that must be inline), no MIME sniffing, no framing, a strict referrer and
/// no powerful browser features.
/// </summary>
public sealed class SecurityHeaders(RequestDelegate next)
{
    private const string NonceKey = "csp-nonce";

    public static string NonceFor(HttpContext context) => (string)context.Items[NonceKey]!;

    [ThreadStatic]
    private static byte[]? randomBytes;

    [ThreadStatic]
    private static int randomUsed;

    /// <summary>
    /// 16 bytes from the system's CSPRNG, drawn from a per-thread buffer filled 1 KB at a time (one
    /// system call per 64 responses instead of one each); no byte is ever handed out twice.
    /// </summary>
    private static string Nonce()
    {
        if (randomBytes is null || randomUsed + 16 > randomBytes.Length)
        {
            randomBytes ??= new byte[1024];
            RandomNumberGenerator.Fill(randomBytes);
            randomUsed = 0;
        }
        var nonce = Convert.ToBase64String(randomBytes, randomUsed, 16);
        randomUsed += 16;
        return nonce;
    }

    /// <summary>
    /// A kept policy split around its nonce, so that a response answered again from memory gets a nonce of its
    /// own like every other (null when the policy has none).
    /// </summary>
    public static (string Before, string After)? NonceSlot(string policy)
    {
        const string marker = "'nonce-";
        var start = policy.IndexOf(marker, StringComparison.Ordinal);
        var end = start < 0 ? -1 : policy.IndexOf('\'', start + marker.Length);
        return end < 0 ? null : (policy[..(start + marker.Length)], policy[end..]);
    }

    public static string WithNewNonce((string Before, string After) slot) => string.Concat(slot.Before, Nonce(), slot.After);

    public Task InvokeAsync(HttpContext context)
    {
        // Error pages re-run the pipeline for the same response: keep its nonce and headers.
        if (context.Items.ContainsKey(NonceKey))
        {
            return next(context);
        }
        var nonce = Nonce();
        context.Items[NonceKey] = nonce;
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            // Read from the endpoint, not set by its handler: a response answered from the output cache runs no handler.
            var framing = context.GetEndpoint()?.Metadata.GetMetadata<AllowFramingAttribute>() is not null;
            headers.ContentSecurityPolicy = context.GetEndpoint()?.Metadata.GetMetadata<SandboxedContentAttribute>() is not null
                ? SandboxedContentAttribute.Policy
                : $"default-src 'self'; script-src 'self' 'nonce-{nonce}'; object-src 'none'; base-uri 'none'; " +
                  $"form-action 'self'; frame-ancestors {(framing ? "*" : "'none'")}";
            headers.XContentTypeOptions = "nosniff";
            if (!framing)
            {
                headers.XFrameOptions = "DENY";
            }
            // A page may ask for a stricter policy (the set-password page sends none at all).
            if (!headers.ContainsKey("Referrer-Policy"))
            {
                headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            }
            headers["Permissions-Policy"] =
                "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=(), interest-cohort=()";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            return Task.CompletedTask;
        });
        return next(context);
    }
}

/// <summary>
/// For kept evidence (preserved pages, uploaded files): the response is a unique opaque origin (CSP <c>sandbox</c>) that may
/// run no script, submit no form and reach none of the app's cookies or storage, and loads nothing but its own images.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class SandboxedContentAttribute : Attribute
{
    public const string Policy = "sandbox; default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; frame-ancestors 'none'";
}

/// <summary>For the embed card only: any site may put the responses of this page in a frame.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class AllowFramingAttribute : Attribute;
