using System.ComponentModel.DataAnnotations;
using ClaimTracker.Domain.Claims;
using ClaimTracker.Infrastructure.Claims;

namespace ClaimTracker.Web.Pages.Editor.Claims;

/// <summary>The claim form's fields, shared by the New and Edit pages. Lengths are checked again by the domain.</summary>
public sealed class ClaimForm
{
    [Required(ErrorMessage = "Enter a headline.")]
    [StringLength(Claim.HeadlineMaxLength, ErrorMessage = "{0} can have at most {1} characters.")]
    public string Headline { get; set; } = string.Empty;

    [Display(Name = "Short form")]
    [StringLength(Claim.ClaimReviewedMaxLength, ErrorMessage = "{0} can have at most {1} characters.")]
    public string? ClaimReviewed { get; set; }

    [Display(Name = "Claim as made")]
    [Required(ErrorMessage = "Enter the claim as it was made.")]
    [StringLength(Claim.TextMaxLength, ErrorMessage = "{0} can have at most {1} characters.")]
    public string OriginalText { get; set; } = string.Empty;

    [Required(ErrorMessage = "Enter the language of the claim (de, en, ru …).")]
    public string Language { get; set; } = "de";

    [StringLength(Claim.TextMaxLength, ErrorMessage = "{0} can have at most {1} characters.")]
    public string? Translation { get; set; }

    [StringLength(Claim.TranslatorMaxLength, ErrorMessage = "{0} can have at most {1} characters.")]
    public string? Translator { get; set; }

    [Display(Name = "Machine-translated")]
    public bool IsMachineTranslated { get; set; }

    [Display(Name = "First made on")]
    public DateOnly? FirstMadeOn { get; set; }

    [Display(Name = "Summary and analysis")]
    public string? Summary { get; set; }

    [Display(Name = "Review by")]
    public DateOnly? ReviewBy { get; set; }

    [Display(Name = "Review interval (days)")]
    public int? ReviewIntervalDays { get; set; }

    [Display(Name = "Claimants")]
    public List<int> ClaimantIds { get; set; } = [];

    [Display(Name = "Subjects")]
    public List<int> SubjectIds { get; set; } = [];

    /// <summary>More claimants, by name as in the actor directory (a list of every actor does not scale).</summary>
    [Display(Name = "Add claimants")]
    [StringLength(2000, ErrorMessage = "{0} can have at most {1} characters.")]
    public string? AddClaimants { get; set; }

    [Display(Name = "Add subjects")]
    [StringLength(2000, ErrorMessage = "{0} can have at most {1} characters.")]
    public string? AddSubjects { get; set; }

    [StringLength(1000, ErrorMessage = "{0} can have at most {1} characters.")]
    public string? Topics { get; set; }

    /// <summary>The parent claim's permalink slug: a text field, since a list of every claim does not scale.</summary>
    [Display(Name = "Parent claim")]
    [StringLength(200, ErrorMessage = "{0} can have at most {1} characters.")]
    public string? ParentSlug { get; set; }

    public ClaimInput ToInput() => new(Headline, OriginalText, Language, Translation, Translator, IsMachineTranslated,
        FirstMadeOn, Summary, ReviewBy, ClaimantIds, SubjectIds, Topics, null, ClaimReviewed, ReviewIntervalDays, ParentSlug ?? string.Empty,
        AddClaimants, AddSubjects, SubmissionId);

    /// <summary>Names typed that the directory does not know, which the editor chose to add to it with this save.</summary>
    public List<NewActorInput> NewActors { get; set; } = [];

    /// <summary>One id per "log a claim" form shown: the same form posted twice creates one claim.</summary>
    public Guid? SubmissionId { get; set; }

    public static ClaimForm From(ClaimEditData claim, ClaimTracker.Infrastructure.Security.RichTextFormat richText) => new()
    {
        Headline = claim.Headline,
        OriginalText = claim.OriginalText,
        Language = claim.Language,
        Translation = claim.Translation,
        Translator = claim.Translator,
        IsMachineTranslated = claim.IsMachineTranslated,
        FirstMadeOn = claim.FirstMadeOn,
        Summary = richText.ToMarkdown(claim.Summary),
        ReviewBy = claim.ReviewBy,
        ClaimantIds = claim.ClaimantIds.ToList(),
        SubjectIds = claim.SubjectIds.ToList(),
        Topics = string.Join(", ", claim.Topics),
        ParentSlug = claim.ParentSlug,
        ClaimReviewed = claim.ClaimReviewed,
        ReviewIntervalDays = claim.ReviewIntervalDays,
    };
}

/// <summary>Choices the claim form offers: the directory's actors, of which it lists only those chosen.</summary>
public sealed record ClaimFormOptions(IReadOnlyList<ActorOption> Actors, int? ExceptClaimId)
{
    /// <summary>The summary as readers will see it, after the editor asked for a preview.</summary>
    public ClaimTracker.Domain.Text.SanitisedHtml? SummaryPreview { get; init; }

    /// <summary>The chosen actors in the directory's order (by name); ids no longer in the directory are left out.</summary>
    public IEnumerable<ActorOption> Chosen(IReadOnlyCollection<int> ids) => ids.Count == 0 ? [] : Actors.Where(a => ids.Contains(a.Id));
}

/// <summary>An unknown name offered for the directory on the claim form: ticked, it is added with its kind before the claim is saved.</summary>
public sealed class NewActorInput
{
    public string? Name { get; set; }

    public ActorKind Kind { get; set; } = ActorKind.State;

    public bool Add { get; set; }
}

/// <summary>The claim form's "add to the directory": what New and Edit do with the names the directory does not know.</summary>
public static class ClaimFormActors
{
    /// <summary>Adds the ticked names to the directory (their errors go next to the form's list); true when all were added.</summary>
    public static async Task<bool> AddTickedAsync(ClaimForm input, ActorDirectory actors, Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary modelState,
        CancellationToken cancellationToken)
    {
        var added = true;
        foreach (var actor in input.NewActors.Where(a => a.Add && !string.IsNullOrWhiteSpace(a.Name)))
        {
            var result = await actors.CreateAsync(new ClaimTracker.Domain.Claims.Actor.Draft(actor.Name!.Trim(), actor.Kind, null, null, null, null), cancellationToken);
            if (!result.Succeeded)
            {
                added = false;
                modelState.AddModelError("Input.NewActors", $"“{actor.Name.Trim()}”: {string.Join(" ", result.Errors.Select(e => e.Message))}");
            }
        }
        return added;
    }

    /// <summary>After a save refused for unknown names: the names to offer for the directory, kinds and ticks kept.</summary>
    public static async Task OfferAsync(ClaimForm input, ActorDirectory actors, CancellationToken cancellationToken)
    {
        var unknown = await actors.UnknownNamesAsync([input.AddClaimants, input.AddSubjects], cancellationToken);
        input.NewActors = unknown.Select(name => input.NewActors.FirstOrDefault(a => string.Equals(a.Name, name, StringComparison.Ordinal))
                                                 ?? new NewActorInput { Name = name }).ToList();
    }
}
