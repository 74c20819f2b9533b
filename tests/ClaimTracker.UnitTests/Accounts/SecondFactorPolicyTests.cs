using ClaimTracker.Domain;
using ClaimTracker.Domain.Accounts;

namespace ClaimTracker.UnitTests.Accounts;

public sealed class SecondFactorPolicyTests
{
    [Fact]
    public void APersonWithSeveralRoles_MustUseOne_WhenAnyOfTheirRolesRequiresIt()
    {
        var policy = SecondFactorPolicy.For([Roles.Admin]);

        Assert.True(policy.AppliesTo([Roles.Editor, Roles.Admin]));
        Assert.False(policy.AppliesTo([Roles.Editor, Roles.Reviewer]));
        Assert.False(SecondFactorPolicy.None.AppliesTo(Roles.All));
    }

    [Fact]
    public void StoredForm_RoundTrips_InTheRolesOrder_AndForgetsRolesThatNoLongerExist()
    {
        var policy = SecondFactorPolicy.For([Roles.Reviewer, Roles.Admin, Roles.Admin]);

        Assert.Equal("Admin,Reviewer", policy.ToString());
        Assert.Equal(policy, SecondFactorPolicy.Parse(policy.ToString()));
        Assert.Equal([Roles.Editor], SecondFactorPolicy.Parse(" Editor , Praktikant,").RequiredRoles);
        Assert.Empty(SecondFactorPolicy.Parse(null).RequiredRoles);
    }

    [Fact]
    public void AnUnknownRole_IsAnError_NotASilentlyWeakerRule()
    {
        var error = Assert.Throws<DomainRuleException>(() => SecondFactorPolicy.For([Roles.Admin, "admin"]));
        Assert.Contains("“admin” is not a role", error.Message);
    }
}
