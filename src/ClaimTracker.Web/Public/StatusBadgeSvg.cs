using System.Security;
using ClaimTracker.Infrastructure.Claims;

namespace ClaimTracker.Web.Public;

/// <summary>/claims/{slug}/badge.svg: an accessible status badge other sites can show as an image.</summary>
public static class StatusBadgeSvg
{
    public static void MapStatusBadges(this WebApplication app) =>
        app.MapGet("/claims/{slug}/badge.svg", async (string slug, PublicClaimPage claims, StatusScale scale, HttpContext context) =>
        {
            var found = await claims.BySlugAsync(slug, cancellationToken: context.RequestAborted);
            if (found.RedirectTo is { } current)
            {
                return Results.Redirect($"/claims/{Uri.EscapeDataString(current)}/badge.svg", permanent: true);
            }
            if (found.Claim is not { } claim)
            {
                return Results.NotFound();
            }
            // The scale as it stands now: a renamed status reads the same on the badge as on the page, in JSON-LD and in feeds,
            // in the reader's language.
            var status = (await scale.ListAsync(context.RequestAborted)).FirstOrDefault(s => s.Key == claim.Status?.Key);
            var name = status is null ? Localisation.Ui.T("No status yet") : Localisation.Ui.IsGerman ? status.NameDe : status.NameEn;
            return Results.Text(Render(name, claim.StatusSince, status?.Colour ?? "#6e7781"), "image/svg+xml; charset=utf-8");
        }).AllowAnonymous().CacheOutput(Hosting.PublicCaching.Policy);

    public static string Render(string status, DateOnly? since, string colour)
    {
        var label = SecurityElement.Escape(status)!;
        var date = since is { } d ? $" {Localisation.Ui.T("since")} {d:yyyy-MM-dd}" : string.Empty;
        var caption = SecurityElement.Escape(Localisation.Ui.T("Claim status"));
        var width = 90 + (status.Length + date.Length) * 7;
        return $"""
            <svg xmlns="http://www.w3.org/2000/svg" xml:lang="{Localisation.Ui.Language}" width="{width}" height="24" role="img" aria-label="{caption}: {label}{date}">
              <title>{caption}: {label}{date}</title>
              <rect width="90" height="24" fill="#1d2327"/>
              <rect x="90" width="{width - 90}" height="24" fill="{colour}"/>
              <g fill="#fff" font-family="Verdana,DejaVu Sans,sans-serif" font-size="12">
                <text x="8" y="16">ClaimTracker</text>
                <text x="98" y="16">{label}{date}</text>
              </g>
            </svg>
            """;
    }
}
