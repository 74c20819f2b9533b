using ClaimTracker.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace ClaimTracker.Migrations;

/// <summary>
/// The context `dotnet ef` works with (README "The compiled model"): SQLite, the model built from the
/// configuration classes rather than taken from the compiled model it is asked to regenerate.
/// </summary>
public sealed class DesignTimeContextFactory : IDesignTimeDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        DatabaseServiceCollectionExtensions.ConfigureSqlite(options, "Data Source=:memory:", buildModel: true);
        return new AppDbContext(options.Options);
    }
}
