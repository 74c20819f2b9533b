using System.Globalization;

namespace ClaimTracker.Web.Localisation;

/// <summary>
/// The reader pages in English and German. English text is the key; German comes from this table.
/// Editor and admin pages stay English. Culture comes from the reader's choice (cookie) or Accept-Language.
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

    private static readonly Dictionary<string, string> German = new(StringComparer.Ordinal)
    {
        ["Where claims stand"] = "Wo Behauptungen stehen",
        ["Claims about North Korea's support for Russia's war, who makes them, who denies them, the sources behind them – and how their status changed as new reporting arrived."] =
            "Behauptungen über Nordkoreas Unterstützung für Russlands Krieg: wer sie aufstellt, wer sie bestreitet, welche Quellen dahinterstehen – und wie sich ihr Status mit neuen Berichten verändert hat.",
        ["Search claims"] = "Behauptungen suchen",
        ["Search"] = "Suchen",
        ["published claims"] = "veröffentlichte Behauptungen",
        ["What the labels mean"] = "Was die Bewertungen bedeuten",
        ["Latest status changes"] = "Neueste Statusänderungen",
        ["Nothing published yet."] = "Noch nichts veröffentlicht.",
        ["correction"] = "Korrektur",
        ["Correction"] = "Korrektur",
        ["Corrections"] = "Korrekturen",
        ["Withdrawn"] = "Zurückgezogen",
        ["All corrections"] = "Alle Korrekturen",
        ["Corrections policy"] = "Korrekturrichtlinie",
        ["You are reading an earlier version"] = "Sie lesen eine frühere Fassung",
        ["version"] = "Fassung",
        ["Version"] = "Fassung",
        ["Versions"] = "Fassungen",
        ["Read the current version"] = "Zur aktuellen Fassung",
        ["version before the correction"] = "Fassung vor der Korrektur",
        ["Published"] = "Veröffentlicht",
        ["Updated"] = "Aktualisiert",
        ["All versions"] = "Alle Fassungen",
        ["When we get something wrong we say so here and on the claim's page. Earlier versions stay readable."] =
            "Wenn uns ein Fehler unterläuft, sagen wir es hier und auf der Seite der Behauptung. Frühere Fassungen bleiben lesbar.",
        ["No corrections so far."] = "Bisher keine Korrekturen.",
        ["Withdrawn claims"] = "Zurückgezogene Behauptungen",
        ["Why we withdrew it"] = "Warum wir sie zurückgezogen haben",
        ["No claim withdrawn so far."] = "Bisher keine Behauptung zurückgezogen.",
        ["published again since"] = "seitdem wieder veröffentlicht",
        ["Wikidata item"] = "Wikidata-Eintrag",
        ["Date"] = "Datum",
        ["Claim"] = "Behauptung",
        ["What we corrected"] = "Was wir korrigiert haben",
        ["Every version readers saw stays readable. A correction fixed an error; an update brought new reporting."] =
            "Jede Fassung, die Leser gesehen haben, bleibt lesbar. Eine Korrektur behebt einen Fehler; eine Aktualisierung bringt neue Berichte.",
        ["Kind"] = "Art",
        ["Headline"] = "Überschrift",
        ["first publication"] = "Erstveröffentlichung",
        ["update"] = "Aktualisierung",
        ["republication"] = "erneute Veröffentlichung",
        ["Staff: sign in to work on claims."] = "Redaktion: zum Bearbeiten anmelden.",
        ["All claims"] = "Alle Behauptungen",
        ["Labels"] = "Bewertungen",
        ["Sign in"] = "Anmelden",
        ["Sign out"] = "Abmelden",
        ["Claims"] = "Behauptungen",
        ["Status"] = "Status",
        ["any"] = "alle",
        ["Topic"] = "Thema",
        ["Status since"] = "Status seit",
        ["until"] = "bis",
        ["Show"] = "Anzeigen",
        ["Newest status change first."] = "Neueste Statusänderung zuerst.",
        ["Best matches first."] = "Beste Treffer zuerst.",
        ["Older claims"] = "Ältere Behauptungen",
        ["No claims found."] = "Keine Behauptungen gefunden.",
        ["since"] = "seit",
        ["as of"] = "Stand",
        ["Current status"] = "Aktueller Status",
        ["The claim"] = "Die Behauptung",
        ["Translation"] = "Übersetzung",
        ["Machine translation"] = "Maschinelle Übersetzung",
        ["by"] = "von",
        ["Made by"] = "Aufgestellt von",
        ["About"] = "Betrifft",
        ["First made"] = "Zuerst aufgestellt",
        ["Topics"] = "Themen",
        ["Last reviewed"] = "Zuletzt geprüft",
        ["How the status changed"] = "Wie sich der Status verändert hat",
        ["(corrected later)"] = "(später korrigiert)",
        ["Based on"] = "Gestützt auf",
        ["What the parties say"] = "Was die Beteiligten sagen",
        ["No statements recorded."] = "Keine Stellungnahmen erfasst.",
        ["changed position"] = "Position geändert",
        ["Sources"] = "Quellen",
        ["outlet unknown"] = "Medium unbekannt",
        ["undated"] = "ohne Datum",
        ["archived copy"] = "archivierte Kopie",
        ["Part of"] = "Teil von",
        ["Parts of this claim"] = "Teile dieser Behauptung",
        ["Related claims"] = "Verwandte Behauptungen",
        ["Follow this claim (Atom feed)"] = "Dieser Behauptung folgen (Atom-Feed)",
        ["Embed card"] = "Karte zum Einbetten",
        ["Embed this card on your site"] = "Diese Karte auf der eigenen Website einbetten",
        ["HTML to paste into your page"] = "HTML zum Einfügen in Ihre Seite",
        ["Copy"] = "Kopieren",
        ["Copied"] = "Kopiert",
        ["That page link is not valid any more; here is the first page."] = "Dieser Seitenlink ist nicht mehr gültig; hier ist die erste Seite.",
        ["No status yet"] = "Noch kein Status",
        ["status change(s)"] = "Statusänderung(en)",
        ["source(s)"] = "Quelle(n)",
        ["full history"] = "ganzer Verlauf",
        ["Label"] = "Bewertung",
        ["Meaning"] = "Bedeutung",
        ["Rating"] = "Wertung",
        ["not a verdict"] = "kein Urteil",
        ["of"] = "von",
        ["Methodology"] = "Methodik",
        ["Every claim carries one of these labels. It changes as new reporting arrives; each change is dated, explained and rests on sources, and stays visible on the claim's page. Verdicts carry a rating from 1 (worst) to"] =
            "Jede Behauptung trägt eine dieser Bewertungen. Sie ändert sich mit neuen Berichten; jede Änderung ist datiert, begründet, stützt sich auf Quellen und bleibt auf der Seite der Behauptung sichtbar. Urteile tragen eine Wertung von 1 (schlechteste) bis",
        [", published as ClaimReview for search engines."] = ", veröffentlicht als ClaimReview für Suchmaschinen.",
        ["Claims made by, about or answered by"] = "Behauptungen von, über oder beantwortet von",
        ["About, corrections and contact"] = "Impressum, Korrekturen und Kontakt",
        ["ClaimTracker – claims, evidence and their status over time."] = "ClaimTracker – Behauptungen, Belege und ihr Status im Lauf der Zeit.",
        ["Corrections and new evidence"] = "Korrekturen und neue Belege",
        ["Contact"] = "Kontakt",
        ["How we work"] = "Wie wir arbeiten",
        ["Language"] = "Sprache",
        ["Skip to content"] = "Zum Inhalt springen",
        ["asserts"] = "behauptet",
        ["confirms"] = "bestätigt",
        ["denies"] = "bestreitet",
        ["declines to comment"] = "äußert sich nicht",
        ["retracts"] = "zieht zurück",
        ["supports"] = "stützt",
        ["disputes"] = "bestreitet",
        ["reports a denial"] = "berichtet ein Dementi",
        ["context"] = "Kontext",
        ["contradicts"] = "widerspricht",
        ["contradicted by"] = "widersprochen von",
        ["duplicate of"] = "Duplikat von",
        ["has a duplicate"] = "hat ein Duplikat",
        ["follow-up of"] = "Fortsetzung von",
        ["followed up by"] = "fortgesetzt von",
        ["Page not found"] = "Seite nicht gefunden",
        ["There is nothing at this address. Check the link or start from the home page."] = "Unter dieser Adresse gibt es nichts. Prüfen Sie den Link oder beginnen Sie auf der Startseite.",
        ["Back to the start page"] = "Zurück zur Startseite",
        ["Report an error or send new evidence"] = "Fehler melden oder neue Belege schicken",
        ["Thank you. The editors will look at your report."] = "Danke. Die Redaktion sieht sich Ihre Meldung an.",
        ["What is wrong, or what is new? Links to sources help."] = "Was ist falsch, oder was ist neu? Links zu Quellen helfen.",
        ["Your email (optional, only for questions from the editors; never published)"] = "Ihre E-Mail-Adresse (freiwillig, nur für Rückfragen der Redaktion; wird nie veröffentlicht)",
        ["Send report"] = "Meldung senden",
    };
}
