using ClaimTracker.Infrastructure.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ClaimTracker.Web.Pages.Editor.Claims;

public sealed class DetailsModel(ClaimQueries queries, ClaimEditor editor) : PageModel
{
    public ClaimDetails Claim { get; private set; } = null!;

    public IReadOnlyList<ChangeView> Changes { get; private set; } = [];

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostVisibilityAsync(int id, bool isPublic, CancellationToken cancellationToken)
    {
        var result = await editor.SetVisibilityAsync(id, isPublic, User.Identity!.Name!, cancellationToken);
        if (!result.Succeeded)
        {
            ModelState.AddFieldErrors(result.Errors);
            return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
        }
        StatusMessage = isPublic ? "Published: readers can see this claim." : "Unpublished: the claim is a draft again.";
        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        if (await queries.DetailsAsync(id, cancellationToken) is not { } claim)
        {
            return false;
        }
        Claim = claim;
        Changes = await queries.ChangesAsync(id, cancellationToken: cancellationToken);
        return true;
    }
}
