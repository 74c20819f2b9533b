using ClaimTracker.Web.Localisation;
using ClaimTracker.Infrastructure.Claims;
using ClaimTracker.Web.Pages.Editor;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ClaimTracker.Web.Pages.Admin.Statuses;

/// <summary>Admins shape the rating scale: names in English and German, colours, order, verdicts and ratings.</summary>
public sealed class IndexModel(StatusScale scale) : PageModel
{
    [BindProperty]
    public StatusFields Input { get; set; } = new();

    public IReadOnlyList<StatusRow> Scale { get; private set; } = [];

    public int? OpenId { get; private set; }

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Scale = await scale.ListAsync(cancellationToken, withClaimCounts: true);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken cancellationToken) =>
        await FinishAsync(await scale.CreateAsync(Input.ToInput(), cancellationToken), string.Format(Ui.T("Added “{0}”."), Input.NameEn), null, cancellationToken);

    public async Task<IActionResult> OnPostUpdateAsync(int id, Guid version, CancellationToken cancellationToken) =>
        await FinishAsync(await scale.UpdateAsync(id, version, Input.ToInput(), cancellationToken), string.Format(Ui.T("Saved “{0}”."), Input.NameEn), id, cancellationToken);

    private async Task<IActionResult> FinishAsync(WorkResult result, string success, int? id, CancellationToken cancellationToken)
    {
        if (result.Succeeded)
        {
            StatusMessage = success;
            return RedirectToPage();
        }
        ModelState.AddFieldErrors(result.Errors);
        OpenId = id;
        Scale = await scale.ListAsync(cancellationToken, withClaimCounts: true);
        return Page();
    }
}

public sealed class StatusFields
{
    public string? Key { get; set; }

    public string? NameEn { get; set; }

    public string? NameDe { get; set; }

    public string? DescriptionEn { get; set; }

    public string? DescriptionDe { get; set; }

    public string Colour { get; set; } = "#6e7781";

    public int Order { get; set; }

    public bool IsVerdict { get; set; }

    public int? RatingValue { get; set; }

    public bool IsFinal { get; set; }

    public StatusInput ToInput() => new(Key ?? string.Empty, NameEn ?? string.Empty, NameDe ?? string.Empty,
        DescriptionEn ?? string.Empty, DescriptionDe ?? string.Empty, Colour, Order, IsVerdict, RatingValue, IsFinal);

    public static StatusFields From(StatusRow row) => new()
    {
        Key = row.Key, NameEn = row.NameEn, NameDe = row.NameDe, DescriptionEn = row.DescriptionEn,
        DescriptionDe = row.DescriptionDe, Colour = row.Colour, Order = row.Order, IsVerdict = row.IsVerdict, RatingValue = row.RatingValue, IsFinal = row.IsFinal,
    };
}
