using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ClaimTracker.Web.Pages;

public sealed class IndexModel : PageModel
{
    public void OnGet()
    {
    }
}
