using System.Globalization;
using System.Text.Json;
using AngleSharp.Html.Parser;
using ClaimTracker.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace ClaimTracker.Infrastructure.Claims;

/// <summary>Which changes to show: by whom, on which claim, between which days (UTC, both included).</summary>
public sealed record ActivityFilter(string? Person = null, int? ClaimId = null, DateOnly? From = null, DateOnly? To = null);

/// <summary>One change in the desk's words: "changed claim", "Status: Unproven → Corroborated".</summary>
public sealed record ActivityRow(long Id, DateTime OccurredAtUtc, string Actor, string What, int? ClaimId, string? ClaimHeadline,
    string Action, IReadOnlyList<FieldChangeView> Fields);

/// <summary>A page of changes, newest first; <see cref="NextBefore"/> continues with older ones.</summary>
public sealed record ActivityPage(IReadOnlyList<ActivityRow> Rows, long? NextBefore);

/// <summary>
/// The trail of every change to claims and the catalogue (ChangeTracking writes it), paged by id (keyset: a page costs the
/// same however deep) and filtered; ids are shown as the names they stand for, rich text as a short text excerpt, times
/// to the second.
/// </summary>
public sealed class ActivityTrail(AppDbContext db)
{
    public const int PageSize = 50;

    public const int ExcerptLength = 160;

    private static readonly HtmlParser Parser = new();

    private static readonly Dictionary<string, string> EntityWords = new(StringComparer.Ordinal)
    {
        ["Claim"] = "claim", ["Statement"] = "statement", ["StatementSource"] = "source of a statement",
        ["StatementActor"] = "joint speaker of a statement", ["StatusChange"] = "status change",
        ["StatusChangeSource"] = "source of a status change", ["ClaimSource"] = "source citation", ["ClaimActor"] = "actor of the claim",
        ["ClaimTopic"] = "topic of the claim", ["ClaimRelation"] = "related claim", ["Source"] = "library source", ["Actor"] = "actor",
        ["ActorAlias"] = "other name of an actor", ["Topic"] = "topic", ["StatusDefinition"] = "status of the scale",
        ["SlugRedirect"] = "old address",
    };

    private static readonly Dictionary<string, string> ActionWords = new(StringComparer.Ordinal)
    {
        ["Created"] = "added", ["Changed"] = "changed", ["Deleted"] = "removed",
    };

    public async Task<ActivityPage> PageAsync(ActivityFilter filter, long? before, int pageSize = PageSize, CancellationToken cancellationToken = default)
    {
        pageSize = Math.Clamp(pageSize, 1, 200);
        var records = db.ChangeRecords.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Person))
        {
            var person = filter.Person.Trim();
            records = records.Where(r => r.Actor == person);
        }
        if (filter.ClaimId is { } claimId)
        {
            records = records.Where(r => r.ClaimId == claimId);
        }
        if (filter.From is { } from)
        {
            var start = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            records = records.Where(r => r.OccurredAtUtc >= start);
        }
        if (filter.To is { } to)
        {
            var end = to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            records = records.Where(r => r.OccurredAtUtc < end);
        }
        if (before is { } cursor)
        {
            records = records.Where(r => r.Id < cursor);
        }
        var rows = await records.OrderByDescending(r => r.Id).Take(pageSize + 1).ToListAsync(cancellationToken);
        var more = rows.Count > pageSize;
        if (more)
        {
            rows.RemoveAt(pageSize);
        }
        var fields = rows.ToDictionary(r => r.Id, r => JsonSerializer.Deserialize<List<ChangeTracking.FieldChange>>(r.Changes) ?? []);
        var names = await NamesAsync(fields.Values.SelectMany(f => f).ToList(), cancellationToken);
        var claimIds = rows.Where(r => r.ClaimId is not null).Select(r => r.ClaimId!.Value).Distinct().ToList();
        var headlines = claimIds.Count == 0 ? new Dictionary<int, string>()
            : await db.Claims.AsNoTracking().Where(c => claimIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Headline, cancellationToken);
        return new ActivityPage(rows.Select(r => new ActivityRow(r.Id, r.OccurredAtUtc, r.Actor,
                $"{ActionWords.GetValueOrDefault(r.Action, r.Action.ToLowerInvariant())} {EntityWords.GetValueOrDefault(r.EntityType, Words(r.EntityType).ToLowerInvariant())}",
                r.ClaimId, r.ClaimId is { } id ? headlines.GetValueOrDefault(id) : null, r.Action,
                fields[r.Id].Select(f => new FieldChangeView(Label(f.Field), Show(f.Field, f.Before, names), Show(f.Field, f.After, names))).ToList()))
            .ToList(), more ? rows[^1].Id : null);
    }

    /// <summary>The names behind the ids the page's changes mention (statuses, actors, sources, claims), one query each.</summary>
    private async Task<Dictionary<(string Kind, string Id), string>> NamesAsync(List<ChangeTracking.FieldChange> changes, CancellationToken cancellationToken)
    {
        List<int> Ids(params string[] fields) => changes.Where(c => fields.Contains(c.Field))
            .SelectMany(c => new[] { c.Before, c.After }).Where(v => v is not null)
            .Select(v => int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id) ? id : 0).Where(id => id > 0).Distinct().ToList();
        var names = new Dictionary<(string, string), string>();
        void Add<T>(string kind, IEnumerable<T> rows, Func<T, int> id, Func<T, string> name)
        {
            foreach (var row in rows)
            {
                names[(kind, id(row).ToString(CultureInfo.InvariantCulture))] = name(row);
            }
        }
        if (Ids("StatusId", "CurrentStatusId") is { Count: > 0 } statuses)
        {
            Add("status", await db.Statuses.AsNoTracking().Where(s => statuses.Contains(s.Id)).Select(s => new { s.Id, s.NameEn }).ToListAsync(cancellationToken), s => s.Id, s => s.NameEn);
        }
        if (Ids("ActorId", "OutletId") is { Count: > 0 } actors)
        {
            Add("actor", await db.Actors.AsNoTracking().Where(a => actors.Contains(a.Id)).Select(a => new { a.Id, a.Name }).ToListAsync(cancellationToken), a => a.Id, a => a.Name);
        }
        if (Ids("SourceId") is { Count: > 0 } sources)
        {
            Add("source", await db.Sources.AsNoTracking().Where(s => sources.Contains(s.Id)).Select(s => new { s.Id, s.Title }).ToListAsync(cancellationToken), s => s.Id, s => s.Title);
        }
        if (Ids("ParentClaimId", "ToClaimId", "FromClaimId") is { Count: > 0 } claims)
        {
            Add("claim", await db.Claims.AsNoTracking().Where(c => claims.Contains(c.Id)).Select(c => new { c.Id, c.Headline }).ToListAsync(cancellationToken), c => c.Id, c => c.Headline);
        }
        return names;
    }

    private static string Label(string field) => field switch
    {
        "StatusId" => "Status",
        "CurrentStatusId" => "Current status",
        "ActorId" => "Actor",
        "OutletId" => "Outlet",
        "SourceId" => "Source",
        "ParentClaimId" => "Parent claim",
        "ToClaimId" => "Related claim",
        "FromClaimId" => "Claim",
        _ => Words(field),
    };

    private static string? Show(string field, string? value, Dictionary<(string Kind, string Id), string> names)
    {
        if (value is null)
        {
            return null;
        }
        var kind = field switch
        {
            "StatusId" or "CurrentStatusId" => "status",
            "ActorId" or "OutletId" => "actor",
            "SourceId" => "source",
            "ParentClaimId" or "ToClaimId" or "FromClaimId" => "claim",
            _ => null,
        };
        if (kind is not null)
        {
            return names.TryGetValue((kind, value), out var name) ? name : $"#{value} (deleted)";
        }
        if (value.Contains('<') && value.Contains('>'))
        {
            return Excerpt(Parser.ParseDocument($"<body>{value}</body>").Body!.TextContent);
        }
        if (value.Length >= 19 && DateTime.TryParseExact(value, "O", CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var time))
        {
            return time.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " UTC";
        }
        return value.Contains('\n') ? Excerpt(value) : value.Length > ExcerptLength * 2 ? Excerpt(value) : value;
    }

    private static string Excerpt(string text)
    {
        var flat = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return flat.Length <= ExcerptLength ? flat : flat[..(ExcerptLength - 1)].TrimEnd() + "…";
    }

    /// <summary>"FirstMadeOn" → "First made on".</summary>
    private static string Words(string name)
    {
        var words = new System.Text.StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (i > 0 && char.IsUpper(c) && !char.IsUpper(name[i - 1]))
            {
                words.Append(' ').Append(char.ToLowerInvariant(c));
            }
            else
            {
                words.Append(c);
            }
        }
        return words.ToString();
    }
}
