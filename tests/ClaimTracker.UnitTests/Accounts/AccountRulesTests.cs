using ClaimTracker.Domain.Accounts;

namespace ClaimTracker.UnitTests.Accounts;

public sealed class AccountRulesTests
{
    private static readonly StaffAccount Admin = new("admin", [Roles.Admin], IsDisabled: false);
    private static readonly StaffAccount OtherAdmin = new("admin-2", [Roles.Admin, Roles.Reviewer], IsDisabled: false);
    private static readonly StaffAccount Editor = new("editor", [Roles.Editor], IsDisabled: false);

    [Fact]
    public void CheckRoles_Empty_AsksForOne() =>
        Assert.Equal("Choose at least one role.", AccountRules.CheckRoles([]).Error);

    [Fact]
    public void CheckRoles_UnknownRole_IsNamed()
    {
        var result = AccountRules.CheckRoles([Roles.Editor, "Chefredakteur"]);
        Assert.False(result.Succeeded);
        Assert.Contains("Chefredakteur", result.Error);
    }

    [Fact]
    public void CheckRoles_SeveralKnownRoles_Pass() =>
        Assert.True(AccountRules.CheckRoles([Roles.Editor, Roles.Reviewer]).Succeeded);

    [Fact]
    public void CanChangeRoles_AdminRemovingOwnAdminRole_IsRefused()
    {
        var result = AccountRules.CanChangeRoles(Admin, Admin, [Roles.Editor], activeAdminCount: 2);
        Assert.False(result.Succeeded);
        Assert.Contains("your own Admin role", result.Error);
    }

    [Fact]
    public void CanChangeRoles_DemotingTheLastActiveAdmin_IsRefused()
    {
        var result = AccountRules.CanChangeRoles(OtherAdmin, Admin, [Roles.Editor], activeAdminCount: 1);
        Assert.False(result.Succeeded);
        Assert.Contains("last active admin", result.Error);
    }

    [Fact]
    public void CanChangeRoles_DemotingOneOfTwoAdmins_IsAllowed() =>
        Assert.True(AccountRules.CanChangeRoles(OtherAdmin, Admin, [Roles.Editor], activeAdminCount: 2).Succeeded);

    [Fact]
    public void CanChangeRoles_AddingRolesToEditor_IsAllowed() =>
        Assert.True(AccountRules.CanChangeRoles(Admin, Editor, [Roles.Editor, Roles.Reviewer], activeAdminCount: 1).Succeeded);

    [Fact]
    public void CanDisable_Self_IsRefused() =>
        Assert.Contains("your own account", AccountRules.CanDisable(Admin, Admin, activeAdminCount: 2).Error);

    [Fact]
    public void CanDisable_LastActiveAdmin_IsRefused()
    {
        var disabledActor = OtherAdmin with { IsDisabled = false };
        Assert.Contains("last active admin", AccountRules.CanDisable(disabledActor, Admin, activeAdminCount: 1).Error);
    }

    [Fact]
    public void CanDisable_Editor_IsAllowed() =>
        Assert.True(AccountRules.CanDisable(Admin, Editor, activeAdminCount: 1).Succeeded);

    [Fact]
    public void CanDisable_AlreadyDisabled_SaysSo() =>
        Assert.Contains("already disabled", AccountRules.CanDisable(Admin, Editor with { IsDisabled = true }, 1).Error);

    [Fact]
    public void CanEnable_OnlyDisabledAccounts()
    {
        Assert.True(AccountRules.CanEnable(Editor with { IsDisabled = true }).Succeeded);
        Assert.False(AccountRules.CanEnable(Editor).Succeeded);
    }

    [Fact]
    public void IsActiveAdmin_DisabledAdmin_DoesNotCount() =>
        Assert.False((Admin with { IsDisabled = true }).IsActiveAdmin);
}
