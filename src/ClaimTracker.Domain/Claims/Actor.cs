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
    public const int MaxAliases = 20;

    private readonly List<ActorAlias> aliases = [];

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

    /// <summary>Other names the actor goes by, for matching what editors type (not shown to readers).</summary>
    public IReadOnlyList<ActorAlias> Aliases => aliases;

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

    /// <param name="Aliases">Other names, in any language; null leaves them as they are.</param>
    public sealed record Draft(string Name, ActorKind Kind, string? Country, string? Description, string? WikidataId,
        string? ProvenanceLabel, IReadOnlyList<string>? Aliases = null);

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
        if (!string.IsNullOrWhiteSpace(draft.WikidataId) && WikidataItem(draft.WikidataId) is null)
        {
            errors.Add(new FieldError(nameof(Draft.WikidataId), "A Wikidata id is Q followed by digits, e.g. Q423, or the item's address, e.g. https://www.wikidata.org/wiki/Q423."));
        }
        var aliasNames = AliasNames(draft.Aliases);
        if (aliasNames.Count > MaxAliases)
        {
            errors.Add(new FieldError(nameof(Draft.Aliases), $"An actor can have at most {MaxAliases} other names (this has {aliasNames.Count})."));
        }
        foreach (var alias in aliasNames)
        {
            errors.AddIfFailed(nameof(Draft.Aliases), TextRules.CheckSingleLine("Other name", alias, NameMaxLength));
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
        Country = TextRules.Optional(draft.Country);
        Description = TextRules.Optional(draft.Description);
        WikidataId = WikidataItem(draft.WikidataId);
        if (draft.Aliases is not null)
        {
            var own = LookAlike.Key(Name);
            var wanted = AliasNames(draft.Aliases).Where(a => LookAlike.Key(a) != own)
                .DistinctBy(LookAlike.Key).ToDictionary(LookAlike.Key);
            aliases.RemoveAll(a => !wanted.ContainsKey(a.Key) || wanted[a.Key] != a.Name);
            aliases.AddRange(wanted.Where(w => aliases.All(a => a.Key != w.Key)).Select(w => new ActorAlias(w.Value)));
        }
        ProvenanceLabel = TextRules.Optional(draft.ProvenanceLabel);
        Version = Guid.NewGuid();
    }

    private static void ThrowIfInvalid(Draft draft)
    {
        if (Validate(draft) is [var first, ..])
        {
            throw new DomainRuleException(first.Field, first.Message);
        }
    }

    /// <summary>The item id of "Q423", "q423" or an item's address (https://www.wikidata.org/wiki/Q423, …/entity/Q423); null otherwise.</summary>
    public static string? WikidataItem(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        var typed = value.Trim();
        if (Uri.TryCreate(typed, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"
            && uri.Host is "www.wikidata.org" or "wikidata.org" or "m.wikidata.org")
        {
            typed = uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries) is ["wiki" or "entity", var item] ? item : string.Empty;
        }
        return WikidataPattern().IsMatch(typed) ? typed.ToUpperInvariant() : null;
    }

    /// <summary>The other names typed, one per line (or separated by semicolons), trimmed and normalised.</summary>
    public static IReadOnlyList<string> AliasNames(IEnumerable<string>? typed) =>
        (typed ?? []).SelectMany(t => t.Split([';', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        .Select(TextRules.Normalise).Where(a => a.Length > 0).ToList();

    [GeneratedRegex("^[Qq][1-9][0-9]{0,15}$")]
    private static partial Regex WikidataPattern();
}
