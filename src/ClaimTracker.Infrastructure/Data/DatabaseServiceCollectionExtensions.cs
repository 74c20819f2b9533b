using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using ClaimTracker.Infrastructure.Search;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ClaimTracker.Infrastructure.Data;

public static class DatabaseServiceCollectionExtensions
{
    public const string MigrationsAssembly = "ClaimTracker.Migrations";

    public static IServiceCollection AddClaimTrackerDatabase(this IServiceCollection services,
        IConfiguration configuration, string contentRoot)
    {
        var settings = DatabaseSettings.ForSqlite(configuration.GetConnectionString("Default"), contentRoot);
        services.AddSingleton(settings);
        services.AddSingleton<IClaimSearch, SqliteClaimSearch>();
        services.AddScoped<ChangeTracking>();
        services.TryAddSingleton<IPublicCache, NoPublicCache>();
        services.AddDbContext<AppDbContext>((provider, options) =>
            ConfigureSqlite(options, settings.ConnectionString).AddInterceptors(provider.GetRequiredService<ChangeTracking>()));
        services.AddScoped<DatabaseInitialiser>();
        return services;
    }

    /// <summary>The one place the SQLite provider is configured, used by the app and by tools.</summary>
    public static DbContextOptionsBuilder ConfigureSqlite(DbContextOptionsBuilder options, string connectionString) =>
        options
            .UseSqlite(connectionString, sqlite => sqlite.MigrationsAssembly(MigrationsAssembly))
            .AddInterceptors(new SqlitePragmas(DatabaseSettings.BusyTimeoutMilliseconds))
            // Migrations are hand-written (no model snapshot): the schema-equivalence test guards them instead.
            .ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));
}
