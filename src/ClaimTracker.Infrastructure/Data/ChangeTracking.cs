using System.Globalization;
using System.Text.Json;
using ClaimTracker.Domain.Claims;
using ClaimTracker.Domain.Text;
using ClaimTracker.Infrastructure.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace ClaimTracker.Infrastructure.Data;

/// <summary>
/// Every save of claim data also writes field-level change records (who, when, before, after) and
/// brings the search index up to date, in one transaction with the change itself.
/// </summary>
public sealed class ChangeTracking(IRequestContext request, TimeProvider clock, IClaimSearch search, IPublicCache publicCache,
    Claims.PublishedViewChanges publishedView) : SaveChangesInterceptor
{
    public const string SystemActor = "system";

    /// <summary>
    /// Fields no change record lists: stamps, and the copies an approval makes of what it published (the approval
    /// itself is recorded in the workflow history and the audit log).
    /// </summary>
    private static readonly HashSet<string> Noise = [nameof(Claim.Version), nameof(Claim.UpdatedAtUtc), nameof(Claim.UpdatedBy),
        nameof(Actor.PublishedName), nameof(Actor.PublishedDescription), nameof(Actor.PublishedWikidataId),
        // The link check's bookkeeping; a change of the state itself is recorded.
        nameof(Source.LinkCheckedAtUtc), nameof(Source.LinkNote), nameof(Source.LinkStateSinceUtc)];

    private List<Pending>? pending;
    private IDbContextTransaction? ownTransaction;
    private bool writingRecords;

    /// <summary>Who is named in change records when no request is running (seeding, commands).</summary>
    public string? ActorOverride { get; set; }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (!writingRecords && eventData.Context is AppDbContext db && Capture(db).Count > 0)
        {
            throw new InvalidOperationException("Claim data is saved with SaveChangesAsync, which records its changes.");
        }
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (writingRecords || eventData.Context is not AppDbContext db)
        {
            return result;
        }
        pending = Capture(db);
        if (pending.Count > 0 && db.Database.CurrentTransaction is null)
        {
            ownTransaction = await db.Database.BeginTransactionAsync(cancellationToken);
        }
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result,
        CancellationToken cancellationToken = default)
    {
        if (writingRecords || pending is not { Count: > 0 } changes || eventData.Context is not AppDbContext db)
        {
            return result;
        }
        writingRecords = true;
        try
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var actor = ActorOverride ?? request.UserName ?? SystemActor;
            // Everything is saved: nothing left to detect, and detecting on every lookup would cost O(n²).
            var detect = db.ChangeTracker.AutoDetectChangesEnabled;
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            var owners = new Owners(
                db.Statements.Local.ToDictionary(x => x.Id, x => x.ClaimId),
                db.StatusChanges.Local.ToDictionary(x => x.Id, x => x.ClaimId));
            var records = changes.Select(c => c.ToRecord(owners, now, actor)).OfType<ChangeRecord>().ToList();
            db.ChangeTracker.AutoDetectChangesEnabled = detect;
            await InsertAsync(db, records, cancellationToken);

            var claimIds = records.Where(r => r.ClaimId is not null).Select(r => r.ClaimId!.Value).ToHashSet();
            var sourceIds = records.Where(r => r.EntityType == nameof(Source) && r.Action != "Created").Select(r => int.Parse(r.EntityId, CultureInfo.InvariantCulture)).ToList();
            if (sourceIds.Count > 0)
            {
                claimIds.UnionWith(await db.ClaimSources.Where(cs => sourceIds.Contains(cs.SourceId)).Select(cs => cs.ClaimId).ToListAsync(cancellationToken));
            }
            await search.ReindexAsync(db, claimIds, ApprovedVersionChanged(changes), cancellationToken);
            if (ownTransaction is not null)
            {
                await ownTransaction.CommitAsync(cancellationToken);
            }
            // The counts on the home, statistics, actor and topic pages change only when a claim is approved, withdrawn or
            // published again: a busy desk's drafts do not make readers wait for a recount.
            if (changes.Any(c => c.Entry.Entity is Claim && c.State == EntityState.Modified
                    && c.Fields.Any(f => f.Field is nameof(Claim.IsPublic) or nameof(Claim.PublishedVersion))))
            {
                publishedView.Announce();
            }
            // Readers get the change on their very next request.
            await publicCache.EvictAsync(cancellationToken);
        }
        finally
        {
            writingRecords = false;
            pending = null;
            if (ownTransaction is not null)
            {
                await ownTransaction.DisposeAsync();
                ownTransaction = null;
            }
        }
        return result;
    }

    public override async Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        if (!writingRecords && ownTransaction is not null)
        {
            await ownTransaction.RollbackAsync(cancellationToken);
            await ownTransaction.DisposeAsync();
            ownTransaction = null;
        }
        pending = null;
    }

    /// <summary>
    /// Writes the records with a few multi-row INSERTs instead of one tracked entity each: a save of
    /// many rows (an import, a library edit touching many claims) stays cheap. Values travel as parameters.
    /// </summary>
    private static async Task InsertAsync(AppDbContext db, List<ChangeRecord> records, CancellationToken cancellationToken)
    {
        // Small statements: SQLite looks parameters up by name linearly, so huge ones cost O(n²).
        foreach (var chunk in records.Chunk(50))
        {
            var sql = new System.Text.StringBuilder(
                "INSERT INTO \"ChangeRecords\" (\"OccurredAtUtc\", \"Actor\", \"EntityType\", \"EntityId\", \"ClaimId\", \"Action\", \"Changes\") VALUES ");
            var parameters = new List<object>(chunk.Length * 7);
            foreach (var record in chunk)
            {
                object?[] values = [record.OccurredAtUtc, record.Actor, record.EntityType, record.EntityId, record.ClaimId, record.Action, record.Changes];
                sql.Append(parameters.Count == 0 ? "(" : ",(");
                for (var i = 0; i < values.Length; i++)
                {
                    sql.Append(i == 0 ? "" : ",");
                    if (values[i] is { } value)
                    {
                        sql.Append('{').Append(parameters.Count.ToString(CultureInfo.InvariantCulture)).Append('}');
                        parameters.Add(value);
                    }
                    else
                    {
                        sql.Append("NULL");
                    }
                }
                sql.Append(')');
            }
            var statement = sql.ToString();
            await db.Database.ExecuteSqlRawAsync(statement, parameters, cancellationToken);
        }
    }

    /// <summary>
    /// The claims whose approved version, the one readers search, may differ after this save: created or deleted,
    /// made public or withdrawn, or given another approved version. Versions never change once approved, so any
    /// other save (an edit, a source, a status change: a pending revision) leaves readers' index entries as they are.
    /// </summary>
    private static List<int> ApprovedVersionChanged(List<Pending> changes) =>
        changes.Where(c => c.Entry.Entity is Claim && (c.State != EntityState.Modified
                || c.Fields.Any(f => f.Field is nameof(Claim.IsPublic) or nameof(Claim.PublishedVersion))))
            .Select(c => ((Claim)c.Entry.Entity).Id)
            .ToList();

    private static List<Pending> Capture(AppDbContext db) =>
        db.ChangeTracker.Entries()
            // The claim's review (ClaimReview, in its row) is not a field readers see: its steps are workflow events.
            .Where(e => e.Entity.GetType().Namespace == typeof(Claim).Namespace
                        && e.Entity is not (PublishedClaimTopic or PublishedClaimActor)
                        && e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Select(e => new Pending(e, e.State, e.State switch
            {
                EntityState.Modified => e.Properties
                    .Where(p => p.IsModified && !Noise.Contains(p.Metadata.Name) && !Equals(p.OriginalValue, p.CurrentValue))
                    .Select(p => new FieldChange(p.Metadata.Name, Format(p.OriginalValue), Format(p.CurrentValue))).ToList(),
                EntityState.Deleted => e.Properties.Select(p => new FieldChange(p.Metadata.Name, Format(p.OriginalValue), null)).ToList(),
                _ => [],
            }))
            .Where(p => p.State != EntityState.Modified || p.Fields.Count > 0)
            .ToList();

    private static string? Format(object? value) => value switch
    {
        null => null,
        SanitisedHtml html => html.Html,
        DateTime time => time.ToString("O", CultureInfo.InvariantCulture),
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    public sealed record FieldChange(string Field, string? Before, string? After);

    /// <summary>The claim each tracked statement and status change belongs to, for records of their source links.</summary>
    private sealed record Owners(Dictionary<int, int> Statements, Dictionary<int, int> StatusChanges);

    private sealed record Pending(EntityEntry Entry, EntityState State, List<FieldChange> Fields)
    {
        public ChangeRecord ToRecord(Owners owners, DateTime now, string actor)
        {
            var fields = State == EntityState.Added
                ? Entry.Properties.Where(p => !Noise.Contains(p.Metadata.Name) && p.CurrentValue is not null)
                    .Select(p => new FieldChange(p.Metadata.Name, null, Format(p.CurrentValue))).ToList()
                : Fields;
            var key = string.Join("/", Entry.Metadata.FindPrimaryKey()!.Properties.Select(p =>
                Format(State == EntityState.Deleted ? Entry.Property(p.Name).OriginalValue : Entry.Property(p.Name).CurrentValue)));
            return new ChangeRecord
            {
                OccurredAtUtc = now,
                Actor = actor,
                EntityType = Entry.Metadata.ClrType.Name,
                EntityId = key,
                ClaimId = ClaimIdOf(owners),
                Action = State switch { EntityState.Added => "Created", EntityState.Deleted => "Deleted", _ => "Changed" },
                Changes = JsonSerializer.Serialize(fields),
            };
        }

        private int? ClaimIdOf(Owners owners) => Entry.Entity switch
        {
            Claim claim => claim.Id,
            Statement s => s.ClaimId,
            StatusChange s => s.ClaimId,
            ClaimSource s => s.ClaimId,
            ClaimActor a => a.ClaimId,
            ClaimTopic t => t.ClaimId,
            ClaimRelation r => r.FromClaimId,
            SlugRedirect r => r.ClaimId,
            StatementSource s => owners.Statements.TryGetValue(s.StatementId, out var claim) ? claim : null,
            StatusChangeSource s => owners.StatusChanges.TryGetValue(s.StatusChangeId, out var claim) ? claim : null,
            _ => null,
        };
    }
}
