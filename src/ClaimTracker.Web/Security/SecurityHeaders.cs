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
    private const string FramingKey = "csp-allow-framing";

    public static string NonceFor(HttpContext context) => (string)context.Items[NonceKey]!;

    /// <summary>For the embed card only: any site may put this response in a frame.</summary>
    public static void AllowFraming(HttpContext context) => context.Items[FramingKey] = true;

    public Task InvokeAsync(HttpContext context)
    {
        // Error pages re-run the pipeline for the same response: keep its nonce and headers.
        if (context.Items.ContainsKey(NonceKey))
        {
            return next(context);
        }
        var nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
        context.Items[NonceKey] = nonce;
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            var framing = context.Items.ContainsKey(FramingKey);
            headers.ContentSecurityPolicy =
                $"default-src 'self'; script-src 'self' 'nonce-{nonce}'; object-src 'none'; base-uri 'none'; " +
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
