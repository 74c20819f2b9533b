using ClaimTracker.Infrastructure.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ClaimTracker.Web.Pages.Editor.Claims;

public sealed class DetailsModel(ClaimQueries queries, ClaimEditor editor, ClaimTracker.Infrastructure.Workflow.ClaimDiscussion discussion,
    ClaimTracker.Infrastructure.Accounts.StaffAccounts editors, TimeProvider clock) : PageModel
{
    public ClaimDetails Claim { get; private set; } = null!;

    public IReadOnlyList<ChangeView> Changes { get; private set; } = [];

    public IReadOnlyList<ClaimRow> OtherClaims { get; private set; } = [];

    public IReadOnlyList<string> Editors { get; private set; } = [];

    /// <summary>Days since the last status change was recorded (the last review); null before the first.</summary>
    public int? DaysSinceReview { get; private set; }

    public IReadOnlyList<ClaimTracker.Infrastructure.Workflow.CommentRow> Comments { get; private set; } = [];

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

    public async Task<IActionResult> OnPostAssignAsync(int id, string? assignedTo, CancellationToken cancellationToken) =>
        await FinishAsync(id, await editor.AssignAsync(id, assignedTo, User.Identity!.Name!, cancellationToken),
            string.IsNullOrWhiteSpace(assignedTo) ? "Nobody is assigned now." : $"Assigned to {assignedTo}.", "overview", cancellationToken);

    public async Task<IActionResult> OnPostCommentAsync(int id, string? body, CancellationToken cancellationToken) =>
        await FinishAsync(id, await discussion.PostAsync(id, User.Identity!.Name!, body, cancellationToken), "Comment posted.", "discussion", cancellationToken);

    public async Task<IActionResult> OnPostLinkAsync(int id, int sourceId, ClaimTracker.Domain.Claims.SourceStance stance, string? quote,
        string? note, CancellationToken cancellationToken) =>
        await FinishAsync(id, await editor.EditSourceLinkAsync(id, sourceId, stance, quote, note, User.Identity!.Name!, cancellationToken),
            "Link saved.", "sources", cancellationToken);

    public async Task<IActionResult> OnPostDetachAsync(int id, int sourceId, CancellationToken cancellationToken) =>
        await FinishAsync(id, await editor.DetachSourceAsync(id, sourceId, User.Identity!.Name!, cancellationToken),
            "Source detached.", "sources", cancellationToken);

    private async Task<IActionResult> FinishAsync(int id, WorkResult result, string success, string fragment, CancellationToken cancellationToken)
    {
        if (!result.Succeeded)
        {
            ModelState.AddFieldErrors(result.Errors, prefix: string.Empty);
            return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
        }
        StatusMessage = success;
        return RedirectToPage(pageName: null, pageHandler: null, routeValues: new { id }, fragment: fragment);
    }

    public async Task<IActionResult> OnPostRelationAsync(int id, ClaimTracker.Domain.Claims.RelationKind kind, int otherClaimId,
        CancellationToken cancellationToken) =>
        await FinishAsync(id, await editor.AddRelationAsync(id, kind, otherClaimId, User.Identity!.Name!, cancellationToken),
            "Relation recorded.", "overview", cancellationToken);

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        if (await queries.DetailsAsync(id, cancellationToken) is not { } claim)
        {
            return false;
        }
        Claim = claim;
        Changes = await queries.ChangesAsync(id, cancellationToken: cancellationToken);
        OtherClaims = (await queries.OptionsAsync(cancellationToken)).Where(c => c.Id != id).ToList();
        Comments = await discussion.ThreadAsync(id, cancellationToken);
        Editors = await editors.ActiveEditorsAsync(cancellationToken);
        DaysSinceReview = claim.History.Count == 0 ? null
            : (int)(clock.GetUtcNow().UtcDateTime - claim.History.Max(h => h.RecordedAtUtc)).TotalDays;
        return true;
    }
}
