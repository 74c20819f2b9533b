using ClaimTracker.Infrastructure.Claims;
using ClaimTracker.Infrastructure.Feedback;
using ClaimTracker.Web.Hosting;
using ClaimTracker.Web.Pages.Editor;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace ClaimTracker.Web.Pages.Claims;

/// <summary>
/// Readers report errors or new evidence on a published claim: no account, antiforgery, rate-limited,
/// optional email, and a honeypot field that bots fill and people do not see.
/// </summary>
[EnableRateLimiting(SecuritySetup.PublicFormsPolicy)]
public sealed class ReportModel(PublicClaimPage claims, ReaderReports reports) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [FromQuery(Name = "sent")]
    public bool Sent { get; set; }

    public string Slug { get; private set; } = string.Empty;

    public string Headline { get; private set; } = string.Empty;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken) =>
        await LoadAsync(slug, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(string slug, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(slug, cancellationToken))
        {
            return NotFound();
        }
        if (!string.IsNullOrEmpty(Input.Website))
        {
            // A bot filled the hidden field: answer as if all went well, keep nothing.
            return RedirectToPage(new { slug, sent = true });
        }
        var result = await reports.ReceiveAsync(slug, Input.Message, Input.Email, cancellationToken);
        if (!result.Succeeded)
        {
            ModelState.AddFieldErrors(result.Errors);
            return Page();
        }
        return RedirectToPage(new { slug, sent = true });
    }

    private async Task<bool> LoadAsync(string slug, CancellationToken cancellationToken)
    {
        if ((await claims.BySlugAsync(slug, cancellationToken: cancellationToken)).Claim is not { } claim)
        {
            return false;
        }
        (Slug, Headline) = (claim.Slug, claim.Headline);
        return true;
    }

    public sealed class InputModel
    {
        public string? Message { get; set; }

        public string? Email { get; set; }

        /// <summary>The honeypot.</summary>
        public string? Website { get; set; }
    }
}
