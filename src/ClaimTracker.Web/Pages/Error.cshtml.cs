using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ClaimTracker.Web.Pages;

/// <summary>Renders unhandled errors and empty 4xx/5xx responses (re-executed by status code pages).</summary>
[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    public string Title { get; private set; } = "Something went wrong";

    public string Explanation { get; private set; } = "The error has been logged. Please try again in a moment.";

    public void OnGet(int? code) => Describe(code);

    public void OnPost(int? code) => Describe(code);

    private void Describe(int? code)
    {
        (Title, Explanation) = code switch
        {
            StatusCodes.Status400BadRequest => ("Bad request", "The request could not be understood. If you sent a form, reload the page and try again."),
            StatusCodes.Status403Forbidden => ("Access denied", "Your account does not have the role this page needs. Ask an admin if you should have it."),
            StatusCodes.Status404NotFound => ("Page not found", "There is nothing at this address. Check the link or start from the home page."),
            StatusCodes.Status405MethodNotAllowed => ("Not allowed", "This address does not accept that kind of request."),
            StatusCodes.Status429TooManyRequests => ("Too many requests", "Please wait a moment before trying again."),
            _ => (Title, Explanation),
        };
        if (code is >= 400 and <= 599)
        {
            Response.StatusCode = code.Value;
        }
        else
        {
            Response.StatusCode = StatusCodes.Status500InternalServerError;
        }
    }
}
