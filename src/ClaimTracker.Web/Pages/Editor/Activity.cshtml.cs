using ClaimTracker.Infrastructure.Claims;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ClaimTracker.Web.Pages.Editor;

public sealed class ActivityModel(ClaimQueries queries) : PageModel
{
    public IReadOnlyList<ChangeView> Changes { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Changes = await queries.ChangesAsync(claimId: null, cancellationToken: cancellationToken);
}
