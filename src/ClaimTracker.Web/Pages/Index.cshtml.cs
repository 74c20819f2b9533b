using ClaimTracker.Infrastructure.Claims;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ClaimTracker.Web.Pages;

[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = ClaimTracker.Web.Hosting.PublicCaching.Policy)]
public sealed class IndexModel(PublicLists claims) : PageModel
{
    public HomeView Home { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) => Home = await claims.HomeAsync(cancellationToken);
}
