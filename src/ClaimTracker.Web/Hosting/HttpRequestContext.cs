using ClaimTracker.Infrastructure;

namespace ClaimTracker.Web.Hosting;

/// <summary>The current HTTP request, as Infrastructure sees it (<see cref="IRequestContext"/>).</summary>
public sealed class HttpRequestContext(IHttpContextAccessor http) : IRequestContext
{
    public bool InRequest => http.HttpContext is not null;

    public string? UserName => http.HttpContext?.User.Identity?.Name;

    public string? ClientAddress => http.HttpContext is { } context ? context.Connection.RemoteIpAddress?.ToString() ?? "unknown" : null;
}
