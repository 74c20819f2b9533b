using ClaimTracker.Infrastructure.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ClaimTracker.Web.Pages.Editor.Sources;

public sealed class IndexModel(SourceLibrary library) : PageModel
{
    [FromQuery(Name = "q")]
    public string? Query { get; set; }

    public IReadOnlyList<SourceRow> Sources { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Sources = await library.SearchAsync(Query, cancellationToken: cancellationToken);
}
