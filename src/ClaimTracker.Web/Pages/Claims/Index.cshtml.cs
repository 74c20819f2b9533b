using ClaimTracker.Infrastructure.Claims;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ClaimTracker.Web.Pages.Claims;

/// <summary>The public claim list: filters, search, and keyset paging ("older claims").</summary>
[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = ClaimTracker.Web.Hosting.PublicCaching.Policy)]
public sealed class ClaimListModel(PublicLists claims, PublicDirectory directory, StatusScale scale) : PageModel
{
    [FromQuery(Name = "q")] public string? Q { get; set; }

    [FromQuery(Name = "status")] public string? Status { get; set; }

    [FromQuery(Name = "topic")] public string? Topic { get; set; }

    [FromQuery(Name = "actor")] public string? Actor { get; set; }

    [FromQuery(Name = "from")] public DateOnly? From { get; set; }

    [FromQuery(Name = "to")] public DateOnly? To { get; set; }

    [FromQuery(Name = "after")] public string? After { get; set; }

    public PublicPage Result { get; private set; } = null!;

    public IReadOnlyList<StatusRow> Statuses { get; private set; } = [];

    public IReadOnlyList<(string Slug, string Name)> Topics { get; private set; } = [];

    /// <summary>The actor filter, kept by the form when it names an actor with a public page (nothing else is echoed).</summary>
    public string? PublicActor { get; private set; }

    /// <summary>The page link was not one this list gives (an old or edited link): the first page is shown, saying so.</summary>
    public bool CursorRefused { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (!PublicLists.IsValidCursor(After))
        {
            // A 400 says the link is wrong (crawlers drop it); the reader still gets the message and the first page.
            CursorRefused = true;
            After = null;
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        Result = await claims.ListAsync(new PublicFilter(Q, Status, Topic, Actor, From, To, After), cancellationToken);
        Statuses = await scale.ListAsync(cancellationToken);
        Topics = await directory.TopicsAsync(cancellationToken);
        PublicActor = Actor is { Length: > 0 } && (await directory.LinksAsync(cancellationToken)).ActorSlugs.Values.Contains(Actor) ? Actor : null;
    }

    /// <summary>Every claim this list's filters select (not only this page), as CSV.</summary>
    /// <remarks>Only filter values the page knows are carried (a status of the scale, a public topic or actor), as the form does.</remarks>
    public string CsvUrl
    {
        get
        {
            var query = new QueryBuilder();
            void Add(string name, string? value)
            {
                if (!string.IsNullOrEmpty(value))
                {
                    query.Add(name, value);
                }
            }
            Add("q", Q);
            Add("status", Statuses.Any(s => s.Key == Status) ? Status : null);
            Add("topic", Topics.Any(t => t.Slug == Topic) ? Topic : null);
            Add("actor", PublicActor);
            Add("from", From?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            Add("to", To?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            return "/claims.csv" + query.ToQueryString();
        }
    }

    public string NextPageUrl(string cursor)
    {
        var query = new QueryBuilder(Request.Query.Where(p => p.Key != "after").SelectMany(p => p.Value.Select(v => new KeyValuePair<string, string>(p.Key, v ?? string.Empty))))
        {
            { "after", cursor },
        };
        return "/claims" + query.ToQueryString();
    }
}
