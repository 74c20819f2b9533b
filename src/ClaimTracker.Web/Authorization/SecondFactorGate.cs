using ClaimTracker.Infrastructure.Accounts;
using ClaimTracker.Infrastructure.Site;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace ClaimTracker.Web.Authorization;

/// <summary>
/// Staff pages (the desk and the admin pages) for people whose role must use a second factor, when their session has not
/// proven one: they are sent to their security page, which asks for the factor (or helps set one up) and brings them back.
/// Nothing on a staff page is shown or changed before.
/// </summary>
public sealed class SecondFactorGate(SitePublishing site) : IAsyncPageFilter
{
    public static readonly IReadOnlyList<string> StaffFolders = ["/Admin/", "/Editor/"];

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var user = context.HttpContext.User;
        var path = context.ActionDescriptor.ViewEnginePath;
        if (user.Identity?.IsAuthenticated == true && !AppSignInManager.ProvedSecondFactor(user)
            && StaffFolders.Any(f => path.StartsWith(f, StringComparison.Ordinal)))
        {
            var policy = (await site.GetAsync(context.HttpContext.RequestAborted)).SecondFactors;
            if (policy.RequiredRoles.Any(user.IsInRole))
            {
                var request = context.HttpContext.Request;
                var back = HttpMethods.IsGet(request.Method) ? request.Path + request.QueryString : (string?)null;
                context.Result = new RedirectToPageResult("/Account/Security", new { returnUrl = back });
                return;
            }
        }
        await next();
    }
}
