using ClaimTracker.Infrastructure.Claims;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ClaimTracker.Web.Pages;

public sealed class StatusesModel(StatusScale scale) : PageModel
{
    public IReadOnlyList<StatusRow> Scale { get; private set; } = [];

    public int Best => Scale.Max(s => s.RatingValue) ?? 1;

    public async Task OnGetAsync(CancellationToken cancellationToken) => Scale = await scale.ListAsync(cancellationToken);
}
