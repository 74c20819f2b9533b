using ClaimTracker.Migrations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ClaimTracker.IntegrationTests.Data;

/// <summary>
/// Migrations are made the ordinary way: the committed model snapshot (migrations/ClaimTracker.Migrations/AppDbContextModelSnapshot.cs)
/// matches the model, so `dotnet ef migrations add Name` generates only the next change — and a model change that no migration
/// covers fails here (EF's HasPendingModelChanges, what `dotnet ef migrations has-pending-model-changes` runs).
/// </summary>
[Trait("Engine", "Sqlite")]
public sealed class MigrationSnapshotTests
{
    [Fact]
    public void Model_HasNoChangeThatNoMigrationCovers()
    {
        using var db = new DesignTimeContextFactory().CreateDbContext([]);

        Assert.True(!db.Database.HasPendingModelChanges(),
            "The model changed without a migration: run `dotnet ef migrations add <Name> --project migrations/ClaimTracker.Migrations -o .` (README, Migrations).");
    }

    [Fact]
    public void TheDiffer_SeesASnapshotOneColumnAway()
    {
        // The check above is only worth something if a difference is seen: the committed snapshot, replayed, against the model —
        // as it is (no difference), and with one column made optional (a difference; SQLite ignores lengths).
        using var db = new DesignTimeContextFactory().CreateDbContext([]);
        var differ = db.GetService<IMigrationsModelDiffer>();
        var model = db.GetService<IDesignTimeModel>().Model.GetRelationalModel();

        Assert.False(differ.HasDifferences(Snapshot(db, _ => { }), model));
        Assert.True(differ.HasDifferences(Snapshot(db, b => b.Entity("ClaimTracker.Domain.Claims.Topic").Property<string>("Name").IsRequired(false)), model));
    }

    private static IRelationalModel Snapshot(DbContext db, Action<ModelBuilder> change)
    {
        var snapshot = (ModelSnapshot)Activator.CreateInstance(
            typeof(DesignTimeContextFactory).Assembly.GetType("ClaimTracker.Migrations.AppDbContextModelSnapshot", throwOnError: true)!, nonPublic: true)!;
        var builder = new ModelBuilder();
        typeof(ModelSnapshot).GetMethod("BuildModel", System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic)!
            .Invoke(snapshot, [builder]);
        change(builder);
        var model = db.GetService<IModelRuntimeInitializer>().Initialize((IModel)builder.Model.FinalizeModel(), designTime: true, validationLogger: null);
        return model.GetRelationalModel();
    }
}
