using ClaimTracker.Domain.Accounts;
using Microsoft.AspNetCore.Authorization;

namespace ClaimTracker.Web.Authorization;

/// <summary>
/// Secure by default: every page needs a signed-in user unless it opts out; folders add role rules.
/// </summary>
public static class Policies
{
    public const string Admin = "RequireAdmin";
    public const string Editor = "RequireEditor";
    public const string Reviewer = "RequireReviewer";
    public const string Staff = "RequireStaff";

    /// <summary>Editors and admins change claims, actors, sources and reports; reviewers only read them.</summary>
    public static bool CanEdit(this System.Security.Claims.ClaimsPrincipal user) =>
        user.IsInRole(Roles.Editor) || user.IsInRole(Roles.Admin);

    /// <summary>Reviewers and admins approve, send back and withdraw claims (the four-eye rule is the domain's).</summary>
    public static bool CanReview(this System.Security.Claims.ClaimsPrincipal user) =>
        user.IsInRole(Roles.Reviewer) || user.IsInRole(Roles.Admin);

    /// <summary>The signed-in user as the domain's rules see a person on the desk: their address and the roles they hold.</summary>
    public static StaffMember AsStaff(this System.Security.Claims.ClaimsPrincipal user) =>
        new(user.Identity?.Name ?? string.Empty, Roles.All.Where(user.IsInRole).ToList());

    public static void Configure(AuthorizationOptions options)
    {
        options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
        options.AddPolicy(Admin, p => p.RequireAuthenticatedUser().RequireRole(Roles.Admin));
        // Editor pages are for editors; admins may work there too.
        options.AddPolicy(Editor, p => p.RequireAuthenticatedUser().RequireRole(Roles.Editor, Roles.Admin));
        // The desk as a whole: reviewers read what they review there.
        options.AddPolicy(Staff, p => p.RequireAuthenticatedUser().RequireRole(Roles.Editor, Roles.Reviewer, Roles.Admin));
        options.AddPolicy(Reviewer, p => p.RequireAuthenticatedUser().RequireRole(Roles.Reviewer, Roles.Admin));
    }
}
