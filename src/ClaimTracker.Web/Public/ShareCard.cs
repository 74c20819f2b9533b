using System.Collections.Concurrent;
using ClaimTracker.Infrastructure.Claims;
using ClaimTracker.Web.Localisation;
using SkiaSharp;

namespace ClaimTracker.Web.Public;

/// <summary>
/// The picture a claim shows when shared (og:image): 1200 × 630 PNG with the publisher, the headline, the verdict in its
/// colour and its date, drawn on the server with SkiaSharp in the typeface the app ships (DejaVu Sans). A card is drawn
/// once per approved version, status, language and publisher name and kept (a few hundred KB at most per thousand
/// cards); a new approval makes a new key, so a kept card is never out of date.
/// </summary>
public static class ShareCard
{
    public const int Width = 1200;
    public const int Height = 630;
    private static readonly Lazy<SKTypeface> Regular = new(() => Load("DejaVuSans.ttf"));
    private static readonly Lazy<SKTypeface> Bold = new(() => Load("DejaVuSans-Bold.ttf"));

    public static void MapShareCards(this WebApplication app) =>
        app.MapGet("/claims/{slug}/card.png", async (string slug, PublicClaimPage claims, StatusNames names,
                ClaimTracker.Infrastructure.Site.SitePublishing site, DrawnCards kept, HttpContext context) =>
            {
                var found = await claims.BySlugAsync(slug, cancellationToken: context.RequestAborted);
                if (found.RedirectTo is { } current)
                {
                    return Results.Redirect($"/claims/{Uri.EscapeDataString(current)}/card.png", permanent: true);
                }
                if (found is not { Claim: { } claim, Publication: { } publication })
                {
                    return Results.NotFound();
                }
                var publisher = (await site.GetAsync(context.RequestAborted)).PublisherName;
                var status = await names.NameAsync(claim.Status);
                var asOf = claim.StatusSince is { } since ? $"{Ui.T("as of")} {Ui.Date(since)}" : string.Empty;
                // Everything drawn is in the key: a new approval, status name or publisher draws a new card.
                var key = string.Join('\u001f', claim.Id, publication.Number, claim.Headline, claim.Status?.Key, claim.Status?.Colour, status, asOf, publisher);
                var png = kept.GetOrDraw(key, () => Draw(publisher, claim.Headline, status, claim.Status?.Colour, asOf));
                context.Response.Headers.CacheControl = "public, max-age=300";
                return Results.File(png, "image/png");
            })
            .AllowAnonymous().CacheOutput(Hosting.PublicCaching.Policy);

    /// <summary>Draws the card: white, a band in the status colour, the publisher, the headline (up to four lines), the verdict.</summary>
    public static byte[] Draw(string publisher, string headline, string statusName, string? statusColour, string asOf)
    {
        var colour = SKColor.TryParse(statusColour, out var parsed) ? parsed : new SKColor(0x55, 0x5b, 0x61);
        using var surface = SKSurface.Create(new SKImageInfo(Width, Height, SKColorType.Rgba8888, SKAlphaType.Premul));
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.White);
        using var fill = new SKPaint { IsAntialias = true, Color = colour };
        canvas.DrawRect(0, 0, Width, 24, fill);

        using var ink = new SKPaint { IsAntialias = true, Color = new SKColor(0x1d, 0x23, 0x27) };
        using var grey = new SKPaint { IsAntialias = true, Color = new SKColor(0x4a, 0x53, 0x58) };
        using var small = new SKFont(Regular.Value, 34);
        canvas.DrawText(Fit(publisher, small, Width - 160), 80, 100, SKTextAlign.Left, small, grey);

        using var large = new SKFont(Bold.Value, 58);
        var y = 190f;
        foreach (var line in Wrap(headline, large, Width - 160, maxLines: 4))
        {
            canvas.DrawText(line, 80, y, SKTextAlign.Left, large, ink);
            y += 72;
        }

        using var verdict = new SKFont(Bold.Value, 46);
        var label = Fit(statusName, verdict, Width - 400);
        var labelWidth = verdict.MeasureText(label);
        var top = Height - 150;
        canvas.DrawRoundRect(new SKRect(80, top, 80 + labelWidth + 56, top + 76), 38, 38, fill);
        using var onColour = new SKPaint { IsAntialias = true, Color = Contrast(colour) };
        canvas.DrawText(label, 108, top + 54, SKTextAlign.Left, verdict, onColour);
        canvas.DrawText(asOf, 80 + labelWidth + 84, top + 52, SKTextAlign.Left, small, grey);

        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Png, 90);
        return data.ToArray();
    }

    /// <summary>Words to lines no wider than the card; the last line shown ends in "…" when text is left over.</summary>
    public static IReadOnlyList<string> Wrap(string text, SKFont font, float width, int maxLines)
    {
        var lines = new List<string>();
        var line = string.Empty;
        var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < words.Length; i++)
        {
            var candidate = line.Length == 0 ? words[i] : line + " " + words[i];
            if (font.MeasureText(candidate) <= width || line.Length == 0)
            {
                line = Fit(candidate, font, width);
                continue;
            }
            lines.Add(line);
            line = Fit(words[i], font, width);
            if (lines.Count == maxLines)
            {
                break;
            }
        }
        if (line.Length > 0 && lines.Count < maxLines)
        {
            lines.Add(line);
        }
        var shown = string.Join(' ', lines).Length;
        if (lines.Count == maxLines && shown < string.Join(' ', words).Length)
        {
            lines[^1] = Fit(lines[^1] + " …", font, width, force: true);
        }
        return lines;
    }

    /// <summary>The text, shortened with "…" until it fits (always, with <paramref name="force"/>, keeping the ellipsis).</summary>
    private static string Fit(string text, SKFont font, float width, bool force = false)
    {
        if (!force && font.MeasureText(text) <= width)
        {
            return text;
        }
        var cut = text.TrimEnd('…', ' ');
        while (cut.Length > 1 && font.MeasureText(cut + "…") > width)
        {
            cut = cut[..^1];
        }
        return cut.TrimEnd() + "…";
    }

    /// <summary>Black or white, whichever reads better on the status colour.</summary>
    private static SKColor Contrast(SKColor background) =>
        (0.299 * background.Red + 0.587 * background.Green + 0.114 * background.Blue) > 150 ? SKColors.Black : SKColors.White;

    private static SKTypeface Load(string file)
    {
        using var stream = typeof(ShareCard).Assembly.GetManifestResourceStream("ClaimTracker.Fonts." + file)
                           ?? throw new InvalidOperationException($"The font {file} is not embedded in the app.");
        return SKTypeface.FromStream(stream) ?? throw new InvalidOperationException($"The font {file} could not be read.");
    }
}

/// <summary>The share cards drawn by this app (a singleton: each app in a process keeps its own), at most a few thousand.</summary>
public sealed class DrawnCards
{
    private const int MaxKept = 2000;
    private readonly ConcurrentDictionary<string, byte[]> kept = new(StringComparer.Ordinal);

    public byte[] GetOrDraw(string key, Func<byte[]> draw)
    {
        if (kept.TryGetValue(key, out var png))
        {
            return png;
        }
        png = draw();
        if (kept.Count >= MaxKept)
        {
            kept.Clear();
        }
        kept[key] = png;
        return png;
    }
}
