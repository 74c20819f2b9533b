using System.Diagnostics;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ClaimTracker.Web.Pages;

/// <summary>
/// Renders unhandled errors and empty 4xx/5xx responses (re-executed by status code pages). Shows no
/// internal detail, only a request id that is also in the log next to the error.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class ErrorModel(ILogger<ErrorModel> logger) : PageModel
{
    public string Title { get; private set; } = "Something went wrong";

    public string Explanation { get; private set; } = "The error has been logged. Please try again in a moment.";

    public string RequestId => Activity.Current?.Id ?? HttpContext.TraceIdentifier;

    /// <summary>The fields of a form that could not be saved, to copy (tokens and passwords left out).</summary>
    public IReadOnlyList<(string Name, string Value)> TypedInput { get; private set; } = [];

    /// <summary>The form as the failed request already read it; the body is never read here.</summary>
    private List<(string Name, string Value)> TypedFields() =>
        HttpContext.Features.Get<Microsoft.AspNetCore.Http.Features.IFormFeature>()?.Form is { } form
            ? form.Where(f => f.Key != "__RequestVerificationToken" && !f.Key.Contains("Password", StringComparison.OrdinalIgnoreCase))
                .SelectMany(f => f.Value.Select(v => (f.Key, v ?? string.Empty))).Where(f => f.Item2.Length > 0).ToList()
            : [];

    // No parameters: nothing is model-bound, so an error page never reads the request body (which may be too large).
    public void OnGet() => Describe();

    public void OnPost() => Describe();

    private void Describe()
    {
        var code = int.TryParse(RouteData.Values["code"]?.ToString(), out var parsed) ? parsed : (int?)null;
        if (HttpContext.Features.Get<IExceptionHandlerPathFeature>() is { Error: { } plain } && Security.PlainHttp.IsFormRefusal(HttpContext, plain))
        {
            logger.LogWarning("A form page was requested over plain http; request id {RequestId}. Serve the site over HTTPS (behind a TLS proxy: ForwardedHeaders:Enabled).", RequestId);
            var address = HttpContext.RequestServices.GetRequiredService<Hosting.SiteAddress>().Origin(Request);
            (Title, Explanation) = ("This page needs HTTPS",
                $"Pages with forms are sent only over an encrypted connection. Open {address}{HttpContext.Features.Get<IExceptionHandlerPathFeature>()!.Path} instead. " +
                "(Running the site: put it behind HTTPS, and behind a TLS proxy set ForwardedHeaders:Enabled — see README, “Running in production”.)");
            Response.StatusCode = StatusCodes.Status403Forbidden;
            return;
        }
        if (HttpContext.Features.Get<IExceptionHandlerPathFeature>() is { Error: { } error } failure)
        {
            logger.LogError(error, "Unhandled error on {Path}; request id {RequestId}", failure.Path, RequestId);
            if (ClaimTracker.Infrastructure.Data.StorageFault.Is(error))
            {
                // Not the editor's fault, and what they typed must not be lost: it is shown to copy.
                (Title, Explanation) = ("Not saved: the database cannot be written",
                    "The database cannot be written right now (read-only, full, or unreachable); nothing was saved. What you typed is below: " +
                    "copy what you need, then try again in a moment.");
                TypedInput = TypedFields();
                Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                return;
            }
        }
        (Title, Explanation) = code switch
        {
            StatusCodes.Status400BadRequest => ("Bad request", "The request could not be understood. If you sent a form, reload the page and try again."),
            StatusCodes.Status403Forbidden => ("Access denied", "Your account does not have the role this page needs. Ask an admin if you should have it."),
            StatusCodes.Status404NotFound => ("Page not found", "There is nothing at this address. Check the link or start from the home page."),
            StatusCodes.Status405MethodNotAllowed => ("Not allowed", "This address does not accept that kind of request."),
            StatusCodes.Status413PayloadTooLarge => ("Too much data", "What you sent is larger than this site accepts. Shorten the text or send it in parts."),
            StatusCodes.Status429TooManyRequests => ("Too many requests", "You have tried this too often in a short time. Wait a few minutes, then try again."),
            _ => (Title, Explanation),
        };
        if (HttpContext.Items[Security.FormCharset.ReasonKey] is string reason)
        {
            Explanation = reason;
        }
        Response.StatusCode = code is >= 400 and <= 599 ? code.Value : StatusCodes.Status500InternalServerError;
    }
}
