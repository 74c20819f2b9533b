using ClaimTracker.Infrastructure.Claims;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ClaimTracker.Web.Pages;

[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = ClaimTracker.Web.Hosting.PublicCaching.Policy)]
public sealed class StatusesModel(Localisation.StatusNames scale, ClaimTracker.Infrastructure.Site.SitePublishing site) : PageModel
{
    public IReadOnlyList<StatusRow> Scale { get; private set; } = [];

    public int Best => Scale.Max(s => s.RatingValue) ?? 1;

    public ClaimTracker.Domain.Text.SanitisedHtml Methodology { get; private set; } = ClaimTracker.Domain.Text.SanitisedHtml.Empty;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Scale = await scale.ScaleAsync(cancellationToken);
        Methodology = (await site.GetAsync(cancellationToken)).Methodology;
    }
}
