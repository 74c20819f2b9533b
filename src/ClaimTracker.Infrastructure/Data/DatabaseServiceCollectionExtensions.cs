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
        var settings = DatabaseSettings.From(configuration["Database:Provider"], configuration.GetConnectionString("Default"), contentRoot);
        services.AddSingleton(settings);
        if (settings.IsSqlite)
        {
            services.AddSingleton<IClaimSearch, SqliteClaimSearch>();
        }
        else
        {
            services.AddSingleton<IClaimSearch, PostgresClaimSearch>();
            // Instances sharing the database tell each other what to forget (reader pages, reference data).
            services.AddSingleton<PostgresChangeSignals>();
            services.AddHostedService(provider => provider.GetRequiredService<PostgresChangeSignals>());
        }
        services.AddScoped<ChangeTracking>();
        services.AddSingleton<ReferenceData>();
        services.TryAddKeyedSingleton<IPublicCache, NoPublicCache>(PublicCacheKeys.Local);
        services.TryAddSingleton<IPublicCache>(provider => settings.IsSqlite
            ? provider.GetRequiredKeyedService<IPublicCache>(PublicCacheKeys.Local)
            : new SharedPublicCache(provider.GetRequiredKeyedService<IPublicCache>(PublicCacheKeys.Local), provider.GetRequiredService<PostgresChangeSignals>()));
        // Options are built once and contexts come from a pool: building options and a context's internal
        // services per request cost more than the queries of a small page. Each request's context gets
        // the request's own change tracker when it is taken from the pool.
        services.AddPooledDbContextFactory<AppDbContext>((provider, options) =>
            Configure(options, settings)
                .AddInterceptors(new ScopedChangeTracking(), provider.GetRequiredService<ReferenceData>()));
        services.AddScoped(provider =>
        {
            var db = provider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext();
            db.Changes = provider.GetRequiredService<ChangeTracking>();
            return db;
        });
        services.AddScoped<DatabaseInitialiser>();
        return services;
    }

    /// <summary>The engine the settings name, configured as the app uses it.</summary>
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, DatabaseSettings settings) =>
        settings.IsSqlite ? ConfigureSqlite(options, settings.ConnectionString) : ConfigurePostgres(options, settings.ConnectionString);

    /// <summary>The one place the PostgreSQL provider is configured, used by the app and by tools.</summary>
    public static DbContextOptionsBuilder ConfigurePostgres(DbContextOptionsBuilder options, string connectionString) =>
        options
            .UseNpgsql(connectionString, npgsql => npgsql.MigrationsAssembly(MigrationsAssembly))
            .ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));

    /// <summary>The one place the SQLite provider is configured, used by the app and by tools.</summary>
    public static DbContextOptionsBuilder ConfigureSqlite(DbContextOptionsBuilder options, string connectionString) =>
        options
            // A list in a query (ids of search hits, slugs of related claims) travels as one JSON parameter read with
            // json_each: the SQL stays the same for any length, so it is built once and cached, and SQLite does not
            // look up hundreds of named parameters one by one.
            .UseSqlite(connectionString, sqlite => sqlite.MigrationsAssembly(MigrationsAssembly)
                .UseParameterizedCollectionMode(ParameterTranslationMode.Parameter))
            .AddInterceptors(new SqlitePragmas(DatabaseSettings.BusyTimeoutMilliseconds),
                SqliteWriterQueue.For(connectionString, DatabaseSettings.BusyTimeoutMilliseconds))
            // Migrations are hand-written (no model snapshot): the schema-equivalence test guards them instead.
            .ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));
}
