using System.Text;
using AngleSharp.Html.Parser;
using ClaimTracker.Domain.Auditing;
using ClaimTracker.Domain.Evidence;
using ClaimTracker.Infrastructure.Auditing;
using ClaimTracker.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ClaimTracker.Infrastructure.Evidence;

/// <summary>A source the link check flagged, for the workspace.</summary>
public sealed record FlaggedSource(int Id, string Title, string Url, LinkState State, string? Note, DateTime? Since);

/// <summary>
/// Looks at cited addresses again, through the guarded fetcher: a page that answers 404 or 410 or whose name no longer
/// resolves is <see cref="LinkState.Gone"/>; one whose text differs from the newest preserved copy is
/// <see cref="LinkState.Changed"/> (for web pages the visible text is compared, so rotating adverts and tokens do not count;
/// other files byte for byte). A check that cannot tell (a time-out, a server error) changes nothing. The first successful
/// check of a source without a copy keeps one.
/// </summary>
public sealed class LinkCheck(AppDbContext db, GuardedFetcher fetcher, BlobStore blobs, EvidenceLibrary library, AuditLog audit,
    TimeProvider clock)
{
    public const string Checker = "link check";

    public async Task<LinkState?> CheckAsync(int sourceId, CancellationToken cancellationToken = default)
    {
        var source = await db.Sources.FirstOrDefaultAsync(s => s.Id == sourceId, cancellationToken);
        if (source?.Url is not { } url)
        {
            return null;
        }
        var fetched = await fetcher.FetchAsync(url, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        LinkState state;
        string? note;
        if (fetched.Gone)
        {
            (state, note) = (LinkState.Gone, fetched.Refusal);
        }
        else if (!fetched.Succeeded)
        {
            (state, note) = (source.LinkState, "Last check could not tell: " + fetched.Refusal);
        }
        else if ((await library.NewestCapturesAsync([sourceId], cancellationToken)).GetValueOrDefault(sourceId) is { } newest)
        {
            var kept = await blobs.ReadAsync(newest.Sha256, cancellationToken);
            var same = kept is not null && Fingerprint(kept, newest.ContentType) == Fingerprint(fetched.Body!, fetched.ContentType!);
            (state, note) = same
                ? (LinkState.Alive, null)
                : (LinkState.Changed, $"The page differs from the copy captured {newest.CapturedAtUtc:yyyy-MM-dd HH:mm} UTC.");
        }
        else
        {
            await library.KeepAsync(fetched, sourceId, Checker, cancellationToken);
            (state, note) = (LinkState.Alive, null);
        }
        var before = source.LinkState;
        if (source.RecordLinkCheck(state, note, now))
        {
            audit.Record(Checker, AuditAction.SourceLinkStateChanged, $"source #{source.Id}", $"{before} → {state}: {url}{(note is null ? "" : " — " + note)}");
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return null; // an editor saved the source meanwhile; the next round checks it again
        }
        return state;
    }

    /// <summary>Checks up to <paramref name="limit"/> sources not checked for <paramref name="every"/>, oldest check first.</summary>
    public async Task<IReadOnlyList<(int Id, string Host)>> DueAsync(TimeSpan every, int limit, CancellationToken cancellationToken = default)
    {
        var before = clock.GetUtcNow().UtcDateTime - every;
        var due = await db.Sources.AsNoTracking().Where(s => s.Url != null && (s.LinkCheckedAtUtc == null || s.LinkCheckedAtUtc < before))
            .OrderBy(s => s.LinkCheckedAtUtc).ThenBy(s => s.Id).Take(limit)
            .Select(s => new { s.Id, s.Url }).ToListAsync(cancellationToken);
        return due.Select(s => (s.Id, new Uri(s.Url!).Host)).ToList();
    }

    public async Task<IReadOnlyList<FlaggedSource>> FlaggedAsync(int limit = 50, CancellationToken cancellationToken = default) =>
        await db.Sources.AsNoTracking().Where(s => s.LinkState == LinkState.Gone || s.LinkState == LinkState.Changed)
            .OrderByDescending(s => s.LinkStateSinceUtc).Take(limit)
            .Select(s => new FlaggedSource(s.Id, s.Title, s.Url!, s.LinkState, s.LinkNote, s.LinkStateSinceUtc))
            .ToListAsync(cancellationToken);

    private static string Fingerprint(byte[] bytes, string contentType)
    {
        if (contentType is not ("text/html" or "application/xhtml+xml"))
        {
            return StoredBlob.HashOf(bytes);
        }
        var document = new HtmlParser().ParseDocument(new MemoryStream(bytes, writable: false));
        foreach (var noise in document.QuerySelectorAll("script, style, noscript, template").ToList())
        {
            noise.Remove();
        }
        var text = string.Join(' ', (document.Body?.TextContent ?? string.Empty).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return StoredBlob.HashOf(Encoding.UTF8.GetBytes(text));
    }
}

/// <summary>
/// Runs <see cref="LinkCheck"/> in the background: every ten minutes it takes the sources due, groups them by host and checks
/// one request at a time with a pause between two, so no site sees more than one request per pause from us; and it forgets
/// the copies "Fetch details" kept for sources never created.
/// </summary>
public sealed class LinkCheckService(IServiceScopeFactory scopes, IOptions<EvidenceOptions> options, TimeProvider clock,
    ILogger<LinkCheckService> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.LinkCheckEnabled)
        {
            return;
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // Not during start-up; then every ten minutes a round takes the sources due.
                await Task.Delay(TimeSpan.FromMinutes(10), clock, stoppingToken);
                await using var scope = scopes.CreateAsyncScope();
                var check = scope.ServiceProvider.GetRequiredService<LinkCheck>();
                // Copies fetched for a source nobody created go after a day.
                await scope.ServiceProvider.GetRequiredService<EvidenceLibrary>().ForgetUnadoptedAsync(clock.GetUtcNow().UtcDateTime.AddDays(-1), stoppingToken);
                var due = await check.DueAsync(TimeSpan.FromDays(settings.LinkCheckEveryDays), 100, stoppingToken);
                foreach (var (id, _) in due.OrderBy(d => d.Host, StringComparer.Ordinal))
                {
                    await check.CheckAsync(id, stoppingToken);
                    await Task.Delay(TimeSpan.FromSeconds(settings.LinkCheckPauseSeconds), clock, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is DbUpdateException or InvalidOperationException or IOException or System.Data.Common.DbException)
            {
                log.LogWarning(e, "The link check stopped for this round; it tries again later.");
            }
        }
    }
}
