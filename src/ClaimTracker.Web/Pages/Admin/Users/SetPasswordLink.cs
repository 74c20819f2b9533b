using Microsoft.AspNetCore.Mvc;

namespace ClaimTracker.Web.Pages.Admin.Users;

internal static class SetPasswordLink
{
    /// <summary>The absolute address an admin hands to a colleague to set their password.</summary>
    public static string For(IUrlHelper url, HttpRequest request, string userId, string token) =>
        url.Page("/Account/SetPassword", pageHandler: null, values: new { user = userId, token }, protocol: request.Scheme)
        ?? throw new InvalidOperationException("The set-password page has no route.");
}
