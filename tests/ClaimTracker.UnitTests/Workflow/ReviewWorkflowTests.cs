using ClaimTracker.Domain.Accounts;
using ClaimTracker.Domain;
using ClaimTracker.Domain.Claims;
using ClaimTracker.Domain.Workflow;
using static ClaimTracker.UnitTests.Claims.ClaimBuilder;

namespace ClaimTracker.UnitTests.Workflow;

public sealed class ReviewWorkflowTests
{
    private const string Editor = "editor@example.org";
    private const string Reviewer = "reviewer@example.org";
    private const string Admin = "admin@example.org";
    private static readonly Domain.Text.SanitisedHtml Reason = SanitisedHtmlFor("<p>Einschätzung der USA und Südkoreas (Seed-Text 003).</p>");

    [Fact]
    public void NewClaim_IsADraftWrittenByItsAuthor()
    {
        var claim = ArmsClaim();

        Assert.Equal(ReviewState.Draft, claim.Review.State);
        Assert.False(claim.IsPublic);
        Assert.Equal([Editor], claim.Review.Authors.Names);
    }

    [Fact]
    public void PendingAuthors_AreEachOnceInTheOrderTheyWrote_WhateverTheCase_AndStoredOnePerLine()
    {
        var authors = AuthorList.None.With(Editor).With("Zweite@Example.org").With(Editor.ToUpperInvariant());

        Assert.Equal([Editor, "Zweite@Example.org"], authors.Names);
        Assert.True(authors.Contains("zweite@example.org"));
        Assert.Equal($"{Editor}\nZweite@Example.org", authors.Stored);
        Assert.Equal(authors, AuthorList.FromStored(authors.Stored));
        Assert.Empty(AuthorList.FromStored(string.Empty).Names);
    }

    [Fact]
    public void AnyoneWhoChangedThePendingVersion_CannotApproveIt_AnotherReviewerCan()
    {
        var claim = ArmsClaim();
        claim.AssignTo(Reviewer, Reviewer, Now);
        claim.SharedPartChanged(Admin, Now);
        claim.Submit(Editor, null, false, null, Now);

        Assert.Equal([Editor, Admin], claim.Review.Authors.Names);
        Assert.False(claim.Review.CanApprove(StaffMember.Admin(Admin.ToUpperInvariant())).Succeeded);
        Assert.True(claim.Review.CanApprove(StaffMember.Reviewer(Reviewer)).Succeeded, "Assigning is the desk's business, not authorship.");
        Assert.False(claim.Review.CanApprove(StaffMember.Editor("dritte@example.org")).Succeeded);
    }

    [Fact]
    public void Author_CannotApproveOwnSubmission_EvenAsAdmin()
    {
        var claim = ArmsClaim();
        claim.Submit(Editor, "Bitte prüfen.", false, null, Now);

        var refused = claim.Review.CanApprove(StaffMember.Reviewer(Editor));

        Assert.False(refused.Succeeded);
        Assert.Contains("four-eye", refused.Error);
        Assert.Throws<DomainRuleException>(() => claim.Approve(StaffMember.Reviewer(Editor), Now));
        Assert.False(claim.IsPublic);
    }

    [Fact]
    public void AdminWhoEditedThePendingVersion_NeedsAnotherReviewer()
    {
        var claim = ArmsClaim();
        claim.Edit(ArmsDraft("Nordkorea liefert Russland Artillerie"), Admin, Now);
        claim.Submit(Editor, null, false, null, Now);

        Assert.False(claim.Review.CanApprove(StaffMember.Reviewer(Admin)).Succeeded);
        Assert.True(claim.Review.CanApprove(StaffMember.Reviewer(Reviewer)).Succeeded);
    }

    [Fact]
    public void EditorWithoutReviewerRole_CannotApprove()
    {
        var claim = ArmsClaim();
        claim.Submit(Editor, null, false, null, Now);

        Assert.Equal("Only reviewers and admins approve claims.", claim.Review.CanApprove(StaffMember.Editor("other-editor@example.org")).Error);
    }

    [Fact]
    public void ReviewerApproval_PublishesVersionOne_AndClearsThePendingAuthors()
    {
        var claim = ArmsClaim();
        claim.Submit(Editor, null, false, null, Now);

        var approval = claim.Approve(StaffMember.Reviewer(Reviewer), Now.AddHours(1));

        Assert.Equal((1, VersionKind.FirstPublication, Editor, Reviewer), (approval.Number, approval.Kind, approval.SubmittedBy, approval.ApprovedBy));
        Assert.True(claim.IsPublic);
        Assert.Equal(ReviewState.Approved, claim.Review.State);
        Assert.Equal(claim.Headline, claim.PublishedHeadline);
        Assert.Empty(claim.Review.Authors.Names);
    }

    [Fact]
    public void ChangeToAPublishedClaim_IsPending_AndReadersKeepTheApprovedHeadline()
    {
        var claim = Published();

        claim.Edit(ArmsDraft("Nordkorea liefert Russland Raketen – neue Überschrift"), Editor, Now);

        Assert.Equal(ReviewState.Draft, claim.Review.State);
        Assert.True(claim.HasPendingChanges);
        Assert.True(claim.IsPublic);
        Assert.Equal("Nordkorea liefert Artillerie und Raketen an Russland", claim.PublishedHeadline);
    }

    [Fact]
    public void ChangingOnlyTheReviewDateOrAssignment_LeavesNothingPending()
    {
        var claim = Published();

        claim.Edit(ArmsDraft() with { ReviewBy = new DateOnly(2025, 1, 31), ReviewIntervalDays = 14 }, Editor, Now);
        claim.AssignTo("someone@example.org", Editor, Now);

        Assert.Equal(ReviewState.Approved, claim.Review.State);
        Assert.Empty(claim.Review.Authors.Names);
    }

    [Fact]
    public void StatusChangeOnPublishedClaim_IsPublishedAsAnUpdate()
    {
        var claim = Published();
        claim.AttachSource(3, SourceStance.Supports, null, null, Editor, Now);
        claim.ChangeStatus(Status("corroborated", 5), new DateOnly(2024, 11, 30), Reason, [3], null, Editor, Now);
        claim.Submit(Editor, null, false, null, Now);

        var approval = claim.Approve(StaffMember.Reviewer(Reviewer), Now);

        Assert.Equal((2, VersionKind.Update), (approval.Number, approval.Kind));
        Assert.All(claim.StatusChanges, c => Assert.NotNull(c.PublishedAtUtc));
    }

    [Fact]
    public void Correction_NeedsAPublicNote_AndIsPublishedAsACorrection()
    {
        var claim = Published();
        claim.Edit(ArmsDraft("Nordkorea liefert Artillerie und Raketen an Russland (Datum berichtigt)"), Editor, Now);

        var missing = Assert.Throws<DomainRuleException>(() => claim.Submit(Editor, null, true, "  ", Now));
        Assert.Equal("CorrectionNote", missing.Field);

        claim.Submit(Editor, null, true, "Das Datum der ersten Behauptung war falsch (15. statt 16. August 2023).", Now);
        var approval = claim.Approve(StaffMember.Reviewer(Reviewer), Now);

        Assert.Equal(VersionKind.Correction, approval.Kind);
        Assert.Equal("Das Datum der ersten Behauptung war falsch (15. statt 16. August 2023).", approval.CorrectionNote);
    }

    [Fact]
    public void CorrectingAPublishedVerdict_MustBeSubmittedAsACorrection()
    {
        var claim = ArmsClaim();
        claim.AttachSource(3, SourceStance.Supports, null, null, Editor, Now);
        var first = WithId(claim.ChangeStatus(Status("confirmed", 6), new DateOnly(2024, 11, 30), Reason, [3], null, Editor, Now), 40);
        claim.Submit(Editor, null, false, null, Now);
        claim.Approve(StaffMember.Reviewer(Reviewer), Now);
        claim.ChangeStatus(Status("corroborated", 5), new DateOnly(2024, 11, 30), Reason, [3], first.Id, Editor, Now);

        var refused = Assert.Throws<DomainRuleException>(() => claim.Submit(Editor, null, false, null, Now));

        Assert.Equal("AsCorrection", refused.Field);
    }

    [Fact]
    public void FirstPublication_CannotBeACorrection()
    {
        var claim = ArmsClaim();

        Assert.Equal("AsCorrection", Assert.Throws<DomainRuleException>(() => claim.Submit(Editor, null, true, "Fehler", Now)).Field);
    }

    [Fact]
    public void SendBack_NeedsAComment_AndReturnsTheClaimToItsSubmitter()
    {
        var claim = ArmsClaim();
        claim.Submit(Editor, null, false, null, Now);

        Assert.Equal("Comment", Assert.Throws<DomainRuleException>(() => claim.SendBack(StaffMember.Reviewer(Reviewer), " ", Now)).Field);
        claim.SendBack(StaffMember.Reviewer(Reviewer), "Bitte die Quelle 003 ergänzen.", Now);

        Assert.Equal((ReviewState.SentBack, Editor, "Bitte die Quelle 003 ergänzen."), (claim.Review.State, claim.Review.SubmittedBy, claim.Review.SentBackComment));
        Assert.False(claim.Review.CanApprove(StaffMember.Reviewer(Reviewer)).Succeeded);
    }

    [Fact]
    public void SubmittingTwice_OrSubmittingNothing_IsRefused()
    {
        var claim = ArmsClaim();
        claim.Submit(Editor, null, false, null, Now);
        Assert.Throws<DomainRuleException>(() => claim.Submit(Editor, null, false, null, Now));

        var published = Published();
        Assert.Contains("Nothing to submit", Assert.Throws<DomainRuleException>(() => published.Submit(Editor, null, false, null, Now)).Message);
    }

    [Fact]
    public void Withdraw_NeedsAReviewerAndAPublicNote_AndRepublishingNeedsAnotherApproval()
    {
        var claim = Published();

        Assert.Throws<DomainRuleException>(() => claim.Withdraw(StaffMember.Editor(Editor), "Grund", Now));
        Assert.Equal("Note", Assert.Throws<DomainRuleException>(() => claim.Withdraw(StaffMember.Reviewer(Reviewer), "", Now)).Field);
        claim.Withdraw(StaffMember.Reviewer(Reviewer), "Die Quelle hat ihren Bericht zurückgezogen.", Now);
        Assert.False(claim.IsPublic);

        claim.Submit(Editor, "Wieder veröffentlichen", false, null, Now);
        Assert.Equal(VersionKind.Republication, claim.Approve(StaffMember.Reviewer(Reviewer), Now).Kind);
        Assert.True(claim.IsPublic);
        Assert.Null(claim.WithdrawalNote);
    }

    [Fact]
    public void OpenStatus_SetsTheNextReviewDate_FinalVerdictClearsIt()
    {
        var claim = ArmsClaim();
        claim.AttachSource(3, SourceStance.Supports, null, null, Editor, Now);

        claim.ChangeStatus(Status("open", 1), new DateOnly(2024, 11, 1), Reason, [], null, Editor, Now, defaultReviewDays: 30);
        Assert.Equal(new DateOnly(2024, 12, 30), claim.ReviewBy);

        claim.Edit(ArmsDraft() with { ReviewIntervalDays = 7, ReviewBy = claim.ReviewBy }, Editor, Now);
        claim.ChangeStatus(Status("corroborated", 5), new DateOnly(2024, 11, 30), Reason, [3], null, Editor, Now, defaultReviewDays: 30);
        Assert.Equal(new DateOnly(2024, 12, 7), claim.ReviewBy);

        claim.ChangeStatus(Status("confirmed", 6), new DateOnly(2024, 12, 1), Reason, [3], null, Editor, Now, defaultReviewDays: 30);
        Assert.Null(claim.ReviewBy);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(731)]
    public void ReviewInterval_OutOfRange_IsRefused(int days) =>
        Assert.Contains(Claim.Validate(ArmsDraft() with { ReviewIntervalDays = days }), e => e.Field == "ReviewIntervalDays");

    private static Claim Published()
    {
        var claim = ArmsClaim();
        claim.Submit(Editor, null, false, null, Now);
        claim.Approve(StaffMember.Reviewer(Reviewer), Now);
        return claim;
    }
}
