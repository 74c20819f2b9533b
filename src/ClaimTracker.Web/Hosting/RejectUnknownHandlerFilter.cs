using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace ClaimTracker.Web.Hosting;

/// <summary>
/// Razor Pages renders a page without running any handler when a form names a handler the page
/// does not have. For anything but GET/HEAD that is a bad request, answered as such instead of
/// rendering a page whose handler never ran.
/// </summary>
public sealed class RejectUnknownHandlerFilter : IAsyncPageFilter, IAsyncResultFilter
{
    private static readonly object NoHandlerKey = new();

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context)
    {
        var method = context.HttpContext.Request.Method;
        if (context.HandlerMethod is null && !HttpMethods.IsGet(method) && !HttpMethods.IsHead(method))
        {
            context.HttpContext.Items[NoHandlerKey] = true;
        }
        return Task.CompletedTask;
    }

    public Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next) =>
        next();

    public Task OnResultExecutionAsync(ResultExecutingContext context, ResultExecutionDelegate next)
    {
        if (context.HttpContext.Items.ContainsKey(NoHandlerKey))
        {
            context.Result = new StatusCodeResult(StatusCodes.Status400BadRequest);
        }
        return next();
    }
}
