using Microsoft.AspNetCore.Mvc;

namespace ClaimTracker.Web.Pages.Admin.Users;

internal static class SetPasswordLink
{
    /// <summary>TempData key under which the account page shows a link just made (after creating the account or a reset).</summary>
    public const string TempDataKey = "SetPasswordLink";

    /// <summary>The absolute address an admin hands to a colleague to set their password: on the site's configured address.</summary>
    public static string For(IUrlHelper url, HttpRequest request, string userId, string token) =>
        request.HttpContext.RequestServices.GetRequiredService<Hosting.SiteAddress>().Origin(request)
        + (url.Page("/Account/SetPassword", pageHandler: null, values: new { user = userId, token })
           ?? throw new InvalidOperationException("The set-password page has no route."));
}
