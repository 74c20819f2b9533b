using System.Text;
using ClaimTracker.Infrastructure.Claims;

namespace ClaimTracker.Web.Hosting;

/// <summary>
/// The scale's colours as a stylesheet: the CSP allows no inline styles, and admins choose the colours.
/// Keys are slugs and colours are validated hex values, so nothing here can break out of CSS.
/// </summary>
public static class StatusColours
{
    public static void MapStatusColours(this WebApplication app) =>
        app.MapGet("/status-colours.css", async (StatusScale scale, HttpContext context) =>
        {
            var css = new StringBuilder(".status-badge[data-status=\"none\"]{background:#eef0f2;color:#1d2327}\n");
            foreach (var status in await scale.ListAsync(context.RequestAborted))
            {
                css.Append(".status-badge[data-status=\"").Append(status.Key).Append("\"]{background:").Append(status.Colour).Append(";color:#fff}\n");
            }
            context.Response.Headers.CacheControl = "public, max-age=60";
            return Results.Text(css.ToString(), "text/css; charset=utf-8");
        }).AllowAnonymous();
}
