using ClaimTracker.Domain;
using ClaimTracker.Domain.Claims;
using ClaimTracker.Domain.Text;
using ClaimTracker.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace ClaimTracker.Infrastructure.Claims;

public sealed record ActorRow(int Id, string Name, string Slug, ActorKind Kind, string? Country, string? Description,
    string? WikidataId, string? ProvenanceLabel, int ClaimCount);

public sealed record ActorOption(int Id, string Name, ActorKind Kind);

/// <summary>The actors editors pick as claimants, subjects, speakers and outlets.</summary>
public sealed class ActorDirectory(AppDbContext db, TimeProvider clock, ReferenceData reference)
{
    public async Task<IReadOnlyList<ActorRow>> ListAsync(CancellationToken cancellationToken = default) =>
        await db.Actors.AsNoTracking().OrderBy(a => a.Name)
            .Select(a => new ActorRow(a.Id, a.Name, a.Slug, a.Kind, a.Country, a.Description, a.WikidataId, a.ProvenanceLabel,
                db.Set<ClaimActor>().Where(ca => ca.ActorId == a.Id).Select(ca => ca.ClaimId)
                    .Union(db.Statements.Where(s => s.ActorId == a.Id || s.JointActors.Any(j => j.ActorId == a.Id)).Select(s => s.ClaimId)).Count()))
            .ToListAsync(cancellationToken);

    /// <summary>
    /// Every actor by name, for the editors' pickers: read by every claim form, so kept in memory
    /// (<see cref="ReferenceData"/>: forgotten by any save that adds, changes or deletes an actor).
    /// </summary>
    public async Task<IReadOnlyList<ActorOption>> OptionsAsync(CancellationToken cancellationToken = default) =>
        await reference.GetAsync(nameof(ActorDirectory), async ct =>
            (await db.Actors.AsNoTracking().OrderBy(a => a.Name).Select(a => new ActorOption(a.Id, a.Name, a.Kind)).ToListAsync(ct)).AsReadOnly(),
            cancellationToken);

    /// <summary>Every name and other name of the directory by its look-alike key, for matching what editors type; kept in memory.</summary>
    private Task<IReadOnlyList<NameEntry>> NamesAsync(CancellationToken cancellationToken) =>
        reference.GetAsync(nameof(ActorDirectory) + ".Names", async ct =>
        {
            var names = await db.Actors.AsNoTracking().Select(a => new { a.Id, a.Name }).ToListAsync(ct);
            var aliases = await db.Set<ActorAlias>().AsNoTracking().Select(a => new { a.ActorId, a.Name, a.Key }).ToListAsync(ct);
            var byId = names.ToDictionary(n => n.Id, n => n.Name);
            return (IReadOnlyList<NameEntry>)names.Select(n => new NameEntry(LookAlike.Key(n.Name), n.Id, n.Name, null))
                .Concat(aliases.Where(a => byId.ContainsKey(a.ActorId)).Select(a => new NameEntry(a.Key, a.ActorId, byId[a.ActorId], a.Name)))
                .ToList().AsReadOnly();
        }, cancellationToken);

    /// <summary>Type-ahead: actors whose name or other name starts with (then contains) what was typed, case and accents aside;
    /// each actor once, with the other name it was found by.</summary>
    public async Task<IReadOnlyList<(string Name, string? FoundAs)>> SuggestAsync(string? typed, int limit = 10, CancellationToken cancellationToken = default)
    {
        var key = LookAlike.Key(typed ?? string.Empty);
        if (key.Length == 0)
        {
            return [];
        }
        return (await NamesAsync(cancellationToken))
            .Select(e => (Entry: e, Rank: e.Key.StartsWith(key, StringComparison.Ordinal) ? 0 : e.Key.Contains(key, StringComparison.Ordinal) ? 1 : 2))
            .Where(m => m.Rank < 2)
            .OrderBy(m => m.Rank).ThenBy(m => m.Entry.Alias is null ? 0 : 1).ThenBy(m => m.Entry.ActorName, StringComparer.Ordinal)
            .DistinctBy(m => m.Entry.ActorId).Take(limit)
            .Select(m => (m.Entry.ActorName, m.Entry.Alias)).ToList();
    }

    /// <param name="Alias">The other name this entry is, or null for the actor's own name.</param>
    private sealed record NameEntry(string Key, int ActorId, string ActorName, string? Alias);

    /// <summary>
    /// The actors named in a form's text field (names separated by semicolons or line breaks), each matched to the directory by
    /// its name or one of its other names, as it reads (<see cref="LookAlike"/>: case, accents, invisible characters aside):
    /// "South Korea", "sudkorea" and "Südkorea" all find Südkorea. A name the directory does not hold is a problem, told with
    /// the closest names it does hold; nothing is created.
    /// </summary>
    public async Task<(IReadOnlyList<int> Ids, IReadOnlyList<string> Problems)> FindByNamesAsync(string? names,
        CancellationToken cancellationToken = default)
    {
        var typed = SplitNames(names);
        if (typed.Count == 0)
        {
            return ([], []);
        }
        var entries = await NamesAsync(cancellationToken);
        var ids = new List<int>();
        var problems = new List<string>();
        foreach (var name in typed)
        {
            var key = LookAlike.Key(name);
            var matches = entries.Where(e => e.Key == key).Select(e => e.ActorId).Distinct().ToList();
            if (matches.Count == 1)
            {
                ids.Add(matches[0]);
                continue;
            }
            var closest = Closest(entries, key);
            problems.Add(closest.Count == 0
                ? $"No actor is named “{name}”: add them to the directory (Actors → New actor), or check the spelling."
                : $"No actor is named “{name}”. Did you mean {string.Join(" or ", closest.Select(e => e.Alias is null ? $"“{e.ActorName}”" : $"“{e.ActorName}” ({e.Alias})"))}? Otherwise add them to the directory.");
        }
        return (ids.Distinct().ToList(), problems);
    }

    /// <summary>The names in <paramref name="lists"/> (semicolon-separated, as typed) that no actor answers to: candidates
    /// for "add to the directory". A name several actors answer to is not among them (it needs choosing, not adding).</summary>
    public async Task<IReadOnlyList<string>> UnknownNamesAsync(IEnumerable<string?> lists, CancellationToken cancellationToken = default)
    {
        var typed = lists.SelectMany(SplitNames).DistinctBy(LookAlike.Key).ToList();
        if (typed.Count == 0)
        {
            return [];
        }
        var keys = (await NamesAsync(cancellationToken)).Select(e => e.Key).ToHashSet(StringComparer.Ordinal);
        return typed.Where(name => !keys.Contains(LookAlike.Key(name))).ToList();
    }

    /// <summary>Up to three actors whose names or other names read closest to the key: few letters apart, or containing it.</summary>
    private static IReadOnlyList<NameEntry> Closest(IReadOnlyList<NameEntry> entries, string key) =>
        entries.Select(e => (Entry: e, Distance: e.Key.Contains(key, StringComparison.Ordinal) || key.Contains(e.Key, StringComparison.Ordinal)
                ? Math.Abs(e.Key.Length - key.Length) / 4
                : Distance(e.Key, key, limit: Math.Max(2, key.Length / 3))))
            .Where(c => c.Distance <= Math.Max(2, key.Length / 3))
            .OrderBy(c => c.Distance).ThenBy(c => c.Entry.ActorName, StringComparer.Ordinal)
            .DistinctBy(c => c.Entry.ActorId).Take(3).Select(c => c.Entry).ToList();

    /// <summary>Edit distance (insertions, deletions, substitutions), or limit + 1 once it is certainly above the limit.</summary>
    private static int Distance(string a, string b, int limit)
    {
        if (Math.Abs(a.Length - b.Length) > limit)
        {
            return limit + 1;
        }
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        var current = new int[b.Length + 1];
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var best = current[0];
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
                best = Math.Min(best, current[j]);
            }
            if (best > limit)
            {
                return limit + 1;
            }
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }

    /// <summary>The names in a text field, trimmed and normalised as the directory stores them, each once.</summary>
    private static IReadOnlyList<string> SplitNames(string? names) =>
        (names ?? string.Empty).Split([';', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Select(TextRules.Normalise).Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    public async Task<(Actor.Draft Draft, Guid Version)?> FindAsync(int id, CancellationToken cancellationToken = default) =>
        await db.Actors.AsNoTracking().Where(a => a.Id == id)
            .Select(a => new { Draft = new Actor.Draft(a.Name, a.Kind, a.Country, a.Description, a.WikidataId, a.ProvenanceLabel,
                a.Aliases.OrderBy(x => x.Name).Select(x => x.Name).ToList()), a.Version })
            .FirstOrDefaultAsync(cancellationToken) is { } found ? (found.Draft, found.Version) : null;

    /// <summary>Saves the actor; every claim naming it gets a pending revision (its readers see the change after review).</summary>
    public Task<WorkResult> EditAsync(int id, Guid version, Actor.Draft draft, string user, CancellationToken cancellationToken = default) =>
        // The claims it marks pending may be saved by others at the same moment: then it is tried again on what they left.
        LostRace.RetryAsync(db, async () =>
        {
            var actor = await db.Actors.FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
            if (actor is null)
            {
                return WorkResult.NotFound("actor");
            }
            if (actor.Version != version)
            {
                return WorkResult.Invalid(string.Empty, $"Someone else changed “{actor.Name}” meanwhile. The form shows the current values; make your change again.") with { IsConflict = true };
            }
            if (Actor.Validate(draft) is { Count: > 0 } errors)
            {
                return WorkResult.Invalid(errors);
            }
            if (await TakenAsync(draft, exceptId: id, cancellationToken) is { } taken)
            {
                return WorkResult.Invalid(taken.Field, taken.Message);
            }
            await db.Entry(actor).Collection(a => a.Aliases).LoadAsync(cancellationToken);
            actor.Edit(draft);
            var now = clock.GetUtcNow().UtcDateTime;
            foreach (var claim in await db.Claims.Where(c => c.Actors.Any(a => a.ActorId == id) || c.Statements.Any(s => s.ActorId == id || s.JointActors.Any(j => j.ActorId == id))).ToListAsync(cancellationToken))
            {
                claim.SharedPartChanged(user, now);
            }
            await db.SaveChangesAsync(cancellationToken);
            return WorkResult.Done(actor.Id, actor.Slug);
        }, () => ClaimChange.GaveUp);

    public async Task<WorkResult> CreateAsync(Actor.Draft draft, CancellationToken cancellationToken = default)
    {
        if (Actor.Validate(draft) is { Count: > 0 } errors)
        {
            return WorkResult.Invalid(errors);
        }
        var name = draft.Name.Trim();
        // Two editors adding the same actor at once: the second try finds the first one's.
        return await LostRace.RetryAsync(db, async () =>
        {
            if (await TakenAsync(draft, exceptId: null, cancellationToken) is { } taken)
            {
                return WorkResult.Invalid(taken.Field, taken.Message);
            }
            var slugs = await db.Actors.Select(a => a.Slug).ToListAsync(cancellationToken);
            var actor = Actor.Create(draft, Slug.Unique(Slug.From(name), slugs.Contains));
            db.Actors.Add(actor);
            await db.SaveChangesAsync(cancellationToken);
            return WorkResult.Done(actor.Id, actor.Slug);
        }, () => ClaimChange.GaveUp);
    }

    /// <summary>
    /// The first of the draft's names (its name, then its other names) that another actor answers to, with why: every other
    /// actor's name and other names are read once and compared by look-alike key (<see cref="LookAlike"/>).
    /// </summary>
    private async Task<FieldError?> TakenAsync(Actor.Draft draft, int? exceptId, CancellationToken cancellationToken)
    {
        var others = (await db.Actors.Where(a => a.Id != exceptId).Select(a => a.Name).ToListAsync(cancellationToken))
            .Select(n => (Key: LookAlike.Key(n), Says: n))
            .Concat((await db.Set<ActorAlias>().Where(a => a.ActorId != exceptId)
                    .Join(db.Actors, a => a.ActorId, actor => actor.Id, (a, actor) => new { a.Key, actor.Name, Alias = a.Name })
                    .ToListAsync(cancellationToken))
                .Select(a => (a.Key, Says: a.Name + " (also called " + a.Alias + ")")))
            .GroupBy(o => o.Key).ToDictionary(g => g.Key, g => g.First().Says);
        var name = draft.Name.Trim();
        if (others.GetValueOrDefault(LookAlike.Key(name)) is { } twin)
        {
            return new FieldError(nameof(Actor.Draft.Name), AlreadyThere(name, twin));
        }
        foreach (var alias in Actor.AliasNames(draft.Aliases))
        {
            if (others.GetValueOrDefault(LookAlike.Key(alias)) is { } other)
            {
                return new FieldError(nameof(Actor.Draft.Aliases), $"“{alias}” already names “{other}”: one name answers to one actor.");
            }
        }
        return null;
    }

    private static string AlreadyThere(string name, string twin) => twin == name
        ? $"“{name}” is already in the directory."
        : $"“{name}” reads the same as “{twin}”, which is already in the directory: choose that one, or tell them apart in the name.";
}
