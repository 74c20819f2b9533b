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

    public static void Configure(AuthorizationOptions options)
    {
        options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
        options.AddPolicy(Admin, p => p.RequireAuthenticatedUser().RequireRole(Roles.Admin));
        // Editor pages are for editors; admins may work there too.
        options.AddPolicy(Editor, p => p.RequireAuthenticatedUser().RequireRole(Roles.Editor, Roles.Admin));
    }
}
