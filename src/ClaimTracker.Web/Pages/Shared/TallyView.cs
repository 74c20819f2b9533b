namespace ClaimTracker.Web.Pages.Shared;

/// <summary>What <c>_Tally</c> renders: a tally, the id its elements are named by, and the list it filters ("/claims", "/claims?topic=x").</summary>
public sealed record TallyView(ClaimTracker.Infrastructure.Claims.Tally Tally, string Id, string ListUrl)
{
    /// <summary>The list, filtered to one status as well.</summary>
    public string StatusUrl(string statusKey) => $"{ListUrl}{(ListUrl.Contains('?', StringComparison.Ordinal) ? '&' : '?')}status={Uri.EscapeDataString(statusKey)}";
}
