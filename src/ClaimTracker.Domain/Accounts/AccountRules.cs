namespace ClaimTracker.Domain.Accounts;

/// <summary>
/// What an administrator may do to staff accounts. The rules keep the newsroom from locking
/// itself out: nobody disables or demotes themselves, and the last active admin stays an admin.
/// </summary>
public static class AccountRules
{
    /// <summary>Checks a role list typed into a form: known roles only, at least one.</summary>
    public static RuleResult CheckRoles(IEnumerable<string> roles)
    {
        var list = roles.ToList();
        var unknown = list.Where(r => !Roles.IsKnown(r)).ToList();
        if (unknown.Count > 0)
        {
            return RuleResult.Fail($"Unknown role: {string.Join(", ", unknown)}. Roles are {string.Join(", ", Roles.All)}.");
        }
        return list.Count == 0
            ? RuleResult.Fail("Choose at least one role.")
            : RuleResult.Ok;
    }

    public static RuleResult CanChangeRoles(StaffAccount actor, StaffAccount target, IEnumerable<string> newRoles,
        int activeAdminCount)
    {
        var roles = newRoles.ToList();
        var check = CheckRoles(roles);
        if (!check.Succeeded)
        {
            return check;
        }
        var losesAdmin = target.Roles.Contains(Roles.Admin) && !roles.Contains(Roles.Admin);
        if (losesAdmin && actor.Id == target.Id)
        {
            return RuleResult.Fail("You cannot remove your own Admin role. Ask another admin to do it.");
        }
        if (losesAdmin && target.IsActiveAdmin && activeAdminCount <= 1)
        {
            return RuleResult.Fail("This is the last active admin. Make someone else an admin first.");
        }
        return RuleResult.Ok;
    }

    public static RuleResult CanDisable(StaffAccount actor, StaffAccount target, int activeAdminCount)
    {
        if (target.IsDisabled)
        {
            return RuleResult.Fail("This account is already disabled.");
        }
        if (actor.Id == target.Id)
        {
            return RuleResult.Fail("You cannot disable your own account.");
        }
        if (target.IsActiveAdmin && activeAdminCount <= 1)
        {
            return RuleResult.Fail("This is the last active admin. Make someone else an admin first.");
        }
        return RuleResult.Ok;
    }

    public static RuleResult CanEnable(StaffAccount target) =>
        target.IsDisabled ? RuleResult.Ok : RuleResult.Fail("This account is already enabled.");
}
