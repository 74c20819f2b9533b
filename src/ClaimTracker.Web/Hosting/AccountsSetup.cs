using ClaimTracker.Domain.Accounts;
using ClaimTracker.Infrastructure.Accounts;
using ClaimTracker.Infrastructure.Auditing;
using ClaimTracker.Infrastructure.Claims;
using ClaimTracker.Infrastructure.Seeding;
using ClaimTracker.Infrastructure.Data;
using ClaimTracker.Web.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.AspNetCore.Identity;

namespace ClaimTracker.Web.Hosting;

public static class AccountsSetup
{
    /// <summary>How long a set-password link handed to a new colleague stays valid.</summary>
    public static readonly TimeSpan SetPasswordLinkLifetime = TimeSpan.FromDays(3);

    public static IServiceCollection AddClaimTrackerAccounts(this IServiceCollection services, IWebHostEnvironment environment)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddHttpContextAccessor();
        services.AddSingleton<ClaimTracker.Infrastructure.IRequestContext, HttpRequestContext>();
        services.AddScoped<AuditLog>();
        services.AddScoped<StaffAccounts>();
        services.AddScoped<SecondFactors>();
        services.AddScoped<AdminBootstrap>();
        services.AddScoped<StatusScale>();
        // The desk's commands, one per use case.
        services.AddScoped<LogClaim>();
        services.AddScoped<EditClaim>();
        services.AddScoped<DeleteDraft>();
        services.AddScoped<RelateClaims>();
        services.AddScoped<AssignClaim>();
        services.AddScoped<RecordStatement>();
        services.AddScoped<CiteSources>();
        services.AddScoped<ChangeClaimStatus>();
        services.AddScoped<ClaimDetailsQuery>();
        services.AddScoped<DeskFilter>();
        services.AddPageQueries();
        services.AddScoped<PublicLists>();
        services.AddScoped<PublicClaimPage>();
        services.AddScoped<PublicFeeds>();
        services.AddScoped<PublicDirectory>();
        services.AddScoped<ClaimExports>();
        services.AddScoped<VerdictFeed>();
        services.AddSingleton<ClaimTracker.Infrastructure.Workflow.ApprovedSnapshots>();
        services.AddScoped<ClaimTracker.Infrastructure.Workflow.ClaimDiscussion>();
        services.AddScoped<ClaimTracker.Infrastructure.Workflow.ClaimWorkflow>();
        services.AddScoped<ClaimTracker.Infrastructure.Feedback.ReaderReports>();
        services.AddScoped<ClaimTracker.Infrastructure.Site.SitePublishing>();
        services.AddScoped<ActorDirectory>();
        services.AddScoped<SourceLibrary>();
        services.AddScoped<ClaimReviewImport>();
        services.AddSingleton<ClaimReviewImportRun>();
        services.AddScoped<DemoData>();
        services.AddScoped<ClaimTracker.Infrastructure.Data.Transfer.DatasetExport>();
        services.AddScoped<ClaimTracker.Infrastructure.Data.Transfer.DatasetImport>();
        services.AddScoped<ClaimTracker.Infrastructure.Notifications.Inbox>();
        services.AddScoped<ActivityTrail>();
        services.AddScoped<PublicSitemap>();
        services.AddOptions<ClaimTracker.Infrastructure.Notifications.MailOptions>().BindConfiguration(ClaimTracker.Infrastructure.Notifications.MailOptions.Section);
        services.AddHostedService<ClaimTracker.Infrastructure.Notifications.MailOutbox>();

        services.AddIdentity<AppUser, IdentityRole>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.SignIn.RequireConfirmedAccount = false;
                options.Password.RequiredLength = PasswordPolicy.MinimumLength;
                options.Password.RequiredUniqueChars = PasswordPolicy.MinimumUniqueCharacters;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = PasswordPolicy.MaxFailedAttempts;
                options.Lockout.DefaultLockoutTimeSpan = PasswordPolicy.LockoutDuration;
            })
            .AddEntityFrameworkStores<AppDbContext>()
            .AddSignInManager<AppSignInManager>()
            .AddDefaultTokenProviders();

        // Passkeys belong to the site's public address (its host is the WebAuthn relying party), not to whatever Host a request names.
        services.AddOptions<IdentityPasskeyOptions>().Configure<IConfiguration>((options, configuration) =>
        {
            if (SiteAddress.Parse(configuration[SiteAddress.Setting], out _) is { } origin)
            {
                options.ServerDomain = new Uri(origin).Host;
            }
        });
        services.Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = SetPasswordLinkLifetime);
        // Checked on every request, so disabling an account or changing its roles takes effect at once.
        // A session that passes keeps its principal (no re-read of roles, no new cookie per request): SessionCheck.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.Zero);
        services.AddScoped<ISecurityStampValidator, SessionCheck>();

        // On SQLite the keys live beside the database file, so one data folder holds everything an instance keeps.
        // On PostgreSQL they live in the shared database, so every instance accepts the others' cookies and forms.
        services.AddDataProtection().SetApplicationName("ClaimTracker");
        services.AddOptions<KeyManagementOptions>()
            .Configure<DatabaseSettings, ILoggerFactory, IServiceProvider>((options, database, logging, provider) =>
                options.XmlRepository = database.FilePath is { } file
                    ? new FileSystemXmlRepository(new DirectoryInfo(Path.Combine(Path.GetDirectoryName(file)!, "keys")), logging)
                    : new EntityFrameworkCoreXmlRepository<AppDbContext>(provider, logging));

        services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = "ClaimTracker.Auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            // Plain http only on a developer's machine; everywhere else the cookie needs TLS.
            options.Cookie.SecurePolicy = environment.IsDevelopment()
                ? CookieSecurePolicy.SameAsRequest
                : CookieSecurePolicy.Always;
            options.ExpireTimeSpan = TimeSpan.FromHours(10);
            options.SlidingExpiration = true;
            options.LoginPath = "/account/login";
            options.LogoutPath = "/account/logout";
            // A signed-in user without the role gets a real 403 (rendered by the error page), not a redirect.
            options.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });
        // TempData carries messages (a set-password link among them): Secure like every other cookie outside Development.
        services.Configure<Microsoft.AspNetCore.Mvc.CookieTempDataProviderOptions>(o => o.Cookie.SecurePolicy = environment.IsDevelopment()
            ? CookieSecurePolicy.SameAsRequest
            : CookieSecurePolicy.Always);
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "ClaimTracker.Antiforgery";
            o.Cookie.SecurePolicy = environment.IsDevelopment()
                ? CookieSecurePolicy.SameAsRequest
                : CookieSecurePolicy.Always;
        });

        services.AddAuthorization(Policies.Configure);
        return services;
    }
}
