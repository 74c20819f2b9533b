using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ClaimTracker.Bench;

/// <summary>
/// The smallest ASP.NET Core apps serving the saved claim page, measured beside nginx to show how much of the gap
/// to a static file server is the framework's own: the page from memory and nothing else (what any Kestrel app can
/// reach on the machine), or through ASP.NET Core's output cache and nothing else (the least an app answering from
/// that cache does). Same bytes, same content type as the app's page.
/// </summary>
internal static class ReferenceServer
{
    public static async Task RunAsync(string file, int port, bool outputCache)
    {
        var page = await File.ReadAllBytesAsync(file);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        if (outputCache)
        {
            builder.Services.AddOutputCache();
        }
        var app = builder.Build();
        if (outputCache)
        {
            app.UseOutputCache();
        }
        var endpoint = app.MapGet("/{**path}", (HttpContext context) =>
        {
            context.Response.ContentType = "text/html; charset=utf-8";
            context.Response.ContentLength = page.Length;
            return context.Response.Body.WriteAsync(page).AsTask();
        });
        if (outputCache)
        {
            endpoint.CacheOutput();
        }
        await app.RunAsync();
    }
}
