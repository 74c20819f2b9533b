using ClaimTracker.Infrastructure.Claims;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ClaimTracker.Web.Pages;

/// <summary>The site in numbers: public claims by status, by month, by actor and by topic (counted once per change, see <see cref="PublicTallies"/>).</summary>
[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = ClaimTracker.Web.Hosting.PublicCaching.Policy)]
public sealed class StatisticsModel(PublicTallies tallies) : PageModel
{
    /// <summary>How many actors and topics the tables list (the most claims first).</summary>
    public const int Listed = 30;

    public SiteTallies Tallies { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) => Tallies = await tallies.GetAsync(cancellationToken);
}
