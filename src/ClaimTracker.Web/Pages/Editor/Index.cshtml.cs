using ClaimTracker.Domain.Accounts;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ClaimTracker.Web.Pages.Editor;

/// <summary>The editors' start page; the claim lists of the editor workspace land here.</summary>
public sealed class IndexModel : PageModel
{
    public IReadOnlyList<string> MyRoles { get; private set; } = [];

    public void OnGet() => MyRoles = Roles.All.Where(User.IsInRole).ToList();
}
