using ClaimTracker.Domain.Accounts;
using ClaimTracker.Domain;
using ClaimTracker.Domain.Claims;
using static ClaimTracker.UnitTests.Claims.ClaimBuilder;

namespace ClaimTracker.UnitTests.Claims;

public sealed class ClaimTests
{
    private static readonly ClaimTracker.Domain.Text.SanitisedHtml Reason = SanitisedHtmlFor("<p>US-Vorwurf, beide dementieren.</p>");

    [Fact]
    public void Validate_HeadlineOver120_NamesFieldAndLimit()
    {
        var errors = Claim.Validate(ArmsDraft(new string('N', 121)));
        Assert.Contains(errors, e => e.Field == "Headline" && e.Message == "Headline can have at most 120 characters (this has 121).");
    }

    [Fact]
    public void Validate_EmptyDraft_ListsEveryMissingField()
    {
        var errors = Claim.Validate(ArmsDraft("") with { OriginalText = " ", Language = "deutsch" });
        Assert.Equal(["Headline", "Language", "OriginalText"], errors.Select(e => e.Field).Distinct().Order());
    }

    [Fact]
    public void Validate_TranslatorWithoutTranslation_IsRefused() =>
        Assert.Contains(Claim.Validate(ArmsDraft() with { Translation = null, Translator = "DeepL" }), e => e.Field == "Translation");

    [Fact]
    public void Create_NormalisesLanguageTagAndChangesVersion()
    {
        var claim = Claim.Create(ArmsDraft() with { Language = "DE-at" }, "slug", "editor@example.org", Now);
        Assert.Equal("de-AT", claim.Language);
        Assert.NotEqual(Guid.Empty, claim.Version);
    }

    [Fact]
    public void Edit_Headline_KeepsTheSlugAndChangesTheVersion()
    {
        var claim = ArmsClaim();
        var version = claim.Version;

        claim.Edit(ArmsDraft("Nordkorea liefert Waffen – neue Überschrift"), "other@example.org", Now.AddDays(1));

        Assert.Equal("nordkorea-liefert-waffen", claim.Slug);
        Assert.NotEqual(version, claim.Version);
        Assert.Equal("other@example.org", claim.UpdatedBy);
    }

    [Fact]
    public void ChangeSlug_OfANeverPublishedClaim_TakesEffectAtOnce()
    {
        var claim = ArmsClaim();
        claim.ChangeSlug("waffenlieferungen-nordkorea", "e@example.org", Now);
        Assert.Equal("waffenlieferungen-nordkorea", claim.Slug);
        Assert.Null(claim.PendingSlug);
    }

    [Fact]
    public void ChangeSlug_OfAPublishedClaim_WaitsForApprovalWhichNamesTheOldSlug()
    {
        var claim = PublishedArmsClaim();

        claim.ChangeSlug("waffenlieferungen-nordkorea", "e@example.org", Now);
        Assert.Equal("nordkorea-liefert-waffen", claim.Slug);
        Assert.Equal("waffenlieferungen-nordkorea", claim.WorkingSlug);
        Assert.True(claim.HasPendingChanges);

        claim.Submit("e@example.org", null, false, null, Now);
        var approval = claim.Approve(StaffMember.Reviewer("r@example.org"), Now);
        Assert.Equal("nordkorea-liefert-waffen", approval.PreviousSlug);
        Assert.Equal("waffenlieferungen-nordkorea", claim.Slug);
        Assert.Null(claim.PendingSlug);
    }

    [Fact]
    public void ChangeSlug_BackToThePublicSlug_LeavesNothingPendingForTheSlug()
    {
        var claim = PublishedArmsClaim();
        claim.ChangeSlug("waffenlieferungen-nordkorea", "e@example.org", Now);

        claim.ChangeSlug("nordkorea-liefert-waffen", "e@example.org", Now);

        Assert.Null(claim.PendingSlug);
        claim.Submit("e@example.org", null, false, null, Now);
        Assert.Null(claim.Approve(StaffMember.Reviewer("r@example.org"), Now).PreviousSlug);
    }

    /// <summary>The arms claim as a reviewer approved it: readers see version 1.</summary>
    private static Claim PublishedArmsClaim()
    {
        var claim = ArmsClaim();
        claim.Submit("e@example.org", null, false, null, Now);
        claim.Approve(StaffMember.Reviewer("r@example.org"), Now);
        return claim;
    }

    [Fact]
    public void ChangeStatus_VerdictWithoutSource_IsRefused()
    {
        var claim = ArmsClaim();
        var error = Assert.Throws<DomainRuleException>(() =>
            claim.ChangeStatus(Status("corroborated", 5), new DateOnly(2024, 11, 30), Reason, [], null, "e@example.org", Now));
        Assert.Equal("SourceIds", error.Field);
        Assert.Contains("verdict", error.Message);
    }

    [Fact]
    public void ChangeStatus_OpenWithoutSource_IsAllowed()
    {
        var claim = ArmsClaim();
        claim.ChangeStatus(Status("open", 1), new DateOnly(2023, 8, 15), Reason, [], null, "e@example.org", Now);
        Assert.Equal(1, claim.CurrentStatusId);
    }

    [Fact]
    public void ChangeStatus_EmptyRationale_IsRefused() =>
        Assert.Equal("Rationale", Assert.Throws<DomainRuleException>(() => ArmsClaim().ChangeStatus(Status("open", 1),
            new DateOnly(2023, 8, 15), ClaimTracker.Domain.Text.SanitisedHtml.Empty, [], null, "e@example.org", Now)).Field);

    [Fact]
    public void ChangeStatus_FutureEvidence_IsRefused() =>
        Assert.Equal("EffectiveOn", Assert.Throws<DomainRuleException>(() => ArmsClaim().ChangeStatus(Status("open", 1),
            new DateOnly(2025, 1, 1), Reason, [], null, "e@example.org", Now)).Field);

    [Fact]
    public void ChangeStatus_SourceNotAttached_IsRefused()
    {
        var claim = ArmsClaim();
        Assert.Throws<DomainRuleException>(() =>
            claim.ChangeStatus(Status("unproven", 4), new DateOnly(2024, 6, 19), Reason, [99], null, "e@example.org", Now));
    }

    [Fact]
    public void CurrentStatus_IsTheLatestByEffectiveDate_NotByRecordingOrder()
    {
        var claim = ArmsClaim();
        claim.AttachSource(10, SourceStance.Supports, null, null, "e@example.org", Now);
        claim.ChangeStatus(Status("corroborated", 5), new DateOnly(2024, 11, 30), Reason, [10], null, "e@example.org", Now);
        // Recorded later, but the evidence is older: it goes into the history without becoming current.
        claim.ChangeStatus(Status("unproven", 4), new DateOnly(2024, 6, 19), Reason, [10], null, "e@example.org", Now.AddHours(1));

        Assert.Equal(5, claim.CurrentStatusId);
        Assert.Equal(new DateOnly(2024, 11, 30), claim.CurrentStatusSince);
        Assert.Equal(2, claim.StatusChanges.Count);
    }

    [Fact]
    public void Correction_ReplacesTheCorrectedEntryInTheStandingHistory()
    {
        var claim = ArmsClaim();
        claim.AttachSource(10, SourceStance.Supports, null, null, "e@example.org", Now);
        var wrong = WithId(claim.ChangeStatus(Status("confirmed", 6), new DateOnly(2024, 11, 30), Reason, [10], null, "e@example.org", Now), 100);

        claim.ChangeStatus(Status("corroborated", 5), new DateOnly(2024, 11, 30), Reason, [10], wrong.Id, "e@example.org", Now.AddHours(1));

        Assert.Equal(5, claim.CurrentStatusId);
        Assert.Equal(2, claim.StatusChanges.Count);
        Assert.DoesNotContain(wrong, claim.StandingHistory());
    }

    [Fact]
    public void Correction_OfAnEntryAlreadyCorrected_IsRefused()
    {
        var claim = ArmsClaim();
        claim.AttachSource(10, SourceStance.Supports, null, null, "e@example.org", Now);
        var wrong = WithId(claim.ChangeStatus(Status("confirmed", 6), new DateOnly(2024, 11, 30), Reason, [10], null, "e@example.org", Now), 100);
        WithId(claim.ChangeStatus(Status("corroborated", 5), new DateOnly(2024, 11, 30), Reason, [10], wrong.Id, "e@example.org", Now), 101);

        var error = Assert.Throws<DomainRuleException>(() =>
            claim.ChangeStatus(Status("unproven", 4), new DateOnly(2024, 11, 30), Reason, [10], wrong.Id, "e@example.org", Now));
        Assert.Contains("already corrected", error.Message);
    }

    [Fact]
    public void AttachSource_TwiceWithTheSameStance_IsRefused()
    {
        var claim = ArmsClaim();
        claim.AttachSource(10, SourceStance.Supports, null, null, "e@example.org", Now);
        Assert.Throws<DomainRuleException>(() => claim.AttachSource(10, SourceStance.Supports, "„anders zitiert“", null, "e@example.org", Now));
    }

    [Fact]
    public void AddStatement_CitingAnUnattachedSource_IsRefused() =>
        Assert.Throws<DomainRuleException>(() => ArmsClaim().AddStatement(
            new Statement.Draft(3, Stance.Denies, new DateOnly(2024, 6, 19), null, "de", null, [42]), "e@example.org", Now));

    [Fact]
    public void AddStatement_DenialThenConfirmation_AreTwoEntries()
    {
        var claim = ArmsClaim();
        claim.AddStatement(new Statement.Draft(3, Stance.Denies, new DateOnly(2024, 6, 19), "dementiert", "de", null, []), "e@example.org", Now);
        claim.AddStatement(new Statement.Draft(3, Stance.Confirms, new DateOnly(2025, 4, 28), null, "de", null, []), "e@example.org", Now);
        Assert.Equal([Stance.Denies, Stance.Confirms], claim.Statements.Select(s => s.Stance));
    }

    [Fact]
    public void AddStatement_Joint_NamesEveryoneOnce_FirstNamedFirst()
    {
        var claim = ArmsClaim();
        var statement = claim.AddStatement(new Statement.Draft(3, Stance.Denies, new DateOnly(2024, 6, 18), "dementiert", "de", null, [],
            [4, 3, 4, 0, 5]), "e@example.org", Now);
        Assert.Equal([3, 4, 5], statement.ActorIds);
    }

    [Fact]
    public void Statement_JointWithTooManyParties_IsRefused()
    {
        var draft = new Statement.Draft(1, Stance.Denies, new DateOnly(2024, 6, 18), null, "de", null, [],
            Enumerable.Range(2, Statement.MaxJointActors + 1).ToList());
        Assert.Equal(nameof(Statement.Draft.JointActorIds), Assert.Single(Statement.Validate(draft)).Field);
    }

    [Fact]
    public void SetParent_Itself_IsRefused()
    {
        var claim = ArmsClaim(7);
        Assert.Throws<DomainRuleException>(() => claim.SetParent(7, [], "e@example.org", Now));
    }

    [Fact]
    public void SetParent_OwnSubClaim_IsRefused()
    {
        var claim = ArmsClaim(7);
        // Claim 9's parent chain contains 7: making 9 the parent of 7 would be a cycle.
        Assert.Throws<DomainRuleException>(() => claim.SetParent(9, [7], "e@example.org", Now));
    }

    [Fact]
    public void SetParticipants_ReplacesClaimantsAndSubjects()
    {
        var claim = ArmsClaim();
        claim.SetParticipants([1, 2], [3, 4], "e@example.org", Now);
        claim.SetParticipants([1], [3, 4, 5], "e@example.org", Now);
        Assert.Equal([(1, ClaimRole.Claimant), (3, ClaimRole.Subject), (4, ClaimRole.Subject), (5, ClaimRole.Subject)],
            claim.Actors.Select(a => (a.ActorId, a.Role)).Order());
    }

    [Fact]
    public void DetachSource_RestedOnByAStatus_IsRefused()
    {
        var claim = ArmsClaim();
        claim.AttachSource(10, SourceStance.Supports, null, null, "e@example.org", Now);
        claim.ChangeStatus(Status("unproven", 4), new DateOnly(2024, 6, 19), Reason, [10], null, "e@example.org", Now);
        Assert.Contains("status change rests on this source",
            Assert.Throws<DomainRuleException>(() => claim.DetachSource(10, null, "e@example.org", Now)).Message);
    }

    [Fact]
    public void OneSource_CitedWithTwoStances_IsTwoCitations_EachEditedAndDetachedOnItsOwn()
    {
        var claim = ArmsClaim();
        claim.AttachSource(10, SourceStance.Supports, "„geliefert“", null, "e@example.org", Now);
        claim.AttachSource(10, SourceStance.ReportsDenial, "„dementiert“", null, "e@example.org", Now);
        Assert.Throws<DomainRuleException>(() => claim.AttachSource(10, SourceStance.Supports, null, null, "e@example.org", Now));
        Assert.Equal([SourceStance.Supports, SourceStance.ReportsDenial], claim.Sources.Select(s => s.Stance));
        // Which citation must be said when there are two.
        Assert.Contains("more than once", Assert.Throws<DomainRuleException>(() =>
            claim.EditSourceLink(10, null, SourceStance.Context, null, null, "e@example.org", Now)).Message);
        Assert.Throws<DomainRuleException>(() => claim.EditSourceLink(10, SourceStance.Supports, SourceStance.ReportsDenial, null, null, "e@example.org", Now));
        claim.EditSourceLink(10, SourceStance.Supports, SourceStance.Context, "„Kontext“", null, "e@example.org", Now);
        Assert.Equal([(SourceStance.ReportsDenial, "„dementiert“"), (SourceStance.Context, "„Kontext“")],
            claim.Sources.Select(s => (s.Stance, s.Quote!)).OrderByDescending(s => s.Item1 == SourceStance.ReportsDenial));
        // A status resting on the source keeps its last citation, not every citation.
        claim.ChangeStatus(Status("unproven", 4), new DateOnly(2024, 6, 19), Reason, [10], null, "e@example.org", Now);
        claim.DetachSource(10, SourceStance.Context, "e@example.org", Now);
        Assert.Throws<DomainRuleException>(() => claim.DetachSource(10, SourceStance.ReportsDenial, "e@example.org", Now));
        Assert.Equal(SourceStance.ReportsDenial, Assert.Single(claim.Sources).Stance);
    }

    [Fact]
    public void DetachSource_Unused_RemovesTheLink()
    {
        var claim = ArmsClaim();
        claim.AttachSource(10, SourceStance.Supports, null, null, "e@example.org", Now);
        claim.DetachSource(10, null, "e@example.org", Now);
        Assert.Empty(claim.Sources);
    }

    [Fact]
    public void EditStatement_ChangingTheStance_IsRefused()
    {
        var claim = ArmsClaim();
        var statement = WithId(claim.AddStatement(new Statement.Draft(3, Stance.Denies, new DateOnly(2024, 6, 19), "x", "de", null, []), "e@example.org", Now), 5);
        Assert.Throws<DomainRuleException>(() =>
            claim.EditStatement(statement.Id, new Statement.Draft(3, Stance.Confirms, new DateOnly(2024, 6, 19), "x", "de", null, []), "e@example.org", Now));
        claim.EditStatement(statement.Id, new Statement.Draft(3, Stance.Denies, new DateOnly(2024, 6, 20), "korrigiert", "de", null, []), "e@example.org", Now);
        Assert.Equal(("korrigiert", new DateOnly(2024, 6, 20)), (statement.Quote, statement.MadeOn));
    }

    [Fact]
    public void AddRelation_ToItself_IsRefused() =>
        Assert.Throws<DomainRuleException>(() => ArmsClaim(3).AddRelation(RelationKind.Contradicts, 3, "e@example.org", Now));
}
