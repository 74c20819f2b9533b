using ClaimTracker.Infrastructure.Claims;
using ClaimTracker.Infrastructure.Workflow;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ClaimTracker.Web.Pages;

/// <summary>Every correction of a published claim and every withdrawal of a claim readers saw, newest first, with their public notes.</summary>
[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = ClaimTracker.Web.Hosting.PublicCaching.Policy)]
public sealed class CorrectionsModel(PublicFeeds claims) : PageModel
{
    public IReadOnlyList<CorrectionRow> Corrections { get; private set; } = [];

    public IReadOnlyList<WithdrawalRow> Withdrawals { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Corrections = await claims.CorrectionsAsync(cancellationToken: cancellationToken);
        Withdrawals = await claims.WithdrawalsAsync(cancellationToken: cancellationToken);
    }
}
