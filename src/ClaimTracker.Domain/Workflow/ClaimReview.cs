using ClaimTracker.Domain.Accounts;
using ClaimTracker.Domain.Text;

namespace ClaimTracker.Domain.Workflow;

/// <summary>
/// The four-eye review of a claim's working copy: where it stands, who wrote what is pending, the submission, and a
/// reviewer's answer to it. Part of the claim (its columns sit in the claim's row); the claim asks it for the review's rules.
/// </summary>
public sealed class ClaimReview
{
    public const int CommentMaxLength = 2000;

    public ReviewState State { get; private set; } = ReviewState.Draft;

    /// <summary>Everyone who changed the working copy since the last approval: none of them may approve it.</summary>
    public AuthorList Authors => AuthorList.FromStored(PendingAuthors);

    /// <summary>The authors as stored: one address per line.</summary>
    private string PendingAuthors { get; set; } = string.Empty;

    public string? SubmittedBy { get; private set; }

    public DateTime? SubmittedAtUtc { get; private set; }

    /// <summary>The author's words to the reviewer.</summary>
    public string? Comment { get; private set; }

    /// <summary>Set when the submission fixes an error in the published version: the public correction note.</summary>
    public string? CorrectionNote { get; private set; }

    public string? SentBackBy { get; private set; }

    public string? SentBackComment { get; private set; }

    /// <summary>Whether the working copy differs from what readers see (or readers see nothing yet).</summary>
    public bool IsPending => State != ReviewState.Approved;

    /// <summary>A change readers would see: it becomes part of the pending version, and its author cannot approve it.</summary>
    internal void Changed(string user)
    {
        if (State == ReviewState.Approved)
        {
            State = ReviewState.Draft;
        }
        PendingAuthors = Authors.With(user).Stored;
    }

    /// <summary>Refuses a second submission of what waits for review already.</summary>
    internal void CheckNotInReview()
    {
        if (State == ReviewState.InReview)
        {
            throw new DomainRuleException(string.Empty, $"This claim is already in review (submitted by {SubmittedBy} on {SubmittedAtUtc:yyyy-MM-dd}).");
        }
    }

    internal void Submitted(string user, string? comment, string? correctionNote, DateTime nowUtc)
    {
        State = ReviewState.InReview;
        (SubmittedBy, SubmittedAtUtc, Comment, CorrectionNote) = (user, nowUtc, TextRules.Optional(comment), TextRules.Optional(correctionNote));
        (SentBackBy, SentBackComment) = (null, null);
    }

    /// <summary>The four-eye rule: a reviewer or admin who neither submitted nor changed the pending version.</summary>
    public RuleResult CanApprove(StaffMember reviewer)
    {
        if (!reviewer.MayReview)
        {
            return RuleResult.Fail("Only reviewers and admins approve claims.");
        }
        if (State != ReviewState.InReview)
        {
            return RuleResult.Fail("Only a claim submitted for review can be approved.");
        }
        if (reviewer.Is(SubmittedBy) || Authors.Contains(reviewer.Email))
        {
            return RuleResult.Fail("You wrote or submitted part of this version: another reviewer must approve it (four-eye principle).");
        }
        return RuleResult.Ok;
    }

    /// <summary>Readers see the working copy now: nothing is pending, the submission is done with.</summary>
    internal void Approved()
    {
        State = ReviewState.Approved;
        PendingAuthors = string.Empty;
        (SubmittedBy, SubmittedAtUtc, Comment, CorrectionNote) = (null, null, null, null);
        (SentBackBy, SentBackComment) = (null, null);
    }

    /// <summary>Returns the submission to its author with what to change.</summary>
    internal void SendBack(StaffMember reviewer, string? comment)
    {
        if (!reviewer.MayReview)
        {
            throw new DomainRuleException(string.Empty, "Only reviewers and admins send claims back.");
        }
        if (State != ReviewState.InReview)
        {
            throw new DomainRuleException(string.Empty, "Only a claim submitted for review can be sent back.");
        }
        if (string.IsNullOrWhiteSpace(comment))
        {
            throw new DomainRuleException("Comment", "Tell the author what to change.");
        }
        if (TextRules.CheckMultiLine("Comment", comment, CommentMaxLength) is { Succeeded: false } invalid)
        {
            throw new DomainRuleException("Comment", invalid.Error);
        }
        State = ReviewState.SentBack;
        (SentBackBy, SentBackComment) = (reviewer.Email, comment.Trim());
    }
}
