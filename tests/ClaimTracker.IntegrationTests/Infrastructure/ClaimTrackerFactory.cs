using ClaimTracker.Infrastructure.Accounts;
using ClaimTracker.Infrastructure.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ClaimTracker.IntegrationTests.Infrastructure;

/// <summary>
/// The real app on a real database of its own (created and migrated at start like in production), in the
/// Production environment unless a test asks for another. The database is a SQLite file, or with
/// CLAIMTRACKER_TEST_ENGINE=Postgres a fresh database on the PostgreSQL server CLAIMTRACKER_TEST_POSTGRES
/// names (test.sh starts a throw-away one and runs this suite on both engines).
/// </summary>
public class ClaimTrackerFactory : WebApplicationFactory<Program>
{
    public const string Password = "Korrekt Pferd Batterie";

    static ClaimTrackerFactory() => ClaimTracker.Tests.Shared.TestHosts.WatchNoConfigurationFiles();

    public ClaimTrackerFactory() : this("Production")
    {
    }

    /// <param name="settings">Configuration for this app only (e.g. lower limits to reach them quickly).</param>
    protected ClaimTrackerFactory(string environment, IReadOnlyDictionary<string, string>? settings = null)
    {
        Environment = environment;
        Settings = settings ?? new Dictionary<string, string>();
        Directory = System.IO.Directory.CreateTempSubdirectory("claimtracker-test-");
        DatabasePath = Path.Combine(Directory.FullName, "claimtracker.db");
        if (TestEngine.IsPostgres)
        {
            PostgresDatabase = TestEngine.NewPostgresDatabase();
        }
    }

    /// <summary>The PostgreSQL database's connection string when the suite runs on PostgreSQL; otherwise null.</summary>
    public string? PostgresDatabase { get; }

    public string Environment { get; }

    public DirectoryInfo Directory { get; }

    public string DatabasePath { get; }

    public IReadOnlyDictionary<string, string> Settings { get; }

    /// <summary>Everything the app logged, for tests that check what reaches the log.</summary>
    public CapturedLog Log { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environment);
        if (PostgresDatabase is null)
        {
            builder.UseSetting("ConnectionStrings:Default", $"Data Source={DatabasePath}");
        }
        else
        {
            builder.UseSetting("Database:Provider", "Postgres");
            builder.UseSetting("ConnectionStrings:Default", PostgresDatabase);
        }
        // The address readers use, as production requires it; the test client talks to https://localhost.
        builder.UseSetting("Site:PublicUrl", "https://localhost");
        // The background link check is run by hand in its tests; on a fake clock it would wake whenever a test moves time.
        builder.UseSetting("Evidence:LinkCheckEnabled", "false");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureLogging(logging => logging.AddProvider(Log));
    }

    /// <summary>A browser-like client: cookies kept, redirects not followed, over https.</summary>
    public HttpClient CreateBrowser() => CreateClient(new WebApplicationFactoryClientOptions
    {
        AllowAutoRedirect = false,
        HandleCookies = true,
        BaseAddress = new Uri("https://localhost"),
    });

    public async Task<AppUser> CreateUserAsync(string email, params string[] roles)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, CreatedAtUtc = DateTime.UtcNow };
        Check(await users.CreateAsync(user, Password));
        if (roles.Length > 0)
        {
            Check(await users.AddToRolesAsync(user, roles));
        }
        return user;
    }

    public async Task<T> WithDbAsync<T>(Func<AppDbContext, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    /// <summary>A claim made through the app's own use case, as an editor would; returns its id.</summary>
    public async Task<int> CreateClaimAsync(string headline, string originalText = "Ein Satz, wie er gesagt wurde.",
        string? topics = null, int? parentId = null, string by = "builder@example.org")
    {
        await using var scope = Services.CreateAsyncScope();
        var editor = scope.ServiceProvider.GetRequiredService<ClaimTracker.Infrastructure.Claims.LogClaim>();
        var result = await editor.CreateAsync(new ClaimTracker.Infrastructure.Claims.ClaimInput(headline, originalText, "de", null, null,
            false, null, null, null, [], [], topics, parentId), by);
        return result.Id ?? throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Message)));
    }

    public const string Reviewer = "reviewer@example.org";

    /// <summary>
    /// Through the four-eye workflow: the builder submits what is pending (a correction when a note is
    /// given) and another reviewer approves it, so readers see it. Or, with isPublic false, a reviewer
    /// withdraws the claim. Returns the slug.
    /// </summary>
    public async Task<string> PublishAsync(int claimId, bool isPublic = true, string? correctionNote = null)
    {
        await using var scope = Services.CreateAsyncScope();
        var workflow = scope.ServiceProvider.GetRequiredService<ClaimTracker.Infrastructure.Workflow.ClaimWorkflow>();
        ClaimTracker.Infrastructure.Claims.WorkResult result;
        if (!isPublic)
        {
            result = await workflow.WithdrawAsync(claimId, ClaimTracker.Domain.Accounts.StaffMember.Reviewer(Reviewer), "Zurückgezogen für einen Test.");
        }
        else
        {
            var state = await workflow.StateAsync(claimId) ?? throw new InvalidOperationException($"No claim {claimId}.");
            if (state.Review != ClaimTracker.Domain.Workflow.ReviewState.InReview)
            {
                Check(await workflow.SubmitAsync(claimId, "builder@example.org", null, correctionNote is not null, correctionNote));
            }
            result = await workflow.ApproveAsync(claimId, (await workflow.StateAsync(claimId))!.Version, ClaimTracker.Domain.Accounts.StaffMember.Reviewer(Reviewer));
        }
        Check(result);
        return result.Slug!;
    }

    private static void Check(ClaimTracker.Infrastructure.Claims.WorkResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Message)));
        }
    }

    /// <summary>Records a status change with a new source attached for it; the status key is from the default scale.</summary>
    public async Task SetStatusAsync(int claimId, string statusKey, DateOnly effectiveOn)
    {
        await using var scope = Services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        var db = provider.GetRequiredService<AppDbContext>();
        var citations = provider.GetRequiredService<ClaimTracker.Infrastructure.Claims.CiteSources>();
        var statusChange = provider.GetRequiredService<ClaimTracker.Infrastructure.Claims.ChangeClaimStatus>();
        var source = await provider.GetRequiredService<ClaimTracker.Infrastructure.Claims.SourceLibrary>().CreateAsync(
            new ClaimTracker.Domain.Claims.Source.Draft($"https://quelle.example/{Guid.NewGuid():N}", "Quelle", null, null, null, "de", null, null), "builder@example.org");
        await citations.AttachSourceAsync(claimId, source.Id!.Value, ClaimTracker.Domain.Claims.SourceStance.Supports, null, null, "builder@example.org");
        var statusId = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.Statuses.Where(s => s.Key == statusKey).Select(s => s.Id));
        var result = await statusChange.ChangeStatusAsync(claimId, statusId, effectiveOn, "Begründung.", [source.Id.Value], null, "builder@example.org");
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Message)));
        }
    }

    /// <summary>An outlet and one of its articles, made through the app's use cases; returns their ids as text.</summary>
    public async Task<(string ActorId, string SourceId)> CreateActorAndSourceAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        var name = "Agentur " + Guid.NewGuid().ToString("N")[..8];
        var actor = await scope.ServiceProvider.GetRequiredService<ClaimTracker.Infrastructure.Claims.ActorDirectory>()
            .CreateAsync(new ClaimTracker.Domain.Claims.Actor.Draft(name, ClaimTracker.Domain.Claims.ActorKind.NewsOutlet, null, null, null, "independent"));
        var source = await scope.ServiceProvider.GetRequiredService<ClaimTracker.Infrastructure.Claims.SourceLibrary>()
            .CreateAsync(new ClaimTracker.Domain.Claims.Source.Draft(null, "Meldung von " + name, actor.Id, null, new DateOnly(2024, 11, 30), "de", null, "Auszug."), "builder@example.org");
        return (actor.Id!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), source.Id!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    public async Task<IList<string>> RolesOfAsync(string email)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException($"No user {email}.");
        return (await users.GetRolesAsync(user)).Order().ToList();
    }

    /// <summary>A signed-in browser for a new user holding the given roles.</summary>
    public async Task<HttpClient> SignedInAsync(string email, params string[] roles)
    {
        await CreateUserAsync(email, roles);
        var browser = CreateBrowser();
        var response = await browser.SignInAsync(email, Password);
        if (response.StatusCode != System.Net.HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in of {email} failed: {(int)response.StatusCode}.");
        }
        return browser;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (PostgresDatabase is not null)
            {
                TestEngine.DropPostgresDatabase(PostgresDatabase);
            }
            try
            {
                Directory.Delete(recursive: true);
            }
            catch (IOException)
            {
                // A file still held open by a pooled connection; the OS temp cleaner takes it.
            }
        }
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}

/// <summary>The app with some settings of its own, e.g. lower limits to reach them quickly.</summary>
public sealed class ConfiguredFactory(IReadOnlyDictionary<string, string> settings) : ClaimTrackerFactory("Production", settings);

/// <summary>The app with room for many sign-ins from one address (a test class signing in a user per test).</summary>
public sealed class ManySignInsFactory() : ClaimTrackerFactory("Production",
    new Dictionary<string, string> { ["Security:RateLimits:PerAddressPerMinute"] = "1000", ["Security:RateLimits:PerAccountPer15Minutes"] = "1000" });

/// <summary>The app on a clock the test moves (starting now): what is ordered by time is ordered without waiting.</summary>
public sealed class FakeClockFactory : ClaimTrackerFactory
{
    public Microsoft.Extensions.Time.Testing.FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}

public sealed class DevelopmentFactory : ClaimTrackerFactory
{
    public DevelopmentFactory() : base("Development")
    {
    }
}
