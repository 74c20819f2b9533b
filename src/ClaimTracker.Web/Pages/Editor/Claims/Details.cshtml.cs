using ClaimTracker.Web.Localisation;
using ClaimTracker.Infrastructure.Claims;
using ClaimTracker.Infrastructure.Workflow;
using ClaimTracker.Web.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ClaimTracker.Web.Pages.Editor.Claims;

public sealed partial class DetailsModel(ClaimDetailsQuery details, ClaimTracker.Infrastructure.Workflow.ClaimDiscussion discussion,
    ClaimWorkflow workflow, ClaimTracker.Infrastructure.Accounts.StaffAccounts editors, TimeProvider clock, ActivityTrail trail, ClaimTracker.Web.Hosting.SiteAddress address) : PageModel
{
    public ClaimDetails Claim { get; private set; } = null!;

    public WorkflowState Workflow { get; private set; } = null!;

    public IReadOnlyList<WorkflowEventRow> History { get; private set; } = [];

    /// <summary>What the author typed into the submit form, kept when it is refused.</summary>
    public string? SubmitComment { get; private set; }

    public bool SubmitAsCorrection { get; private set; }

    public string? SubmitCorrectionNote { get; private set; }

    /// <summary>The latest changes to this claim; the full trail is on the activity page.</summary>
    public ActivityPage Changes { get; private set; } = new([], null);

    public const int ChangesShown = 20;

    /// <summary>A cited source's title, for statements and status entries that name it by id.</summary>
    public string SourceTitle(int id) =>
        Claim.Sources.FirstOrDefault(s => s.SourceId == id)?.Title ?? string.Format(Ui.T("source #{0}"), id);

    /// <summary>The public card's HTML to copy, once readers can see the claim.</summary>
    public string? EmbedCode => Workflow.PublishedVersion is null || !Claim.IsPublic ? null
        : ClaimTracker.Web.Pages.Claims.EmbedSnippet.For($"{address.Origin(Request)}/claims/{Uri.EscapeDataString(Claim.Slug)}", Claim.Headline);


    public IReadOnlyList<string> Editors { get; private set; } = [];

    /// <summary>Days since the last status change was recorded (the last review); null before the first.</summary>
    public int? DaysSinceReview { get; private set; }

    public IReadOnlyList<ClaimTracker.Infrastructure.Workflow.CommentRow> Comments { get; private set; } = [];

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostSubmitAsync(int id, SubmitForm form, CancellationToken cancellationToken)
    {
        (SubmitComment, SubmitAsCorrection, SubmitCorrectionNote) = (form.Comment, form.AsCorrection, form.CorrectionNote);
        return await FinishAsync(id, await workflow.SubmitAsync(id, User.Identity!.Name!, form.Comment, form.AsCorrection, form.CorrectionNote, cancellationToken),
            Ui.T("Submitted: a reviewer who did not write it will approve it or send it back."), "workflow", cancellationToken);
    }

    public async Task<IActionResult> OnPostWithdrawAsync(int id, WithdrawForm form, CancellationToken cancellationToken) =>
        await FinishAsync(id, await workflow.WithdrawAsync(id, User.AsStaff(), form.Note, cancellationToken),
            Ui.T("Withdrawn: readers see the public note where the page was."), "workflow", cancellationToken);

    public async Task<IActionResult> OnPostDeleteDraftAsync(int id, DeleteDraftForm form, [FromServices] DeleteDraft deletion, CancellationToken cancellationToken)
    {
        if (!form.Confirmed)
        {
            ModelState.AddModelError("confirmed", Ui.T("Tick the box to confirm: the draft cannot be brought back."));
            return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
        }
        var result = await deletion.DeleteDraftAsync(id, User.AsStaff(), cancellationToken);
        if (!result.Succeeded)
        {
            return result.Errors.Any(e => e.Field == "claim") ? NotFound() : await FinishAsync(id, result, string.Empty, "workflow", cancellationToken);
        }
        TempData["StatusMessage"] = Ui.T("Draft deleted. The audit log keeps a record of it.");
        return RedirectToPage("/Editor/MyWork");
    }

    public async Task<IActionResult> OnPostAssignAsync(int id, AssignForm form, [FromServices] AssignClaim assignment, CancellationToken cancellationToken) =>
        await FinishAsync(id, await assignment.AssignAsync(id, form.AssignedTo, User.Identity!.Name!, cancellationToken),
            string.IsNullOrWhiteSpace(form.AssignedTo) ? Ui.T("Nobody is assigned now.") : string.Format(Ui.T("Assigned to {0}."), form.AssignedTo),
            "overview", cancellationToken);

    public async Task<IActionResult> OnPostCommentAsync(int id, CommentForm form, CancellationToken cancellationToken) =>
        await FinishAsync(id, await discussion.PostAsync(id, User.Identity!.Name!, form.Body, cancellationToken), Ui.T("Comment posted."), "discussion", cancellationToken);

    public async Task<IActionResult> OnPostLinkAsync(int id, LinkForm form, [FromServices] CiteSources citations, CancellationToken cancellationToken) =>
        await FinishAsync(id, await citations.EditSourceLinkAsync(id, form.SourceId, form.Stance, form.Quote, form.Note, User.Identity!.Name!,
                cancellationToken, form.CitedAs),
            Ui.T("Link saved."), "sources", cancellationToken);

    public async Task<IActionResult> OnPostDetachAsync(int id, DetachForm form, [FromServices] CiteSources citations, CancellationToken cancellationToken) =>
        await FinishAsync(id, await citations.DetachSourceAsync(id, form.SourceId, User.Identity!.Name!, cancellationToken, form.CitedAs),
            Ui.T("Source detached."), "sources", cancellationToken);

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

    public async Task<IActionResult> OnPostRelationAsync(int id, RelationForm form, [FromServices] RelateClaims relations, CancellationToken cancellationToken) =>
        await FinishAsync(id, await relations.AddRelationAsync(id, form.Kind, form.OtherSlug, User.Identity!.Name!, cancellationToken),
            Ui.T("Relation recorded."), "overview", cancellationToken);

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        if (await details.GetAsync(id, cancellationToken) is not { } claim)
        {
            return false;
        }
        Claim = claim;
        Workflow = (await workflow.StateAsync(id, cancellationToken))!;
        History = await workflow.HistoryAsync(id, cancellationToken);
        Changes = await trail.PageAsync(new ActivityFilter(ClaimId: id), before: null, ChangesShown, cancellationToken);
        Comments = await discussion.ThreadAsync(id, cancellationToken);
        Editors = await editors.ActiveEditorsAsync(cancellationToken);
        DaysSinceReview = claim.History.Count == 0 ? null
            : (int)(clock.GetUtcNow().UtcDateTime - claim.History.Max(h => h.RecordedAtUtc)).TotalDays;
        return true;
    }
}
