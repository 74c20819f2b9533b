using System.Globalization;

namespace ClaimTracker.Web.Localisation;

/// <summary>
/// Strings shared by many pages (the layout, reader pages, C# code) in English and German. English text is the key; German
/// comes from <c>Resources/SharedResource.de.resx</c>. Staff pages keep their own strings beside them
/// (<c>Resources/Pages/…/Page.de.resx</c>, through <c>IViewLocalizer</c>). Culture comes from the reader's choice (cookie)
/// or Accept-Language.
/// </summary>
public static class Ui
{
    public static readonly CultureInfo[] Cultures = [new("en"), new("de")];

    public static bool IsGerman => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "de";

    public static string Language => IsGerman ? "de" : "en";

    public static string T(string english) => IsGerman && German.TryGetValue(english, out var german) ? german : english;

    /// <summary>"30 November 2024" / "30. November 2024".</summary>
    public static string Date(DateOnly date) =>
        date.ToString(IsGerman ? "d. MMMM yyyy" : "d MMMM yyyy", CultureInfo.CurrentCulture);

    public static string Date(DateTime date) => Date(DateOnly.FromDateTime(date));

    /// <summary>"Nordkorea, Russland and Iran" / "Nordkorea, Russland und Iran": those who said something together.</summary>
    public static string Names(IReadOnlyList<string> names) => names.Count switch
    {
        0 => string.Empty,
        1 => names[0],
        _ => string.Join(", ", names.Take(names.Count - 1)) + (IsGerman ? " und " : " and ") + names[^1],
    };

    /// <summary>The heading over a group of statements: who said what, not a bare verb ("Denied by", "Bestritten von").</summary>
    public static string Heading(Domain.Claims.Stance stance) => T(stance switch
    {
        Domain.Claims.Stance.Asserts => "Asserted by",
        Domain.Claims.Stance.Confirms => "Confirmed by",
        Domain.Claims.Stance.Denies => "Denied by",
        Domain.Claims.Stance.DeclinesToComment => "Declined to comment",
        _ => "Retracted by",
    });

    /// <summary>
    /// The German strings, read once from <c>Resources/SharedResource.de.resx</c> (the same file
    /// <c>IStringLocalizer&lt;SharedResource&gt;</c> reads) into a frozen table: reader pages look strings up on every
    /// request, and a resource manager's per-call culture walk costs more than a dictionary hit.
    /// </summary>
    private static readonly System.Collections.Frozen.FrozenDictionary<string, string> German = SharedResource.Load(new CultureInfo("de"));
}
