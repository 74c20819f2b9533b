using ClaimTracker.Infrastructure.Site;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ClaimTracker.Web.Pages;

public sealed class AboutModel(SitePublishing site) : PageModel
{
    public SiteView Site { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) => Site = await site.GetAsync(cancellationToken);
}
