using ClaimTracker.Infrastructure.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ClaimTracker.Web.Pages.Editor.Claims;

public sealed class IndexModel(DeskListQuery list, StatusScale scale, ActorDirectory actors, ClaimExports exports, Hosting.SiteAddress address) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public FilterModel Filter { get; set; } = new();

    public IReadOnlyList<ClaimRow> Claims { get; private set; } = [];

    public IReadOnlyList<StatusRow> Statuses { get; private set; } = [];

    public IReadOnlyList<ActorOption> Actors { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Statuses = await scale.ListAsync(cancellationToken);
        Actors = await actors.OptionsAsync(cancellationToken);
        Claims = await list.GetAsync(DeskFilter, cancellationToken);
    }

    /// <summary>The claims the filters select, all of them (drafts and working copies included), as CSV.</summary>
    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken)
    {
        var rows = await exports.DeskClaimsAsync(DeskFilter, cancellationToken);
        var scale2 = (await scale.ListAsync(cancellationToken)).ToDictionary(s => s.Key);
        var origin = address.Origin(Request);
        return Sheet(await Public.CsvSheets.WriteAsync(Public.CsvSheets.DeskClaimColumns, rows.Select(r => Public.CsvSheets.ClaimCells(r, origin, scale2))), "claims");
    }

    /// <summary>Every statement of every claim, as CSV.</summary>
    public async Task<IActionResult> OnGetStatementsAsync(CancellationToken cancellationToken) =>
        Sheet(await Public.CsvSheets.WriteAsync(Public.CsvSheets.StatementColumns,
            (await exports.StatementsAsync(cancellationToken)).Select(Public.CsvSheets.StatementCells)), "statements");

    /// <summary>Every source cited by a claim, as CSV.</summary>
    public async Task<IActionResult> OnGetSourcesAsync(CancellationToken cancellationToken) =>
        Sheet(await Public.CsvSheets.WriteAsync(Public.CsvSheets.SourceColumns,
            (await exports.SourcesAsync(cancellationToken)).Select(Public.CsvSheets.SourceCells)), "sources");

    /// <summary>This list, filtered as shown, as CSV.</summary>
    public string CsvUrl => Request.Path + Microsoft.AspNetCore.Http.QueryString.Create(Request.Query.Where(p => p.Key != "handler")
        .SelectMany(p => p.Value.Select(v => new KeyValuePair<string, string?>(p.Key, v))).Append(new("handler", "Csv")));

    private ClaimFilter DeskFilter => new(Filter.Q, Filter.Status, Filter.Topic, Filter.Actor, Filter.Language,
        Filter.Visibility switch { "public" => true, "draft" => false, _ => null });

    private FileContentResult Sheet(byte[] csv, string name) =>
        File(csv, Public.CsvSheets.ContentType, $"{name}-{DateTime.UtcNow:yyyy-MM-dd}.csv");

    public sealed class FilterModel
    {
        [FromQuery(Name = "q")]
        public string? Q { get; set; }

        [FromQuery(Name = "status")]
        public string? Status { get; set; }

        [FromQuery(Name = "topic")]
        public string? Topic { get; set; }

        [FromQuery(Name = "actor")]
        public int? Actor { get; set; }

        [FromQuery(Name = "language")]
        public string? Language { get; set; }

        [FromQuery(Name = "visibility")]
        public string? Visibility { get; set; }
    }
}
