using ClaimTracker.Web.Localisation;
using ClaimTracker.Domain;
using ClaimTracker.Infrastructure.Claims;
using ClaimTracker.Infrastructure.Workflow;
using ClaimTracker.Web.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ClaimTracker.Web.Pages.Editor.Claims;

/// <summary>
/// What is pending against what readers see, word by word; reviewers approve or send back from here.
/// The forms carry the claim's version: a claim changed after the reviewer opened it is not approved.
/// </summary>
public sealed class ReviewModel(ClaimWorkflow workflow, PublicClaimPage readers, PublicDirectory directory, Localisation.StatusNames statuses, TimeProvider clock,
    ClaimTracker.Infrastructure.Site.SitePublishing site, Localisation.ContentLanguage contentLanguage,
    ClaimTracker.Infrastructure.Evidence.PublicEvidence evidence) : PageModel
{
    /// <summary>The pending version as the public page will show it once approved.</summary>
    public ClaimTracker.Web.Pages.Claims.ClaimArticle ReaderView { get; private set; } = null!;

    public ClaimDetails Pending { get; private set; } = null!;

    public ClaimDetails? Published { get; private set; }

    public IReadOnlyList<DiffLine> Lines { get; private set; } = [];

    public WorkflowState Workflow { get; private set; } = null!;

    public RuleResult Approval { get; private set; } = RuleResult.Ok;

    [TempData]
    public string? StatusMessage { get; set; }

    public string? SendBackComment { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostApproveAsync(int id, Guid version, string? approvalComment, CancellationToken cancellationToken)
    {
        ApprovalComment = approvalComment;
        return await FinishAsync(id, await workflow.ApproveAsync(id, version, User.AsStaff(), cancellationToken, approvalComment),
            Ui.T("Approved: readers see this version now."), cancellationToken);
    }

    /// <summary>What the reviewer typed as their note to the approval (kept when the approval is refused).</summary>
    public string? ApprovalComment { get; private set; }

    public async Task<IActionResult> OnPostSendBackAsync(int id, Guid version, string? comment, CancellationToken cancellationToken)
    {
        SendBackComment = comment;
        return await FinishAsync(id, await workflow.SendBackAsync(id, version, User.AsStaff(), comment, cancellationToken),
            Ui.T("Sent back to the author with your comment."), cancellationToken);
    }

    private async Task<IActionResult> FinishAsync(int id, WorkResult result, string success, CancellationToken cancellationToken)
    {
        if (!result.Succeeded)
        {
            ModelState.AddFieldErrors(result.Errors, prefix: string.Empty);
            return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
        }
        StatusMessage = success;
        return RedirectToPage("Details", new { id });
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        if (await workflow.DiffAsync(id, cancellationToken) is not { } diff || await workflow.StateAsync(id, cancellationToken) is not { } state)
        {
            return false;
        }
        (Published, Pending, Lines, Workflow) = (diff.Published, diff.Pending, diff.Lines, state);
        ReaderView = await ReaderViewAsync(cancellationToken);
        Approval = await workflow.ApprovalCheckAsync(id, User.AsStaff(), cancellationToken);
        return true;
    }

    /// <summary>What readers will get on approval: the pending version through the same reader filter as a snapshot, as the
    /// next version, with the corrections readers see now and the one submitted.</summary>
    private async Task<ClaimTracker.Web.Pages.Claims.ClaimArticle> ReaderViewAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var current = Published is { } published ? (await readers.BySlugAsync(published.Slug, null, cancellationToken)).Publication : null;
        var number = (current?.Latest ?? 0) + 1;
        var corrections = (current?.Corrections ?? []).ToList();
        if (Workflow.CorrectionNote is { } note)
        {
            corrections.Add(new CorrectionNoteView(number, now, note));
        }
        var kind = current is null ? Domain.Workflow.VersionKind.FirstPublication
            : Workflow.CorrectionNote is not null ? Domain.Workflow.VersionKind.Correction : Domain.Workflow.VersionKind.Update;
        var claim = ClaimSnapshot.ForReaders(Pending) with { Slug = Pending.PendingSlug ?? Pending.Slug, PendingSlug = null, IsPublic = true };
        // The byline credits whoever approves: the reviewer looking at this preview.
        var reviewer = await readers.BylineNameAsync(User.Identity!.Name!, cancellationToken);
        var publisher = await site.GetAsync(cancellationToken);
        return new ClaimTracker.Web.Pages.Claims.ClaimArticle(claim, new PublicationInfo(number, number, now, kind, corrections, reviewer),
            await statuses.DescriptionAsync(claim.Status?.Key), await directory.LinksAsync(cancellationToken), publisher.PublisherName, contentLanguage.Code,
            await evidence.ForSourcesAsync(claim.Sources.Select(s => s.SourceId).Distinct().ToList(), cancellationToken),
            publisher.ReadersMayOpenCopies);
    }
}
