using ClaimTracker.Web.Localisation;
using ClaimTracker.Infrastructure.Site;
using ClaimTracker.Web.Pages.Editor;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ClaimTracker.Web.Pages.Admin.Settings;

public sealed class IndexModel(SitePublishing site) : PageModel
{
    /// <summary>The roles whose members must sign in with a second factor.</summary>
    [BindProperty]
    public List<string> SecondFactorRoles { get; set; } = [];

    [BindProperty]
    public InputModel Input { get; set; } = new();

    /// <summary>Readers may open preserved copies and evidence files of cited sources.</summary>
    [BindProperty]
    public bool ReadersMayOpenCopies { get; set; }

    [BindProperty]
    public Guid Version { get; set; }

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var result = await site.UpdateAsync(Version, new SiteInput(Input.PublisherName ?? string.Empty, Input.PublisherUrl,
            Input.ContactEmail ?? string.Empty, Input.AboutHtml, Input.MethodologyHtml, Input.CorrectionsPolicyHtml,
            Input.ReviewIntervalDays ?? 0), cancellationToken);
        if (result.Succeeded)
        {
            StatusMessage = Ui.T("Settings saved.");
            return RedirectToPage();
        }
        ModelState.AddFieldErrors(result.Errors);
        if (result.IsConflict)
        {
            await LoadAsync(cancellationToken);
        }
        else
        {
            SecondFactorRoles = (await site.GetAsync(cancellationToken)).SecondFactors.RequiredRoles.ToList();
        }
        return Page();
    }

    public async Task<IActionResult> OnPostSecondFactorsAsync(CancellationToken cancellationToken)
    {
        var unknown = SecondFactorRoles.FirstOrDefault(r => !Domain.Accounts.Roles.IsKnown(r));
        if (unknown is not null)
        {
            ModelState.AddModelError(nameof(SecondFactorRoles), $"“{unknown}” is not a role.");
            await LoadAsync(cancellationToken);
            return Page();
        }
        var policy = Domain.Accounts.SecondFactorPolicy.For(SecondFactorRoles);
        await site.SetSecondFactorPolicyAsync(policy, User.Identity!.Name!, cancellationToken);
        StatusMessage = policy.RequiredRoles.Count == 0
            ? Ui.T("No role must use a second factor.")
            : string.Format(Ui.T("A second factor is required for: {0}. People in these roles are asked for one (or to set one up) before their next staff page."), string.Join(", ", policy.RequiredRoles));
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostCopiesAsync(CancellationToken cancellationToken)
    {
        await site.SetReadersMayOpenCopiesAsync(ReadersMayOpenCopies, User.Identity!.Name!, cancellationToken);
        StatusMessage = ReadersMayOpenCopies
            ? Ui.T("Readers can now open the preserved copies and files of sources that published claims cite.")
            : Ui.T("Preserved copies and files are for staff only; readers see that a copy exists, its date and its hash.");
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var current = await site.GetAsync(cancellationToken);
        SecondFactorRoles = current.SecondFactors.RequiredRoles.ToList();
        ReadersMayOpenCopies = current.ReadersMayOpenCopies;
        Input = new InputModel
        {
            PublisherName = current.PublisherName, PublisherUrl = current.PublisherUrl, ContactEmail = current.ContactEmail,
            AboutHtml = current.About.Html, MethodologyHtml = current.Methodology.Html, CorrectionsPolicyHtml = current.CorrectionsPolicy.Html, ReviewIntervalDays = current.ReviewIntervalDays,
        };
        ModelState.Remove(nameof(Version));
        Version = current.Version;
    }

    public sealed class InputModel
    {
        public string? PublisherName { get; set; }

        public string? PublisherUrl { get; set; }

        public string? ContactEmail { get; set; }

        public string? AboutHtml { get; set; }

        public string? MethodologyHtml { get; set; }

        public string? CorrectionsPolicyHtml { get; set; }

        public int? ReviewIntervalDays { get; set; }
    }
}
