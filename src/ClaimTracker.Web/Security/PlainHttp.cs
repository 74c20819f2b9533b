namespace ClaimTracker.Web.Security;

/// <summary>
/// Outside Development the antiforgery cookie is Secure, so a page with a form cannot be made over plain http: the antiforgery
/// system throws. That is a misconfigured address or proxy, not a fault of the app — answered with a page that says where the
/// HTTPS address is, logged as one warning line rather than an error with a stack trace.
/// </summary>
public static class PlainHttp
{
    public static bool IsFormRefusal(HttpContext context, Exception error) =>
        !context.Request.IsHttps && error is InvalidOperationException && error.Source == "Microsoft.AspNetCore.Antiforgery";
}
