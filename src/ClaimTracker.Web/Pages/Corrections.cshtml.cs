using ClaimTracker.Infrastructure.Claims;
using ClaimTracker.Infrastructure.Workflow;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ClaimTracker.Web.Pages;

/// <summary>Every correction of a published claim, newest first, with its public note.</summary>
[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = ClaimTracker.Web.Hosting.PublicCaching.Policy)]
public sealed class CorrectionsModel(PublicClaims claims) : PageModel
{
    public IReadOnlyList<CorrectionRow> Corrections { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Corrections = await claims.CorrectionsAsync(cancellationToken: cancellationToken);
}
