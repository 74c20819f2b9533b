using ClaimTracker.Domain.Claims;
using ClaimTracker.Domain.Text;
using ClaimTracker.Infrastructure.Data;
using ClaimTracker.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace ClaimTracker.Infrastructure.Seeding;

/// <summary>
/// Demo content built from the five German seed articles the product was conceived from (shared/seeds):
/// their claims, the parties' denials, the articles as sources with the passages that support each
/// claim. Every excerpt and quote is copied from those texts. The articles carry no address, outlet or
/// byline, so their outlets are recorded as unknown and their dates are the ones the texts themselves
/// give (weekday plus event). Loading twice changes nothing.
/// </summary>
public sealed class DemoData(AppDbContext db, HtmlSanitiser sanitiser, ChangeTracking changes, Workflow.ClaimWorkflow workflow, TimeProvider clock)
{
    public const string Actor = "demo data";
    public const string ArmsSlug = "nordkorea-liefert-russland-artillerie-und-raketen";

    public async Task<bool> LoadAsync(CancellationToken cancellationToken = default)
    {
        if (await db.Claims.AnyAsync(c => c.Slug == ArmsSlug, cancellationToken))
        {
            return false;
        }
        changes.ActorOverride = Actor;
        var now = clock.GetUtcNow().UtcDateTime;
        var statuses = await db.Statuses.ToDictionaryAsync(s => s.Key, cancellationToken);

        var actors = new Dictionary<string, Actor>();
        Actor Person(string key, string name, ActorKind kind, string? country, string? description, string? wikidata = null, string? provenance = null,
            string[]? aliases = null) =>
            actors[key] = db.Actors.Add(ClaimTracker.Domain.Claims.Actor.Create(
                new Actor.Draft(name, kind, country, description, wikidata, provenance, aliases), Slug.From(name))).Entity;
        // Other names in the languages editors work in, so "North Korea" or "DPRK" finds Nordkorea.
        Person("kp", "Nordkorea", ActorKind.State, "Nordkorea", "Demokratische Volksrepublik Korea (DVRK)", "Q423",
            aliases: ["North Korea", "DPRK", "DVRK", "Pjöngjang", "Pyongyang", "Demokratische Volksrepublik Korea"]);
        Person("ru", "Russland", ActorKind.State, "Russland", "Russische Föderation", "Q159",
            aliases: ["Russia", "Russian Federation", "Russische Föderation", "Moskau", "Moscow"]);
        Person("us", "USA", ActorKind.State, "USA", "Vereinigte Staaten", "Q30",
            aliases: ["United States", "US", "Vereinigte Staaten", "Washington"]);
        Person("kr", "Südkorea", ActorKind.State, "Südkorea", "Republik Korea", "Q884",
            aliases: ["South Korea", "Republic of Korea", "ROK", "Republik Korea", "Seoul"]);
        Person("ua", "Ukraine", ActorKind.State, "Ukraine", null, "Q212", aliases: ["Kyjiw", "Kyiv", "Kiew"]);
        Person("un", "Vereinte Nationen", ActorKind.Organisation, null, "UN-Daten zu Öllieferungen; UN-Sicherheitsrat", "Q1065",
            aliases: ["United Nations", "UN", "UNO"]);
        Person("putin", "Wladimir Putin", ActorKind.Official, "Russland", "Präsident Russlands", "Q7747", aliases: ["Vladimir Putin", "Putin"]);
        Person("kim", "Kim Jong-un", ActorKind.Official, "Nordkorea", "Machthaber Nordkoreas", "Q56226", aliases: ["Kim Jong Un"]);
        Person("patel", "Vedant Patel", ActorKind.Official, "USA", "Sprecher des US-Außenministeriums");
        Person("shin", "Shin Wonsik", ActorKind.Official, "Südkorea", "Nationaler Sicherheitsberater Südkoreas");
        Person("matsegora", "Alexander Matsegora", ActorKind.Official, "Russland", "Russischer Botschafter in Nordkorea");
        Person("ru-officials", "Russische Beamte", ActorKind.GovernmentBody, "Russland", "Nicht namentlich genannte russische Amtsträger");
        Person("kcna", "KCNA", ActorKind.NewsOutlet, "Nordkorea", "Koreanische Zentrale Nachrichtenagentur", "Q493012", "state-controlled media");
        Person("unknown-wire", "Unbekannte Nachrichtenagentur", ActorKind.NewsOutlet, null,
            "Agenturtext ohne Angabe der Agentur in den Seed-Texten", provenance: "unknown");
        Person("unknown-kremlin", "Unbekanntes kremlnahes Medium", ActorKind.NewsOutlet, "Russland",
            "Kremlnahes Medium; der Seed-Text nennt seinen Namen nicht", provenance: "pro-Kremlin media");
        Person("unknown", "Unbekanntes Medium", ActorKind.NewsOutlet, null, "Der Seed-Text nennt kein Medium", provenance: "unknown");
        await db.SaveChangesAsync(cancellationToken);

        var sources = new Dictionary<string, Source>();
        void Article(string key, string title, string outlet, DateOnly date, string excerpt) =>
            sources[key] = db.Sources.Add(Source.Create(new Source.Draft(null, title, actors[outlet].Id, null, date, "de", null, excerpt), Actor, now)).Entity;
        Article("000", "Putin und Kim bauen Beziehungen aus (Seed-Text 000, Titel redaktionell)", "unknown", new DateOnly(2022, 8, 15),
            "Im April drückte Nordkorea seine Unterstützung für den russischen Krieg in der Ukraine aus. Als Dankeschön legte Russland im Mai sein Veto gegen eine UN-Resolution zur Einführung zusätzlicher Sanktionen gegen Nordkorea ein.\n" +
            "Im vergangenen Juli ging Nordkorea noch einen Schritt weiter. Es war eines der wenigen Länder, das die ukrainischen „Volksrepubliken“ Donezk und Luhansk anerkannte.\n" +
            "Einige Tage später kündigte Pjöngjang an, nordkoreanische Arbeiter in das Donezbecken und nach Luhansk zu schicken, um beim Wiederaufbau zu helfen.");
        Article("001", "Putin vor seinem Besuch in Pjöngjang (Seed-Text 001, Titel redaktionell)", "unknown-kremlin", new DateOnly(2024, 6, 18),
            "Er erwähnte, dass Russland und Nordkorea Systeme für Handel und Zahlungen entwickeln würden, die unabhängig vom westlichen Einfluss sind, und sich gegen die von ihm als „unilateral und illegal“ kritisierten westlichen Sanktionen zur Wehr setzen.\n" +
            "US-amerikanische und südkoreanische Beamte haben Nordkorea wiederholt beschuldigt, Russland mit militärischer Ausrüstung wie Artillerie und Raketen zu versorgen, was die Konflikte in der Ukraine verlängern würde. Dennoch wurden solche Vorwürfe bezüglich Waffentransfers sowohl von Pjöngjang als auch von Moskau dementiert.");
        Article("002", "Kim Jong Un: Warum sich Nordkoreas Kim Jong Un in Russland mit Wladimir Putin treffen könnte", "unknown-wire", new DateOnly(2023, 9, 4),
            "Das auffälligste Zeichen der Vertiefung der Beziehungen kam im Juli, als der russische Verteidigungsminister Sergej Schoigu Pjöngjang besuchte und eine Waffenausstellung besichtigte, auf der auch die verbotenen ballistischen Raketen des Nordens zu sehen waren.\n" +
            "Die USA werfen Nordkorea Waffenlieferungen an Russland vor, es ist jedoch unklar, ob es zu solchen Lieferungen gekommen ist. Sowohl Russland als auch Nordkorea haben diese Behauptungen zurückgewiesen, aber versprochen, die Verteidigungszusammenarbeit zu vertiefen.\n" +
            "Kurz darauf nahm Russland die Ölexporte nach Nordkorea wieder auf, wie Daten der Vereinten Nationen zeigen, die ersten derartigen Lieferungen seit 2020.\n" +
            "Russische Beamte haben offen darüber gesprochen, „an politischen Vereinbarungen zu arbeiten“, um 20.000 bis 50.000 nordkoreanische Arbeiter zu beschäftigen, obwohl Resolutionen des UN-Sicherheitsrates solche Vereinbarungen verbieten.");
        Article("003", "Russlands Verteidigungsminister Belousov in Pjöngjang (Seed-Text 003, Titel redaktionell)", "unknown-wire", new DateOnly(2024, 11, 30),
            "Nach Einschätzungen der USA, der Ukraine und Südkoreas hat Nordkorea mehr als 10.000 Soldaten nach Russland geschickt und einige von ihnen haben bereits mit Kämpfen an der Front begonnen. Die USA, Südkorea und andere sagen, Nordkorea habe auch Artilleriesysteme, Raketen und andere konventionelle Waffen geliefert, um Russlands erschöpften Waffenbestand aufzufüllen.\n" +
            "Sowohl Nordkorea als auch Russland haben die Bewegungen der nordkoreanischen Truppen nicht offiziell bestätigt und Berichte über Waffenlieferungen standhaft dementiert.\n" +
            "Letzte Woche sagte der südkoreanische nationale Sicherheitsberater Shin Wonsik in einem lokalen Fernsehprogramm von SBS, Seoul habe festgestellt, dass Russland Nordkorea Luftverteidigungsraketensysteme geliefert habe.");
        Article("004", "USA warnen Russland vor Rüstungskooperation mit Nordkorea (Seed-Text 004, Titel redaktionell)", "unknown-wire", new DateOnly(2023, 8, 15),
            "„Jede Art von Sicherheitskooperation oder Waffengeschäft zwischen Nordkorea und Russland würde mit Sicherheit gegen eine Reihe von Resolutionen des UN-Sicherheitsrates verstoßen“, sagte der Sprecher des US-Außenministeriums, Vedant Patel, am Dienstag in Washington.\n" +
            "Nach Einschätzung der USA bemüht sich Moskau um Waffenlieferungen seines Verbündeten.");
        await db.SaveChangesAsync(cancellationToken);

        var topics = new[] { "Waffenlieferungen", "Truppen", "Sanktionen", "Arbeitskräfte", "Diplomatie" }
            .ToDictionary(t => t, t => db.Topics.Add(Topic.Create(t)).Entity);
        await db.SaveChangesAsync(cancellationToken);

        var claims = new Dictionary<string, Claim>();
        Claim NewClaim(string key, string slug, string headline, string text, string translation, DateOnly firstMade,
            string summary, string[] claimants, string[] subjects, string[] topicNames)
        {
            var draft = new Claim.Draft(headline, text, "de", translation, "ClaimTracker-Redaktion", false, firstMade,
                sanitiser.Sanitise(summary).Html!, null);
            var claim = Claim.Create(draft, slug, Actor, now);
            claim.SetParticipants(claimants.Select(c => actors[c].Id), subjects.Select(s => actors[s].Id), Actor, now);
            claim.SetTopics(topicNames.Select(t => topics[t]), Actor, now);
            return claims[key] = db.Claims.Add(claim).Entity;
        }
        void Link(string claim, string source, SourceStance stance, string? quote = null) =>
            claims[claim].AttachSource(sources[source].Id, stance, quote, null, Actor, now);
        void Status(string claim, string status, DateOnly on, string rationale, params string[] evidence) =>
            claims[claim].ChangeStatus(statuses[status], on, sanitiser.Sanitise(rationale).Html!, evidence.Select(e => sources[e].Id).ToList(), null, Actor, now);
        // "kp+ru": said by both together, one joint statement.
        void Said(string claim, string actor, Stance stance, DateOnly on, string? quote, params string[] reportedIn)
        {
            var speakers = actor.Split('+').Select(a => actors[a].Id).ToList();
            claims[claim].AddStatement(new Statement.Draft(speakers[0], stance, on, quote, "de", null,
                reportedIn.Select(r => sources[r].Id).ToList(), speakers.Skip(1).ToList()), Actor, now);
        }

        NewClaim("arms", ArmsSlug, "Nordkorea liefert Russland Artillerie und Raketen",
            "US-amerikanische und südkoreanische Beamte haben Nordkorea wiederholt beschuldigt, Russland mit militärischer Ausrüstung wie Artillerie und Raketen zu versorgen.",
            "US and South Korean officials have repeatedly accused North Korea of supplying Russia with military equipment such as artillery and missiles.",
            new DateOnly(2023, 8, 15),
            "<p>Zuerst ein Verdacht der USA (August 2023), dann „unklar, von beiden dementiert“, im Juni 2024 „wiederholt vorgeworfen, dementiert“, im November 2024 nach Einschätzung der USA, Südkoreas und anderer geliefert – von Pjöngjang und Moskau weiterhin <strong>standhaft dementiert</strong>.</p>",
            ["us", "kr"], ["kp", "ru"], ["Waffenlieferungen"]);
        Link("arms", "004", SourceStance.Context, "Nach Einschätzung der USA bemüht sich Moskau um Waffenlieferungen seines Verbündeten.");
        Link("arms", "002", SourceStance.ReportsDenial, "Die USA werfen Nordkorea Waffenlieferungen an Russland vor, es ist jedoch unklar, ob es zu solchen Lieferungen gekommen ist.");
        Link("arms", "001", SourceStance.ReportsDenial, "Dennoch wurden solche Vorwürfe bezüglich Waffentransfers sowohl von Pjöngjang als auch von Moskau dementiert.");
        Status("arms", "open", new DateOnly(2023, 8, 15), "<p>Die USA vermuten, dass Moskau Waffen aus Nordkorea sucht. Belege für Lieferungen gibt es noch nicht.</p>", "004");
        Status("arms", "unproven", new DateOnly(2023, 9, 4), "<p>Die USA erheben den Vorwurf; laut Agenturbericht ist <em>unklar, ob es zu solchen Lieferungen gekommen ist</em>. Beide Länder weisen ihn zurück.</p>", "002");
        Status("arms", "unproven", new DateOnly(2024, 6, 18), "<p>US-amerikanische und südkoreanische Beamte wiederholen den Vorwurf; Pjöngjang und Moskau dementieren. Unabhängige Belege nennt der Bericht nicht.</p>", "001");
        Said("arms", "kp+ru", Stance.Denies, new DateOnly(2023, 9, 4), "Sowohl Russland als auch Nordkorea haben diese Behauptungen zurückgewiesen", "002");
        Said("arms", "kp+ru", Stance.Denies, new DateOnly(2024, 6, 18), "Dennoch wurden solche Vorwürfe bezüglich Waffentransfers sowohl von Pjöngjang als auch von Moskau dementiert.", "001");
        Said("arms", "patel", Stance.Asserts, new DateOnly(2023, 8, 15), "„Jede Art von Sicherheitskooperation oder Waffengeschäft zwischen Nordkorea und Russland würde mit Sicherheit gegen eine Reihe von Resolutionen des UN-Sicherheitsrates verstoßen“", "004");

        NewClaim("artillery", "nordkorea-liefert-artilleriesysteme", "Nordkorea liefert Russland Artilleriesysteme",
            "Die USA, Südkorea und andere sagen, Nordkorea habe auch Artilleriesysteme, Raketen und andere konventionelle Waffen geliefert, um Russlands erschöpften Waffenbestand aufzufüllen.",
            "The US, South Korea and others say North Korea has also supplied artillery systems, missiles and other conventional weapons to replenish Russia's depleted stocks.",
            new DateOnly(2024, 11, 30), "<p>Teilbehauptung der Waffenlieferungen: Artilleriesysteme.</p>", ["us", "kr"], ["kp", "ru"], ["Waffenlieferungen"]);
        Link("artillery", "003", SourceStance.Supports, "Nordkorea habe auch Artilleriesysteme, Raketen und andere konventionelle Waffen geliefert");
        Status("artillery", "corroborated", new DateOnly(2024, 11, 30), "<p>Von den USA, Südkorea und anderen übereinstimmend berichtet; von beiden Staaten dementiert.</p>", "003");

        NewClaim("troops", "nordkorea-schickt-soldaten-nach-russland", "Nordkorea hat mehr als 10.000 Soldaten nach Russland geschickt",
            "Nach Einschätzungen der USA, der Ukraine und Südkoreas hat Nordkorea mehr als 10.000 Soldaten nach Russland geschickt und einige von ihnen haben bereits mit Kämpfen an der Front begonnen.",
            "According to US, Ukrainian and South Korean assessments, North Korea has sent more than 10,000 soldiers to Russia, some of whom have already begun fighting at the front.",
            new DateOnly(2024, 11, 30), "<p>Drei Regierungen kommen zur selben Einschätzung. Nordkorea und Russland haben die Truppenbewegungen <strong>nicht offiziell bestätigt</strong>.</p>",
            ["us", "ua", "kr"], ["kp", "ru"], ["Truppen"]);
        Link("troops", "003", SourceStance.Supports, "hat Nordkorea mehr als 10.000 Soldaten nach Russland geschickt");
        Status("troops", "corroborated", new DateOnly(2024, 11, 30), "<p>Übereinstimmende Einschätzungen der USA, der Ukraine und Südkoreas; keine Bestätigung der Beteiligten.</p>", "003");
        Said("troops", "kp+ru", Stance.DeclinesToComment, new DateOnly(2024, 11, 30), "Sowohl Nordkorea als auch Russland haben die Bewegungen der nordkoreanischen Truppen nicht offiziell bestätigt", "003");

        NewClaim("oil", "russland-nimmt-oelexporte-nach-nordkorea-wieder-auf", "Russland hat die Ölexporte nach Nordkorea wieder aufgenommen",
            "Kurz darauf nahm Russland die Ölexporte nach Nordkorea wieder auf, wie Daten der Vereinten Nationen zeigen, die ersten derartigen Lieferungen seit 2020.",
            "Shortly afterwards Russia resumed oil exports to North Korea, as United Nations data show, the first such deliveries since 2020.",
            new DateOnly(2023, 9, 4), "<p>Beleg sind Daten der Vereinten Nationen. Moskau bestreitet, gegen UN-Sanktionen verstoßen zu haben.</p>", ["un"], ["ru", "kp"], ["Sanktionen"]);
        Link("oil", "002", SourceStance.Supports, "wie Daten der Vereinten Nationen zeigen, die ersten derartigen Lieferungen seit 2020");
        Status("oil", "confirmed", new DateOnly(2023, 9, 4), "<p>Durch UN-Daten belegt.</p>", "002");
        Said("oil", "ru", Stance.Denies, new DateOnly(2023, 9, 4), "Moskau hat bestritten, gegen die UN-Sanktionen verstoßen zu haben", "002");

        NewClaim("workers", "russland-will-nordkoreanische-arbeiter-beschaeftigen", "Russland will 20.000 bis 50.000 nordkoreanische Arbeiter beschäftigen",
            "Russische Beamte haben offen darüber gesprochen, „an politischen Vereinbarungen zu arbeiten“, um 20.000 bis 50.000 nordkoreanische Arbeiter zu beschäftigen, obwohl Resolutionen des UN-Sicherheitsrates solche Vereinbarungen verbieten.",
            "Russian officials have spoken openly about \"working on political arrangements\" to employ 20,000 to 50,000 North Korean workers, although UN Security Council resolutions ban such arrangements.",
            new DateOnly(2023, 9, 4), "<p>Gesprochen wurde über Vereinbarungen; ob Arbeiter tatsächlich beschäftigt werden, belegt der Bericht nicht.</p>", ["ru-officials"], ["ru", "kp"], ["Arbeitskräfte", "Sanktionen"]);
        Link("workers", "002", SourceStance.Supports, "„an politischen Vereinbarungen zu arbeiten“, um 20.000 bis 50.000 nordkoreanische Arbeiter zu beschäftigen");
        Status("workers", "open", new DateOnly(2023, 9, 4), "<p>Absichtserklärungen russischer Beamter; Umsetzung nicht belegt.</p>", "002");
        Said("workers", "ru-officials", Stance.Asserts, new DateOnly(2023, 9, 4), "„an politischen Vereinbarungen zu arbeiten“", "002");

        NewClaim("donbas", "nordkorea-schickt-arbeiter-in-den-donbas", "Nordkorea schickt Arbeiter zum Wiederaufbau in den Donbas",
            "Einige Tage später kündigte Pjöngjang an, nordkoreanische Arbeiter in das Donezbecken und nach Luhansk zu schicken, um beim Wiederaufbau zu helfen.",
            "A few days later Pyongyang announced it would send North Korean workers to the Donets Basin and Luhansk to help with reconstruction.",
            new DateOnly(2022, 7, 20), "<p>Eine Ankündigung Pjöngjangs; der russische Botschafter sieht Möglichkeiten <em>trotz UN-Sanktionen</em>.</p>", ["kp"], ["kp", "ru", "ua"], ["Arbeitskräfte"]);
        Link("donbas", "000", SourceStance.Supports, "kündigte Pjöngjang an, nordkoreanische Arbeiter in das Donezbecken und nach Luhansk zu schicken");
        Status("donbas", "open", new DateOnly(2022, 8, 15), "<p>Angekündigt; eine Entsendung ist nicht belegt.</p>", "000");
        Said("donbas", "matsegora", Stance.Asserts, new DateOnly(2022, 8, 15), "„hochqualifizierte und fleißige koreanische Arbeiter, die es gewohnt sind, unter härtesten Bedingungen zu arbeiten, beim Wiederaufbau helfen können.", "000");

        NewClaim("veto", "russland-veto-gegen-un-sanktionen-gegen-nordkorea", "Russland legte ein Veto gegen neue UN-Sanktionen gegen Nordkorea ein",
            "Als Dankeschön legte Russland im Mai sein Veto gegen eine UN-Resolution zur Einführung zusätzlicher Sanktionen gegen Nordkorea ein.",
            "As a thank-you, Russia vetoed a UN resolution imposing additional sanctions on North Korea in May.",
            new DateOnly(2022, 5, 26), "<p>Das Veto im UN-Sicherheitsrat ist öffentlich dokumentiert; der Bericht deutet es als Gegenleistung.</p>", [], ["ru", "kp"], ["Sanktionen", "Diplomatie"]);
        Link("veto", "000", SourceStance.Supports, "legte Russland im Mai sein Veto gegen eine UN-Resolution zur Einführung zusätzlicher Sanktionen gegen Nordkorea ein");
        Status("veto", "confirmed", new DateOnly(2022, 8, 15), "<p>Ein Veto im Sicherheitsrat ist ein öffentlicher Vorgang.</p>", "000");

        NewClaim("recognition", "nordkorea-erkennt-volksrepubliken-an", "Nordkorea erkannte die „Volksrepubliken“ Donezk und Luhansk an",
            "Es war eines der wenigen Länder, das die ukrainischen „Volksrepubliken“ Donezk und Luhansk anerkannte.",
            "It was one of the few countries to recognise the Ukrainian \"people's republics\" of Donetsk and Luhansk.",
            new DateOnly(2022, 7, 13), "<p>Die Ukraine brach daraufhin die Beziehungen zu Nordkorea ab.</p>", [], ["kp", "ua"], ["Diplomatie"]);
        Link("recognition", "000", SourceStance.Supports, "das die ukrainischen „Volksrepubliken“ Donezk und Luhansk anerkannte");
        Status("recognition", "confirmed", new DateOnly(2022, 8, 15), "<p>Eine staatliche Anerkennung ist ein öffentlicher Akt.</p>", "000");

        NewClaim("payments", "russland-und-nordkorea-wollen-sanktionen-umgehen", "Russland und Nordkorea wollen Handels- und Zahlungssysteme außerhalb westlicher Kontrolle aufbauen",
            "Er erwähnte, dass Russland und Nordkorea Systeme für Handel und Zahlungen entwickeln würden, die unabhängig vom westlichen Einfluss sind",
            "He said Russia and North Korea would develop trade and payment systems independent of Western influence",
            new DateOnly(2024, 6, 18), "<p>Eine Absichtserklärung Putins vor seinem Besuch in Pjöngjang.</p>", ["putin"], ["ru", "kp"], ["Sanktionen"]);
        Link("payments", "001", SourceStance.Supports, "dass Russland und Nordkorea Systeme für Handel und Zahlungen entwickeln würden, die unabhängig vom westlichen Einfluss sind");
        Status("payments", "open", new DateOnly(2024, 6, 18), "<p>Angekündigt; Umsetzung nicht belegt.</p>", "001");
        Said("payments", "putin", Stance.Asserts, new DateOnly(2024, 6, 18), "„unilateral und illegal“", "001");

        NewClaim("air-defence", "russland-liefert-nordkorea-luftabwehr", "Russland hat Nordkorea Luftverteidigungsraketensysteme geliefert",
            "Seoul habe festgestellt, dass Russland Nordkorea Luftverteidigungsraketensysteme geliefert habe.",
            "Seoul has found that Russia supplied North Korea with air-defence missile systems.",
            new DateOnly(2024, 11, 24), "<p>Eine einzelne Quelle: Südkoreas Sicherheitsberater im Fernsehen.</p>", ["shin"], ["ru", "kp"], ["Waffenlieferungen"]);
        Link("air-defence", "003", SourceStance.Supports, "Seoul habe festgestellt, dass Russland Nordkorea Luftverteidigungsraketensysteme geliefert habe.");
        Status("air-defence", "unproven", new DateOnly(2024, 11, 30), "<p>Nur eine Regierungsquelle, keine unabhängige Bestätigung.</p>", "003");
        Said("air-defence", "shin", Stance.Asserts, new DateOnly(2024, 11, 24), "Seoul habe festgestellt, dass Russland Nordkorea Luftverteidigungsraketensysteme geliefert habe.", "003");

        NewClaim("shoigu", "schoigu-besichtigt-ballistische-raketen", "Schoigu besichtigte in Pjöngjang verbotene ballistische Raketen",
            "als der russische Verteidigungsminister Sergej Schoigu Pjöngjang besuchte und eine Waffenausstellung besichtigte, auf der auch die verbotenen ballistischen Raketen des Nordens zu sehen waren.",
            "when Russian defence minister Sergei Shoigu visited Pyongyang and toured an arms exhibition that included the North's banned ballistic missiles.",
            new DateOnly(2023, 7, 26), "<p>Öffentlicher Besuch zum 70. Jahrestag des Endes des Koreakriegs.</p>", [], ["ru", "kp"], ["Diplomatie", "Waffenlieferungen"]);
        Link("shoigu", "002", SourceStance.Supports, "eine Waffenausstellung besichtigte, auf der auch die verbotenen ballistischen Raketen des Nordens zu sehen waren");
        Link("shoigu", "004", SourceStance.Context, null);
        Status("shoigu", "confirmed", new DateOnly(2023, 9, 4), "<p>Der Besuch fand öffentlich statt.</p>", "002");

        NewClaim("denial", "berichte-ueber-waffenlieferungen-sind-falsch", "Pjöngjang und Moskau: Berichte über Waffenlieferungen sind unzutreffend",
            "Sowohl Nordkorea als auch Russland haben […] Berichte über Waffenlieferungen standhaft dementiert.",
            "Both North Korea and Russia have steadfastly denied reports of arms deliveries.",
            new DateOnly(2023, 9, 4), "<p>Die Gegenbehauptung zu den Waffenlieferungen.</p>", ["kp", "ru"], ["us", "kr"], ["Waffenlieferungen"]);
        Link("denial", "003", SourceStance.ReportsDenial, "Berichte über Waffenlieferungen standhaft dementiert");
        Status("denial", "open", new DateOnly(2024, 11, 30), "<p>Widerspricht den Einschätzungen der USA, Südkoreas und anderer (Seed-Text 003); unabhängig belegt ist keine Seite vollständig.</p>", "003");
        await db.SaveChangesAsync(cancellationToken);

        claims["artillery"].SetParent(claims["arms"].Id, [], Actor, now);
        claims["denial"].AddRelation(RelationKind.Contradicts, claims["arms"].Id, Actor, now);
        await db.SaveChangesAsync(cancellationToken);
        foreach (var claim in claims.Values)
        {
            await workflow.PublishDirectlyAsync(claim.Id, "Demo data from the seed texts.", cancellationToken);
        }

        // The arms claim evolves: readers saw it as of June 2024 (version 1); the November 2024 reporting
        // of seed text 003 arrives as an update (version 2).
        Link("arms", "003", SourceStance.Supports, "Die USA, Südkorea und andere sagen, Nordkorea habe auch Artilleriesysteme, Raketen und andere konventionelle Waffen geliefert");
        Status("arms", "corroborated", new DateOnly(2024, 11, 30), "<p>Die USA, Südkorea und andere sagen übereinstimmend, Nordkorea habe Artilleriesysteme, Raketen und andere konventionelle Waffen geliefert. Beide Staaten dementieren weiterhin; offiziell bestätigt ist nichts.</p>", "003");
        Said("arms", "kp+ru", Stance.Denies, new DateOnly(2024, 11, 30), "Sowohl Nordkorea als auch Russland haben […] Berichte über Waffenlieferungen standhaft dementiert.", "003");
        await db.SaveChangesAsync(cancellationToken);
        await workflow.PublishDirectlyAsync(claims["arms"].Id, "Demo data: the November 2024 reporting (seed text 003).", cancellationToken);
        return true;
    }
}
