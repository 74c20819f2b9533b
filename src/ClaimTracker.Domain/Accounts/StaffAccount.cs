namespace ClaimTracker.Domain.Accounts;

/// <summary>What the account rules need to know about a staff member.</summary>
public sealed record StaffAccount(string Id, IReadOnlyCollection<string> Roles, bool IsDisabled)
{
    public bool IsActiveAdmin => !IsDisabled && Roles.Contains(Accounts.Roles.Admin);
}
