using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace ClaimTracker.Web.Authorization;

/// <summary>
/// Reviewers read the whole desk but change nothing there except through the review itself: a form
/// posted to a desk page by someone who is not an editor or admin is refused (403) unless its handler
/// is one of the reviewers' own (discussing, approving, sending back, withdrawing).
/// </summary>
public sealed class EditorsWriteFilter : IAsyncPageFilter
{
    /// <summary>Handlers open to every member of the desk; the domain decides who may actually approve or withdraw. Each
    /// person's own inbox is theirs to read.</summary>
    public static readonly IReadOnlySet<string> ReviewHandlers = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        { "Comment", "Approve", "SendBack", "Withdraw", "OpenNotification", "ReadAllNotifications" };

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (!HttpMethods.IsGet(context.HttpContext.Request.Method) && !HttpMethods.IsHead(context.HttpContext.Request.Method)
            && !context.HttpContext.User.CanEdit() && !ReviewHandlers.Contains(context.HandlerMethod?.Name ?? string.Empty))
        {
            context.Result = new ForbidResult();
            return;
        }
        await next();
    }
}
