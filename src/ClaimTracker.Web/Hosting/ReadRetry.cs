using ClaimTracker.Infrastructure.Data;

namespace ClaimTracker.Web.Hosting;

/// <summary>
/// After a PostgreSQL restart every connection the pool kept is dead, and the first request of each instance used to fail on
/// one. A GET or HEAD (which changes nothing) that fails so before anything was sent is run once more on fresh connections;
/// forms are never repeated (their failure keeps its page with what was typed).
/// </summary>
public sealed class ReadRetry(RequestDelegate next, ILogger<ReadRetry> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method))
        {
            await next(context);
            return;
        }
        try
        {
            await next(context);
        }
        catch (Exception exception) when (!context.Response.HasStarted
                                          && StorageFault.LostServerConnection(exception, context.RequestServices.GetService<AppDbContext>()))
        {
            logger.LogWarning("The database closed a kept connection ({Reason}); {Path} is read again on a fresh one.",
                exception.GetBaseException().Message, context.Request.Path);
            context.Response.Clear();
            context.SetEndpoint(null);
            context.Request.RouteValues.Clear();
            context.User = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity());
            // A scope of its own: the first try's services remember what failed (the sign-in check caches its faulted answer).
            var services = context.RequestServices;
            await using var scope = context.RequestServices.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
            context.RequestServices = scope.ServiceProvider;
            try
            {
                await next(context);
            }
            finally
            {
                context.RequestServices = services;
            }
        }
    }
}
