using ClaimTracker.Web.Localisation;
using System.ComponentModel.DataAnnotations;
using ClaimTracker.Domain.Claims;
using ClaimTracker.Infrastructure.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ClaimTracker.Web.Pages.Editor.Claims;

public sealed class StatementModel(RecordStatement statements, ClaimDetailsQuery details, ActorDirectory actors) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public ClaimDetails Claim { get; private set; } = null!;

    public IReadOnlyList<ActorOption> Actors { get; private set; } = [];

    /// <summary>The claim's own actors (and, on a correction, those already named), offered as ticks: a joint statement
    /// ("denied by Pyongyang and Moscow") is one statement with everyone ticked.</summary>
    public IReadOnlyList<ActorRef> SpeakerChoices { get; private set; } = [];

    /// <summary>Set when an existing statement is being corrected.</summary>
    [BindProperty(SupportsGet = true, Name = "statement")]
    public int? StatementId { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        if (StatementId is { } statementId)
        {
            if (Claim.Statements.FirstOrDefault(s => s.Id == statementId) is not { } existing)
            {
                return NotFound();
            }
            Input = new InputModel
            {
                ActorId = existing.Actor.Id, Stance = existing.Stance, MadeOn = existing.MadeOn, Quote = existing.Quote,
                QuoteLanguage = existing.QuoteLanguage, Translation = existing.Translation, SourceIds = [.. existing.SourceIds],
                ActorIds = [.. (existing.JointWith ?? []).Select(a => a.Id)],
            };
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        // New: everyone ticked, then someone else from the directory; the first is the first named. A correction keeps
        // the first named (it is part of what was said) and takes the ticks as those who said it with them.
        List<int> speakers = StatementId is null
            ? [.. Input.ActorIds.Append(Input.ActorId).Where(actorId => actorId > 0).Distinct()]
            : [Input.ActorId, .. Input.ActorIds];
        var draft = new Statement.Draft(speakers.FirstOrDefault(), Input.Stance, Input.MadeOn, Input.Quote, Input.QuoteLanguage,
            Input.Translation, Input.SourceIds, speakers.Skip(1).ToList());
        var result = StatementId is { } statementId
            ? await statements.EditStatementAsync(id, statementId, draft, User.Identity!.Name!, cancellationToken)
            : await statements.AddStatementAsync(id, draft, User.Identity!.Name!, cancellationToken);
        if (!result.Succeeded)
        {
            ModelState.AddFieldErrors(result.Errors);
            return Page();
        }
        TempData["StatusMessage"] = StatementId is null ? Ui.T("Statement added.") : Ui.T("Statement corrected.");
        return RedirectToPage("Details", pageHandler: null, routeValues: new { id }, fragment: "statements");
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        if (await details.GetAsync(id, cancellationToken) is not { } claim)
        {
            return false;
        }
        Claim = claim;
        Actors = await actors.OptionsAsync(cancellationToken);
        SpeakerChoices = [.. claim.Subjects.Concat(claim.Claimants).DistinctBy(a => a.Id)];
        if (StatementId is { } statementId && claim.Statements.FirstOrDefault(s => s.Id == statementId) is { } existing)
        {
            SpeakerChoices = [.. SpeakerChoices.Concat(existing.JointWith ?? []).Where(a => a.Id != existing.Actor.Id).DistinctBy(a => a.Id)];
        }
        return true;
    }

    public sealed class InputModel
    {
        /// <summary>Someone from the whole directory (new statement), or the first named (correction).</summary>
        public int ActorId { get; set; }

        /// <summary>The ticked actors of the claim.</summary>
        public List<int> ActorIds { get; set; } = [];

        public Stance Stance { get; set; } = Stance.Denies;

        public DateOnly? MadeOn { get; set; }

        [StringLength(Statement.QuoteMaxLength, ErrorMessage = "{0} can have at most {1} characters.")]
        public string? Quote { get; set; }

        [Required(ErrorMessage = "Enter the language of the quote.")]
        public string QuoteLanguage { get; set; } = "de";

        [StringLength(Statement.QuoteMaxLength, ErrorMessage = "{0} can have at most {1} characters.")]
        public string? Translation { get; set; }

        public List<int> SourceIds { get; set; } = [];
    }
}
