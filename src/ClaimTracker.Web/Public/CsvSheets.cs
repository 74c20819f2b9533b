using System.Globalization;
using ClaimTracker.Infrastructure.Claims;
using ClaimTracker.Web.Localisation;
using CsvHelper;

namespace ClaimTracker.Web.Public;

/// <summary>
/// Claims, statements and sources as CSV (CsvHelper): RFC 4180 quoting, UTF-8 with a byte-order mark so spreadsheet programs
/// read umlauts and ß correctly, and text that a spreadsheet would run as a formula (starting with =, +, -, @, tab or CR)
/// prefixed with an apostrophe. Readers get <c>/claims.csv</c> (approved versions only, the list's filters, cached and
/// evicted like the list); staff download the working copies from the export page.
/// </summary>
public static class CsvSheets
{
    public const string ContentType = "text/csv; charset=utf-8";

    private static readonly CsvWriterOptions Options = new()
    {
        WriteByteOrderMark = true,
        Injection = CsvInjection.Escape,
    };

    public static readonly string[] ClaimColumns =
        ["url", "headline", "status", "status_name", "status_since", "language", "topics", "actors", "approved_at_utc"];

    public static readonly string[] DeskClaimColumns =
        ["url", "headline", "status", "status_name", "status_since", "language", "topics", "actors", "approved_at_utc", "stage", "updated_at_utc", "updated_by"];

    public static readonly string[] StatementColumns = ["claim", "speakers", "stance", "made_on", "quote", "quote_language", "translation"];

    public static readonly string[] SourceColumns = ["claim", "title", "url", "outlet", "published_on", "language", "archive_url", "stance", "quote"];

    public static void MapCsvSheets(this WebApplication app) =>
        app.MapGet("/claims.csv", async (HttpContext context, ClaimExports exports, StatusNames names, Hosting.SiteAddress address,
                string? q, string? status, string? topic, string? actor, DateOnly? from, DateOnly? to) =>
            {
                var rows = await exports.PublicClaimsAsync(new PublicFilter(q, status, topic, actor, from, to), context.RequestAborted);
                var origin = address.Origin(context.Request);
                var scale = (await names.ScaleAsync(context.RequestAborted)).ToDictionary(s => s.Key);
                var bytes = await WriteAsync(ClaimColumns, rows.Select(r => ClaimCells(r, origin, scale)));
                context.Response.Headers.ContentDisposition = "attachment; filename=\"claims.csv\"";
                return Results.Bytes(bytes, ContentType);
            })
            .AllowAnonymous().CacheOutput(Hosting.PublicCaching.Policy).RequireRateLimiting(Hosting.SecuritySetup.PublicPolicy);

    /// <summary>A claim row's cells: the status by key and by name in the reader's language, lists joined with "; ".</summary>
    public static string?[] ClaimCells(ClaimSheetRow row, string origin, IReadOnlyDictionary<string, StatusRow> scale)
    {
        var status = row.StatusKey is { } key && scale.TryGetValue(key, out var s) ? s : null;
        string?[] cells =
        [
            $"{origin}/claims/{Uri.EscapeDataString(row.Slug)}", row.Headline, row.StatusKey,
            status is null ? null : Ui.IsGerman ? status.NameDe : status.NameEn,
            row.StatusSince?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), row.Language,
            string.Join("; ", row.Topics), string.Join("; ", row.Actors), Timestamp(row.ApprovedAtUtc),
        ];
        return row.Stage is null ? cells : [.. cells, row.Stage, Timestamp(row.UpdatedAtUtc), row.UpdatedBy];
    }

    public static string?[] StatementCells(StatementSheetRow row) =>
        [row.ClaimSlug, row.Speakers, row.Stance.ToString(), row.MadeOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), row.Quote,
            row.QuoteLanguage, row.Translation];

    public static string?[] SourceCells(SourceSheetRow row) =>
        [row.ClaimSlug, row.Title, row.Url, row.Outlet, row.PublishedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), row.Language,
            row.ArchiveUrl, row.Stance.ToString(), row.Quote];

    /// <summary>The sheet: a header row, then one record per row.</summary>
    public static async Task<byte[]> WriteAsync(IReadOnlyList<string> header, IEnumerable<string?[]> rows)
    {
        using var buffer = new MemoryStream();
        await using (var csv = CsvWriter.Create(buffer, Options, leaveOpen: true))
        {
            csv.WriteRecord([.. header]);
            foreach (var row in rows)
            {
                csv.WriteRecord(row!);
            }
            await csv.FlushAsync();
        }
        return buffer.ToArray();
    }

    private static string? Timestamp(DateTime? utc) =>
        utc is { } value ? DateTime.SpecifyKind(value, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) : null;
}
