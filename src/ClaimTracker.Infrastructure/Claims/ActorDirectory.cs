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
                    .Union(db.Statements.Where(s => s.ActorId == a.Id).Select(s => s.ClaimId)).Count()))
            .ToListAsync(cancellationToken);

    /// <summary>
    /// Every actor by name, for the editors' pickers: read by every claim form, so kept in memory
    /// (<see cref="ReferenceData"/>: forgotten by any save that adds, changes or deletes an actor).
    /// </summary>
    public async Task<IReadOnlyList<ActorOption>> OptionsAsync(CancellationToken cancellationToken = default) =>
        await reference.GetAsync(nameof(ActorDirectory), async ct =>
            (await db.Actors.AsNoTracking().OrderBy(a => a.Name).Select(a => new ActorOption(a.Id, a.Name, a.Kind)).ToListAsync(ct)).AsReadOnly(),
            cancellationToken);

    /// <summary>
    /// The actors named in a form's text field (names separated by semicolons or line breaks), each matched to the
    /// directory by its name, case aside (names are unique). A name the directory does not hold is a problem,
    /// told with up to five names that contain it, so the editor can correct the spelling; nothing is created.
    /// </summary>
    public async Task<(IReadOnlyList<int> Ids, IReadOnlyList<string> Problems)> FindByNamesAsync(string? names,
        CancellationToken cancellationToken = default)
    {
        var typed = SplitNames(names);
        if (typed.Count == 0)
        {
            return ([], []);
        }
        var options = await OptionsAsync(cancellationToken);
        var ids = new List<int>();
        var problems = new List<string>();
        foreach (var name in typed)
        {
            var matches = options.Where(o => string.Equals(o.Name, name, StringComparison.OrdinalIgnoreCase)).ToList();
            var found = matches.Count == 1 ? matches[0] : matches.FirstOrDefault(o => o.Name == name);
            if (found is not null)
            {
                ids.Add(found.Id);
                continue;
            }
            var similar = options.Where(o => o.Name.Contains(name, StringComparison.OrdinalIgnoreCase)).Take(5).ToList();
            problems.Add(similar.Count == 0
                ? $"No actor is named “{name}”: add them in the actor directory first, or check the spelling."
                : $"No actor is named “{name}”. Did you mean {string.Join(", ", similar.Select(o => $"“{o.Name}”"))}?");
        }
        return (ids.Distinct().ToList(), problems);
    }

    /// <summary>The names in a text field, trimmed and normalised as the directory stores them, each once.</summary>
    private static IReadOnlyList<string> SplitNames(string? names) =>
        (names ?? string.Empty).Split([';', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Select(TextRules.Normalise).Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    public async Task<(Actor.Draft Draft, Guid Version)?> FindAsync(int id, CancellationToken cancellationToken = default) =>
        await db.Actors.AsNoTracking().Where(a => a.Id == id)
            .Select(a => new { Draft = new Actor.Draft(a.Name, a.Kind, a.Country, a.Description, a.WikidataId, a.ProvenanceLabel), a.Version })
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
            var name = draft.Name.Trim();
            if (await LookingAlikeAsync(name, exceptId: id, cancellationToken) is { } twin)
            {
                return WorkResult.Invalid(nameof(Actor.Draft.Name), AlreadyThere(name, twin));
            }
            actor.Edit(draft);
            var now = clock.GetUtcNow().UtcDateTime;
            foreach (var claim in await db.Claims.Where(c => c.Actors.Any(a => a.ActorId == id) || c.Statements.Any(s => s.ActorId == id)).ToListAsync(cancellationToken))
            {
                claim.SharedPartChanged(user, now);
            }
            await db.SaveChangesAsync(cancellationToken);
            return WorkResult.Done(actor.Id, actor.Slug);
        }, () => ClaimEditor.GaveUp);

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
            if (await LookingAlikeAsync(name, exceptId: null, cancellationToken) is { } twin)
            {
                return WorkResult.Invalid(nameof(Actor.Draft.Name), AlreadyThere(name, twin));
            }
            var slugs = await db.Actors.Select(a => a.Slug).ToListAsync(cancellationToken);
            var actor = Actor.Create(draft, Slug.Unique(Slug.From(name), slugs.Contains));
            db.Actors.Add(actor);
            await db.SaveChangesAsync(cancellationToken);
            return WorkResult.Done(actor.Id, actor.Slug);
        }, () => ClaimEditor.GaveUp);
    }

    /// <summary>The directory's actor whose name reads the same as <paramref name="name"/> (<see cref="LookAlike"/>), if any.</summary>
    private async Task<string?> LookingAlikeAsync(string name, int? exceptId, CancellationToken cancellationToken)
    {
        var key = LookAlike.Key(name);
        var names = await db.Actors.Where(a => a.Id != exceptId).Select(a => a.Name).ToListAsync(cancellationToken);
        return names.FirstOrDefault(n => LookAlike.Key(n) == key);
    }

    private static string AlreadyThere(string name, string twin) => twin == name
        ? $"“{name}” is already in the directory."
        : $"“{name}” reads the same as “{twin}”, which is already in the directory: choose that one, or tell them apart in the name.";
}
