namespace ClaimTracker.Bench;

/// <summary>Word pools for generated text: German (with umlauts and ß) and English news vocabulary.</summary>
internal static class Text
{
    public static readonly string[] German =
    [
        "nordkorea", "russland", "südkorea", "ukraine", "waffenlieferungen", "artillerie", "raketen", "soldaten", "regierung", "bericht",
        "einschätzung", "behörden", "ministerium", "sprecher", "dementiert", "bestätigt", "angeblich", "öffentlich", "über", "gegen",
        "während", "nach", "vor", "seit", "mehr", "als", "tausend", "grenze", "front", "kämpfe", "lieferung", "munition", "zusammenarbeit",
        "abkommen", "sanktionen", "vereinten", "nationen", "sicherheitsrat", "resolution", "verstoß", "beamte", "geheimdienst", "quelle",
        "zeugen", "satellitenbilder", "hafen", "züge", "güter", "öl", "exporte", "arbeiter", "baustelle", "wiederaufbau", "besuch",
        "treffen", "präsident", "machthaber", "minister", "botschafter", "erklärung", "straße", "flughafen", "verteidigung", "luftabwehr",
        "systeme", "ausrüstung", "militärische", "wirtschaftliche", "politische", "beziehungen", "verbündeten", "woche", "monat", "jahr",
        "der", "die", "das", "und", "oder", "nicht", "auch", "noch", "bereits", "weiterhin", "laut", "nach", "wurde", "haben", "hat", "sei",
    ];

    public static readonly string[] English =
    [
        "north", "korea", "russia", "south", "ukraine", "arms", "deliveries", "artillery", "missiles", "troops", "government", "report",
        "assessment", "officials", "ministry", "spokesperson", "denied", "confirmed", "allegedly", "publicly", "over", "against", "during",
        "after", "before", "since", "more", "than", "thousand", "border", "front", "fighting", "shipment", "ammunition", "cooperation",
        "agreement", "sanctions", "united", "nations", "security", "council", "resolution", "violation", "intelligence", "source",
        "witnesses", "satellite", "images", "port", "trains", "cargo", "oil", "exports", "workers", "construction", "visit", "meeting",
        "president", "leader", "minister", "ambassador", "statement", "airport", "defence", "air", "systems", "equipment", "military",
        "economic", "political", "relations", "allies", "week", "month", "year", "the", "and", "or", "not", "also", "still", "already",
    ];

    public static readonly string[] OutletPrefixes = ["Zeitung", "Nachrichten", "Rundschau", "Kurier", "Daily", "Herald", "Agentur", "Tribune"];

    public static readonly string[] Places = ["Pjöngjang", "Moskau", "Seoul", "Kyjiw", "Washington", "Berlin", "Wladiwostok", "Tokio", "Genf", "München"];

    public static readonly string[] Provenance = ["independent", "state media", "pro-Kremlin", "wire service", "public broadcaster"];

    public static readonly string[] FirstNames = ["Jürgen", "Anna", "Sung", "Olena", "Dmitri", "Min-jun", "Grace", "Ömer", "Björn", "Léa"];

    public static readonly string[] LastNames = ["Müller", "Kim", "Petrenko", "Iwanow", "Smith", "Park", "Schäfer", "Lee", "Großmann", "Nowak"];

    public static readonly string[] TopicWords = ["Waffenlieferungen", "Truppen", "Sanktionen", "Arbeitskräfte", "Diplomatie", "Handel", "Energie", "Propaganda"];
}
