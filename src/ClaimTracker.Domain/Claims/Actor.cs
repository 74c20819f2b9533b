using System.Text.RegularExpressions;
using ClaimTracker.Domain.Text;

namespace ClaimTracker.Domain.Claims;

/// <summary>A state, body, person or outlet that makes, denies or reports claims.</summary>
public sealed partial class Actor
{
    public const int NameMaxLength = 200;
    public const int CountryMaxLength = 100;
    public const int DescriptionMaxLength = 500;
    public const int ProvenanceMaxLength = 100;
    public const int WikidataMaxLength = 20;

    private Actor()
    {
    }

    public int Id { get; private set; }

    public string Name { get; private set; } = string.Empty;

    public string Slug { get; private set; } = string.Empty;

    public ActorKind Kind { get; private set; }

    public string? Country { get; private set; }

    public string? Description { get; private set; }

    /// <summary>Wikidata item id such as Q423 (North Korea).</summary>
    public string? WikidataId { get; private set; }

    /// <summary>For outlets: state-controlled media, party to the conflict, independent …</summary>
    public string? ProvenanceLabel { get; private set; }

    public Guid Version { get; private set; }

    /// <summary>
    /// The name readers see on the actor's page: as it stood when a reviewer last approved a claim version naming
    /// the actor (an edit in the directory makes those claims pending; see <see cref="Claim.SharedPartChanged"/>).
    /// Null while no approved version names the actor.
    /// </summary>
    public string? PublishedName { get; private set; }

    /// <summary>The description readers see, as approved with <see cref="PublishedName"/>.</summary>
    public string? PublishedDescription { get; private set; }

    /// <summary>The Wikidata id readers see, as approved with <see cref="PublishedName"/>.</summary>
    public string? PublishedWikidataId { get; private set; }

    /// <summary>A reviewer approved a claim version naming this actor: readers see the actor as it stands now.</summary>
    public void Publish() => (PublishedName, PublishedDescription, PublishedWikidataId) = (Name, Description, WikidataId);

    public sealed record Draft(string Name, ActorKind Kind, string? Country, string? Description, string? WikidataId,
        string? ProvenanceLabel);

    public static IReadOnlyList<FieldError> Validate(Draft draft)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(draft.Name))
        {
            errors.Add(new FieldError(nameof(Draft.Name), "Enter the actor's name."));
        }
        errors.AddIfFailed(nameof(Draft.Name), TextRules.CheckSingleLine("Name", draft.Name, NameMaxLength));
        errors.AddIfFailed(nameof(Draft.Country), TextRules.CheckSingleLine("Country", draft.Country, CountryMaxLength));
        errors.AddIfFailed(nameof(Draft.Description), TextRules.CheckMultiLine("Description", draft.Description, DescriptionMaxLength));
        errors.AddIfFailed(nameof(Draft.ProvenanceLabel), TextRules.CheckSingleLine("Provenance label", draft.ProvenanceLabel, ProvenanceMaxLength));
        if (!string.IsNullOrWhiteSpace(draft.WikidataId) && !WikidataPattern().IsMatch(draft.WikidataId.Trim()))
        {
            errors.Add(new FieldError(nameof(Draft.WikidataId), "A Wikidata id is Q followed by digits, e.g. Q423."));
        }
        if (!string.IsNullOrWhiteSpace(draft.ProvenanceLabel) && draft.Kind != ActorKind.NewsOutlet)
        {
            errors.Add(new FieldError(nameof(Draft.ProvenanceLabel), "Only news outlets have a provenance label."));
        }
        if (!Enum.IsDefined(draft.Kind))
        {
            errors.Add(new FieldError(nameof(Draft.Kind), "Choose what kind of actor this is."));
        }
        return errors;
    }

    public static Actor Create(Draft draft, string slug)
    {
        ThrowIfInvalid(draft);
        var actor = new Actor { Slug = slug };
        actor.Apply(draft);
        return actor;
    }

    public void Edit(Draft draft)
    {
        ThrowIfInvalid(draft);
        Apply(draft);
    }

    private void Apply(Draft draft)
    {
        Name = TextRules.Normalise(draft.Name.Trim());
        Kind = draft.Kind;
        Country = Clean(draft.Country);
        Description = Clean(draft.Description);
        WikidataId = Clean(draft.WikidataId)?.ToUpperInvariant();
        ProvenanceLabel = Clean(draft.ProvenanceLabel);
        Version = Guid.NewGuid();
    }

    private static void ThrowIfInvalid(Draft draft)
    {
        if (Validate(draft) is [var first, ..])
        {
            throw new DomainRuleException(first.Field, first.Message);
        }
    }

    internal static string? Clean(string? value) =>
        string.IsNullOrWhiteSpace(value) ? null : TextRules.Normalise(value.Trim());

    [GeneratedRegex("^[Qq][1-9][0-9]{0,15}$")]
    private static partial Regex WikidataPattern();
}
