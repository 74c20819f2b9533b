using System.Text.RegularExpressions;
using ClaimTracker.Domain.Text;

namespace ClaimTracker.Domain.Claims;

/// <summary>One step of the site's rating scale, e.g. "Corroborated" (verdict, rating 4 of 5).</summary>
public sealed partial class StatusDefinition
{
    public const int NameMaxLength = 60;
    public const int DescriptionMaxLength = 1000;

    private StatusDefinition()
    {
    }

    public int Id { get; private set; }

    /// <summary>Stable key used in addresses and filters: "open", "false", "confirmed" …</summary>
    public string Key { get; private set; } = string.Empty;

    public string NameEn { get; private set; } = string.Empty;

    public string NameDe { get; private set; } = string.Empty;

    public string DescriptionEn { get; private set; } = string.Empty;

    public string DescriptionDe { get; private set; } = string.Empty;

    /// <summary>#rrggbb</summary>
    public string Colour { get; private set; } = "#777777";

    public int Order { get; private set; }

    /// <summary>A verdict rests on at least one source; "Open — under review" is not one.</summary>
    public bool IsVerdict { get; private set; }

    /// <summary>A final verdict closes the case: the claim needs no further review date.</summary>
    public bool IsFinal { get; private set; }

    /// <summary>ClaimReview rating for verdicts: 1 (worst) … N (best).</summary>
    public int? RatingValue { get; private set; }

    public Guid Version { get; private set; }

    public static StatusDefinition Create(string key, string nameEn, string nameDe, string descriptionEn,
        string descriptionDe, string colour, int order, bool isVerdict, int? ratingValue, bool isFinal = false)
    {
        if (!Slug.IsValid(key))
        {
            throw new DomainRuleException(nameof(Key), "A status key is lower-case letters, digits and hyphens.");
        }
        var status = new StatusDefinition { Key = key };
        status.Edit(nameEn, nameDe, descriptionEn, descriptionDe, colour, order, isVerdict, ratingValue, isFinal);
        return status;
    }

    public void Edit(string nameEn, string nameDe, string descriptionEn, string descriptionDe, string colour, int order,
        bool isVerdict, int? ratingValue, bool isFinal = false)
    {
        var errors = new List<FieldError>();
        errors.AddIfFailed(nameof(NameEn), TextRules.CheckSingleLine("English name", nameEn, NameMaxLength));
        errors.AddIfFailed(nameof(NameDe), TextRules.CheckSingleLine("German name", nameDe, NameMaxLength));
        if (string.IsNullOrWhiteSpace(nameEn) || string.IsNullOrWhiteSpace(nameDe))
        {
            errors.Add(new FieldError(nameof(NameEn), "A status needs an English and a German name."));
        }
        if (!ColourPattern().IsMatch(colour))
        {
            errors.Add(new FieldError(nameof(Colour), "The colour is a hex value like #1a7f37."));
        }
        if (isVerdict && ratingValue is not >= 1)
        {
            errors.Add(new FieldError(nameof(RatingValue), "A verdict needs a rating value of 1 or more (1 is the worst)."));
        }
        if (!isVerdict && ratingValue is not null)
        {
            errors.Add(new FieldError(nameof(RatingValue), "Only verdicts have a rating value."));
        }
        if (errors is [var first, ..])
        {
            throw new DomainRuleException(first.Field, first.Message);
        }
        (NameEn, NameDe, DescriptionEn, DescriptionDe) = (nameEn.Trim(), nameDe.Trim(), descriptionEn.Trim(), descriptionDe.Trim());
        (Colour, Order, IsVerdict, RatingValue, IsFinal) = (colour.ToLowerInvariant(), order, isVerdict, ratingValue, isVerdict && isFinal);
        Version = Guid.NewGuid();
    }

    /// <summary>The default scale, suited to claims whose standing changes as reporting arrives.</summary>
    public static IReadOnlyList<StatusDefinition> DefaultScale() =>
    [
        Create("open", "Open — under review", "Offen — wird geprüft",
            "Reported but not yet assessed; we are collecting evidence.",
            "Berichtet, aber noch nicht bewertet; wir sammeln Belege.", "#6e7781", 0, false, null),
        Create("false", "False", "Falsch", "The evidence shows the claim is not true.",
            "Die Belege zeigen, dass die Behauptung nicht stimmt.", "#b42318", 1, true, 1, isFinal: true),
        Create("misleading", "Misleading", "Irreführend",
            "Contains some truth but leaves a wrong impression.",
            "Enthält Wahres, erweckt aber einen falschen Eindruck.", "#c4320a", 2, true, 2, isFinal: true),
        Create("unproven", "Unproven", "Unbelegt",
            "Alleged, but the available evidence neither confirms nor refutes it.",
            "Behauptet, aber die verfügbaren Belege bestätigen oder widerlegen es nicht.", "#b54708", 3, true, 3),
        Create("corroborated", "Corroborated", "Erhärtet",
            "Several independent sources support the claim; it is not officially confirmed.",
            "Mehrere unabhängige Quellen stützen die Behauptung; offiziell bestätigt ist sie nicht.", "#3b7c0f", 4, true, 4),
        Create("confirmed", "Confirmed", "Bestätigt",
            "Confirmed by conclusive evidence or by the parties themselves.",
            "Durch eindeutige Belege oder die Beteiligten selbst bestätigt.", "#1a7f37", 5, true, 5, isFinal: true),
    ];

    [GeneratedRegex("^#[0-9a-fA-F]{6}$")]
    private static partial Regex ColourPattern();
}
