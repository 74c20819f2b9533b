using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using ClaimTracker.Domain.Text;
using ClaimTracker.Infrastructure.Claims;

namespace ClaimTracker.Infrastructure.Workflow;

/// <summary>One reader-visible part that differs: its text in the public version and in the pending one (null when absent).</summary>
public sealed record DiffLine(string Section, string? Published, string? Pending)
{
    public IReadOnlyList<DiffPart> Words => WordDiff.Compare(Published, Pending);
}

/// <summary>What readers would see change if the pending revision were approved, part by part.</summary>
public static partial class ClaimDiff
{
    public static IReadOnlyList<DiffLine> Compare(ClaimDetails? published, ClaimDetails pending)
    {
        var lines = new List<DiffLine>();
        void Field(string section, string? before, string? after)
        {
            if (!string.Equals(before ?? string.Empty, after ?? string.Empty, StringComparison.Ordinal))
            {
                lines.Add(new DiffLine(section, before, after));
            }
        }
        void Items<T, TKey>(string section, IEnumerable<T>? before, IEnumerable<T> after, Func<T, TKey> key, Func<T, string> show) where TKey : notnull
        {
            var old = (before ?? []).ToDictionary(key, show);
            var now = after.ToDictionary(key, show);
            foreach (var (id, text) in now)
            {
                Field(section, old.GetValueOrDefault(id), text);
            }
            foreach (var (id, text) in old.Where(o => !now.ContainsKey(o.Key)))
            {
                lines.Add(new DiffLine(section, text, null));
            }
        }

        if (published is not null)
        {
            Field("Permalink", published.Slug, pending.PendingSlug ?? pending.Slug);
        }
        Field("Headline", published?.Headline, pending.Headline);
        Field("Short form", published?.ClaimReviewed, pending.ClaimReviewed);
        Field("Claim as made", published?.OriginalText, pending.OriginalText);
        Field("Language", published?.Language, pending.Language);
        Field("Translation", published?.Translation, pending.Translation);
        Field("First made on", Date(published?.FirstMadeOn), Date(pending.FirstMadeOn));
        Field("Summary", Text(published?.Summary), Text(pending.Summary));
        Field("Current status", Status(published), Status(pending));
        Field("Claimants", Names(published?.Claimants), Names(pending.Claimants));
        Field("Concerns", Names(published?.Subjects), Names(pending.Subjects));
        Field("Topics", published is null ? null : string.Join(", ", published.Topics), string.Join(", ", pending.Topics));
        Items("Status history", published?.History, pending.History, h => h.Id,
            h => $"{h.Status.Name} as of {Date(h.EffectiveOn)}{(h.CorrectsId is null ? "" : " (correction)")}: {Text(h.Rationale)}");
        Items("Statement", published?.Statements, pending.Statements, s => s.Id,
            s => $"{string.Join(" + ", s.Speakers.Select(a => a.Name))}, {s.Stance.ToString().ToLowerInvariant()}, {Date(s.MadeOn)}: {s.Quote}{(s.Translation is null ? "" : $" — {s.Translation}")}");
        // Versions approved before actors were part of the snapshot hold no profiles: nothing to compare them with.
        if (published is null || published.ActorProfiles is not null)
        {
            Items("Actor", published?.ActorProfiles, pending.ActorProfiles ?? [], a => a.Id,
                a => $"{a.Name}{(a.WikidataId is null ? "" : $" ({a.WikidataId})")}{(a.Description is null ? "" : $": {a.Description}")}");
        }
        // A source may be cited more than once, once per stance.
        Items("Source", published?.Sources, pending.Sources, s => (s.SourceId, s.Stance),
            s => $"{s.Title} ({s.Outlet ?? "outlet unknown"}), {s.Stance.ToString().ToLowerInvariant()}{(s.Quote is null ? "" : $": „{s.Quote}“")}{(s.Note is null ? "" : $" — {s.Note}")}");
        return lines;
    }

    private static string? Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string? Status(ClaimDetails? claim) =>
        claim is null ? null : claim.Status is null ? "no status yet" : $"{claim.Status.Name} as of {Date(claim.StatusSince)}";

    private static string Names(IEnumerable<ActorRef>? actors) => string.Join(", ", (actors ?? []).Select(a => a.Name));

    /// <summary>The words of rich text, for comparing what readers read rather than markup.</summary>
    private static string? Text(SanitisedHtml? html) =>
        html is null ? null : WebUtility.HtmlDecode(Whitespace().Replace(Tags().Replace(html.Html, " "), " ")).Trim();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
