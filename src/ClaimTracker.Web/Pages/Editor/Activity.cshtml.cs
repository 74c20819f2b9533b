using ClaimTracker.Web.Localisation;
using ClaimTracker.Infrastructure.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ClaimTracker.Web.Pages.Editor;

/// <summary>Every change, newest first, a page at a time; filtered by person, claim and days (a GET form: links keep it).</summary>
public sealed class ActivityModel(ActivityTrail trail, ClaimTracker.Infrastructure.Data.AppDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Person { get; set; }

    [BindProperty(SupportsGet = true, Name = "claim")]
    public int? ClaimId { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    [BindProperty(SupportsGet = true)]
    public long? Before { get; set; }

    [BindProperty(SupportsGet = true)]
    public int Size { get; set; } = ActivityTrail.PageSize;

    public ActivityPage Changes { get; private set; } = new([], null);

    public string? ClaimHeadline { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (From is { } from && To is { } to && to < from)
        {
            ModelState.AddModelError(nameof(To), Ui.T("The last day comes before the first."));
            return Page();
        }
        if (ClaimId is { } id)
        {
            ClaimHeadline = (await db.ClaimRowsAsync([id], cancellationToken)).FirstOrDefault()?.Headline;
        }
        Changes = await trail.PageAsync(new ActivityFilter(Person, ClaimId, From, To), Before, Size, cancellationToken);
        return Page();
    }

    /// <summary>The query of the next page: the same filter, older than the last row shown.</summary>
    public Dictionary<string, string?> Older() => new()
    {
        ["person"] = Person, ["claim"] = ClaimId?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["from"] = From?.ToString("yyyy-MM-dd"), ["to"] = To?.ToString("yyyy-MM-dd"),
        ["size"] = Size == ActivityTrail.PageSize ? null : Size.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["before"] = Changes.NextBefore?.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
