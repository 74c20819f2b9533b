namespace ClaimTracker.Tests.Shared;

/// <summary>
/// Every staff page a signed-in admin (all roles) opens without a form posted first; <c>{id}</c> stands for a claim's id.
/// The accessibility check and the German desk check walk the same list.
/// </summary>
public static class StaffPages
{
    public static readonly IReadOnlyList<string> All =
    [
        "/editor", "/editor/inbox", "/editor/mywork", "/editor/activity", "/editor/claims", "/editor/claims/new",
        "/editor/claims/details/{id}", "/editor/claims/edit/{id}", "/editor/claims/status/{id}", "/editor/claims/statement/{id}",
        "/editor/claims/source/{id}", "/editor/claims/review/{id}", "/editor/sources", "/editor/actors", "/editor/reports",
        "/editor/reviews", "/editor/import", "/admin/users", "/admin/users/create", "/admin/audit", "/admin/statuses", "/admin/settings",
        "/account/security", "/account/changepassword",
    ];

    /// <summary>The list with <c>{id}</c> replaced by a claim's id.</summary>
    public static string[] For(int claimId) => All.Select(p => p.Replace("{id}", claimId.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToArray();
}
