using ClaimTracker.Infrastructure.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ClaimTracker.Web.Pages.Editor.Claims;

public sealed class IndexModel(ClaimQueries queries, StatusScale scale, ActorDirectory actors) : PageModel
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
        Claims = await queries.ListAsync(new ClaimFilter(Filter.Q, Filter.Status, Filter.Topic, Filter.Actor, Filter.Language,
            Filter.Visibility switch { "public" => true, "draft" => false, _ => null }), cancellationToken);
    }

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
