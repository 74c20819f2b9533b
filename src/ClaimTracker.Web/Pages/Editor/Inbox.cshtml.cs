using ClaimTracker.Infrastructure.Notifications;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ClaimTracker.Web.Pages.Editor;

/// <summary>What waits for the signed-in staff member: submissions to review, work sent back or approved, assignments,
/// reader reports, mentions. Opening one marks it read and goes to its claim.</summary>
public sealed class InboxModel(Inbox inbox) : PageModel
{
    public InboxPage Notifications { get; private set; } = new([], null);

    [BindProperty(SupportsGet = true)]
    public int? Before { get; set; }

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Notifications = await inbox.PageAsync(User.Identity!.Name!, Before, cancellationToken);

    public async Task<IActionResult> OnPostOpenNotificationAsync(int id, CancellationToken cancellationToken)
    {
        var (found, claimId) = await inbox.OpenAsync(User.Identity!.Name!, id, cancellationToken);
        if (!found)
        {
            return NotFound();
        }
        return claimId is { } claim ? RedirectToPage("/Editor/Claims/Details", new { id = claim }) : RedirectToPage();
    }

    public async Task<IActionResult> OnPostReadAllNotificationsAsync(CancellationToken cancellationToken)
    {
        var count = await inbox.MarkAllReadAsync(User.Identity!.Name!, cancellationToken);
        StatusMessage = count == 1 ? "1 notification marked as read." : $"{count} notifications marked as read.";
        return RedirectToPage();
    }
}
