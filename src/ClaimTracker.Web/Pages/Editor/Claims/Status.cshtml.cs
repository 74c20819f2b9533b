using ClaimTracker.Web.Localisation;
using ClaimTracker.Infrastructure.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ClaimTracker.Web.Pages.Editor.Claims;

public sealed class StatusModel(ChangeClaimStatus statusChange, StatusFormQuery form, StatusScale scale, ClaimTracker.Infrastructure.Security.RichTextFormat richText) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public StatusFormData Claim { get; private set; } = null!;

    public IReadOnlyList<StatusRow> Statuses { get; private set; } = [];

    public StatusBadge? CurrentStatus { get; private set; }

    public ClaimTracker.Domain.Text.SanitisedHtml? RationalePreview { get; private set; }

    public StatusRow? StatusOf(int statusId) => Statuses.FirstOrDefault(s => s.Id == statusId);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    /// <remarks>The claim is read for the form only when the form comes back (a change that is recorded redirects).</remarks>
    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (MarkdownPreview.RequestedField(Request) is not null)
        {
            RationalePreview = MarkdownPreview.Render(richText, ModelState, "Input.Rationale", Input.Rationale);
            return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
        }
        if (!ModelState.IsValid)
        {
            return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
        }
        var result = await statusChange.ChangeStatusAsync(id, Input.StatusId, Input.EffectiveOn, Input.Rationale, Input.SourceIds,
            Input.CorrectsId, User.Identity!.Name!, cancellationToken);
        if (result.Succeeded)
        {
            TempData["StatusMessage"] = Ui.T("Status change recorded.");
            return RedirectToPage("Details", pageHandler: null, routeValues: new { id }, fragment: "history");
        }
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        ModelState.AddFieldErrors(result.Errors);
        return Page();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        if (await form.GetAsync(id, cancellationToken) is not { } claim)
        {
            return false;
        }
        Claim = claim;
        Statuses = await scale.ListAsync(cancellationToken);
        CurrentStatus = Statuses.FirstOrDefault(s => s.Id == claim.CurrentStatusId) is { } current
            ? new StatusBadge(current.Key, current.NameEn, current.Colour)
            : null;
        return true;
    }

    public sealed class InputModel
    {
        public int StatusId { get; set; }

        public DateOnly? EffectiveOn { get; set; }

        public string? Rationale { get; set; }

        public List<int> SourceIds { get; set; } = [];

        public int? CorrectsId { get; set; }
    }
}
