using ClaimTracker.Domain.Accounts;
using ClaimTracker.Domain.Text;
using ClaimTracker.Domain.Workflow;

namespace ClaimTracker.Domain.Claims;

/// <summary>
/// How a claim reaches readers: submitted for the four-eye review (<see cref="ClaimReview"/>), approved as a new public version,
/// sent back, withdrawn with a public note; and deleted, while readers never saw it.
/// </summary>
public sealed partial class Claim
{
    /// <summary>
    /// Whether this claim may be deleted by <paramref name="user"/>: only a draft readers never saw (no version was ever approved;
    /// what readers saw is corrected or withdrawn, never deleted), only by its author or an admin.
    /// </summary>
    public void CheckDeletion(StaffMember by)
    {
        if (PublishedVersion is not null)
        {
            throw new DomainRuleException(string.Empty, "Readers have seen this claim: it cannot be deleted. Withdraw it, or correct it.");
        }
        if (!by.IsAdmin && !by.Is(CreatedBy))
        {
            throw new DomainRuleException(string.Empty, $"Only its author ({CreatedBy}) or an admin may delete this draft.");
        }
    }


    /// <summary>Whether the working copy differs from what readers see (or readers see nothing yet).</summary>
    public bool HasPendingChanges => Review.IsPending;

    /// <summary>Hands the working copy to the reviewers. A change to a published claim is an update unless it fixes an error: then it is a correction with a public note.</summary>
    public void Submit(string user, string? comment, bool asCorrection, string? correctionNote, DateTime nowUtc)
    {
        Review.CheckNotInReview();
        if (Review.State == ReviewState.Approved && IsPublic)
        {
            throw new DomainRuleException(string.Empty, "Nothing to submit: readers already see this version.");
        }
        var errors = new List<FieldError>();
        errors.AddIfFailed("Comment", TextRules.CheckMultiLine("Comment", comment, ClaimReview.CommentMaxLength));
        errors.AddIfFailed("CorrectionNote", TextRules.CheckMultiLine("Correction note", correctionNote, ClaimVersion.NoteMaxLength));
        if (asCorrection && PublishedVersion is null)
        {
            errors.Add(new FieldError("AsCorrection", "Only a published claim can be corrected; this is its first publication."));
        }
        if (asCorrection && string.IsNullOrWhiteSpace(correctionNote))
        {
            errors.Add(new FieldError("CorrectionNote", "A correction tells readers what was wrong: write the public correction note."));
        }
        if (!asCorrection && PublishedVersion is not null && statusChanges.Any(c => c.PublishedAtUtc is null && c.CorrectsId is not null))
        {
            errors.Add(new FieldError("AsCorrection", "This revision corrects a published verdict: mark it as a correction and write the public note."));
        }
        if (errors is [var first, ..])
        {
            throw new DomainRuleException(first.Field, first.Message);
        }
        Review.Submitted(user, comment, asCorrection ? correctionNote : null, nowUtc);
        Stamp(user, nowUtc);
    }

    /// <summary>What an approval published, for the version record.</summary>
    public sealed record Approval(int Number, VersionKind Kind, string? CorrectionNote, string Headline, int? StatusId,
        DateOnly? StatusSince, string SubmittedBy, string ApprovedBy, DateTime ApprovedAtUtc, string? Comment, string? PreviousSlug = null);

    /// <summary>Makes the working copy the public version: readers see it from now on.</summary>
    public Approval Approve(StaffMember reviewer, DateTime nowUtc)
    {
        if (Review.CanApprove(reviewer) is { Succeeded: false } refused)
        {
            throw new DomainRuleException(string.Empty, refused.Error);
        }
        var kind = PublishedVersion is null ? VersionKind.FirstPublication
            : !IsPublic ? VersionKind.Republication
            : Review.CorrectionNote is not null ? VersionKind.Correction
            : VersionKind.Update;
        var previousSlug = PendingSlug is null ? null : Slug;
        var approval = new Approval((PublishedVersion ?? 0) + 1, kind, Review.CorrectionNote, Headline, CurrentStatusId, CurrentStatusSince,
            Review.SubmittedBy!, reviewer.Email, nowUtc, Review.Comment, previousSlug);
        if (PendingSlug is { } approvedSlug)
        {
            (Slug, PendingSlug) = (approvedSlug, null);
        }
        foreach (var change in statusChanges.Where(c => c.PublishedAtUtc is null))
        {
            change.MarkPublished(nowUtc);
        }
        IsPublic = true;
        PublishedVersion = approval.Number;
        (PublishedHeadline, PublishedStatusId, PublishedStatusSince, PublishedAtUtc) = (Headline, CurrentStatusId, CurrentStatusSince, nowUtc);
        (WithdrawalNote, WithdrawnAtUtc) = (null, null);
        Review.Approved();
        Stamp(reviewer.Email, nowUtc);
        return approval;
    }

    /// <summary>Returns the submission to its author with what to change; readers keep the approved version.</summary>
    public void SendBack(StaffMember reviewer, string? comment, DateTime nowUtc)
    {
        Review.SendBack(reviewer, comment);
        Stamp(reviewer.Email, nowUtc);
    }

    /// <summary>Withdraws a published claim from readers, with a public note that stays where the page was.</summary>
    public void Withdraw(StaffMember reviewer, string? note, DateTime nowUtc)
    {
        if (!reviewer.MayReview)
        {
            throw new DomainRuleException(string.Empty, "Only reviewers and admins withdraw published claims.");
        }
        if (!IsPublic)
        {
            throw new DomainRuleException(string.Empty, "Readers do not see this claim; there is nothing to withdraw.");
        }
        if (string.IsNullOrWhiteSpace(note))
        {
            throw new DomainRuleException("Note", "Tell readers why the claim was withdrawn: the public note is required.");
        }
        if (TextRules.CheckMultiLine("Note", note, ClaimVersion.NoteMaxLength) is { Succeeded: false } invalid)
        {
            throw new DomainRuleException("Note", invalid.Error);
        }
        IsPublic = false;
        (WithdrawalNote, WithdrawnAtUtc) = (note.Trim(), nowUtc);
        Stamp(reviewer.Email, nowUtc);
    }
}
