using ClaimTracker.Infrastructure.Site;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ClaimTracker.Web.Pages;

[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = ClaimTracker.Web.Hosting.PublicCaching.Policy)]
public sealed class AboutModel(SitePublishing site) : PageModel
{
    public SiteView Site { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) => Site = await site.GetAsync(cancellationToken);
}
