using Microsoft.AspNetCore.Mvc;
using ClaimTracker.Web.Authorization;
using ClaimTracker.Web.Localisation;
using ClaimTracker.Web.Public;
using ClaimTracker.Web.Security;

namespace ClaimTracker.Web.Hosting;

public static class PagesSetup
{
    /// <summary>Pages anyone may open. Everything else needs a signed-in user.</summary>
    public static readonly IReadOnlyList<string> PublicPages =
        ["/Index", "/Error", "/Statuses", "/Statistics", "/About", "/Corrections", "/Account/Login", "/Account/SecondStep", "/Account/SetPassword"];

    /// <summary>Folders of reader pages: anonymous, read-only, published claims only.</summary>
    public static readonly IReadOnlyList<string> PublicFolders = ["/Claims", "/Actors", "/Topics"];

    /// <summary>Desk pages that are nothing but a form changing claims, actors or sources: editors and admins only.</summary>
    public static readonly IReadOnlyList<string> EditorOnlyPages =
    [
        "/Editor/Claims/New", "/Editor/Claims/Edit", "/Editor/Claims/Statement", "/Editor/Claims/Source", "/Editor/Claims/Status",
        "/Editor/Actors/Edit", "/Editor/Sources/Edit", "/Editor/Import/Index", "/Editor/Import/Job",
    ];

    public static IServiceCollection AddClaimTrackerPages(this IServiceCollection services)
    {
        services.AddRouting(o => o.LowercaseUrls = true);
        services.AddCanonicalRouteIds();
        services.AddSingleton<SiteAddress>();
        services.AddSingleton<Public.DrawnCards>();
        services.AddScoped<SecondFactorGate>();
        services.AddRazorPages(options =>
        {
            options.Conventions.ConfigureFilter(new RejectUnknownHandlerFilter());
            options.Conventions.AddFolderApplicationModelConvention("/Admin", model => model.Filters.Add(new ServiceFilterAttribute(typeof(SecondFactorGate))));
            options.Conventions.AddFolderApplicationModelConvention("/Editor", model => model.Filters.Add(new ServiceFilterAttribute(typeof(SecondFactorGate))));
            options.Conventions.Add(new RouteIds.FromRouteOnly());
            options.Conventions.AuthorizeFolder("/Admin", Policies.Admin);
            options.Conventions.AuthorizeFolder("/Editor", Policies.Staff);
            options.Conventions.AddFolderApplicationModelConvention("/Editor", model => model.Filters.Add(new EditorsWriteFilter()));
            foreach (var page in EditorOnlyPages)
            {
                options.Conventions.AuthorizePage(page, Policies.Editor);
            }
            options.Conventions.AuthorizeFolder("/Editor/Reviews", Policies.Reviewer);
            // Earlier approved versions of a claim page, by number.
            options.Conventions.AddPageRoute("/Claims/Show", "claims/{slug}/versions/{version:id}");
            foreach (var page in PublicPages)
            {
                options.Conventions.AllowAnonymousToPage(page);
            }
            foreach (var folder in PublicFolders)
            {
                options.Conventions.AllowAnonymousToFolder(folder);
            }
        }).AddViewLocalization()
          // [Required(ErrorMessage = …)] and kin are looked up in the shared resource file, like Ui.T.
          .AddDataAnnotationsLocalization(o => o.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedResource)));
        return services;
    }

    public static WebApplication UseClaimTrackerPipeline(this WebApplication app)
    {
        if (app.Configuration.GetValue("ForwardedHeaders:Enabled", false))
        {
            // Behind a TLS-terminating proxy: the client's address and scheme come from X-Forwarded-For
            // and X-Forwarded-Proto, believed only from the proxies named here (loopback by default).
            var options = new Microsoft.AspNetCore.Builder.ForwardedHeadersOptions
            {
                ForwardedHeaders = Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedFor | Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedProto,
            };
            foreach (var proxy in (app.Configuration["ForwardedHeaders:KnownProxies"] ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                options.KnownProxies.Add(System.Net.IPAddress.Parse(proxy));
            }
            app.UseForwardedHeaders(options);
        }
        if (PublicCaching.FrontCacheEnabled(app.Configuration))
        {
            app.UseMiddleware<FrontCacheMiddleware>();
        }
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler(new ExceptionHandlerOptions
            {
                ExceptionHandlingPath = "/Error",
                SuppressDiagnosticsCallback = failure => Security.PlainHttp.IsFormRefusal(failure.HttpContext, failure.Exception),
            });
            app.UseHsts();
        }
        app.UseMiddleware<SecurityHeaders>();
        app.UseMiddleware<ReadRetry>();
        app.UseStatusCodePagesWithReExecute("/Error/{0}");
        app.UseMiddleware<RequestBodyLimit>();
        app.UseMiddleware<Security.FormCharset>();
        app.UseResponseCompression();
        app.UseStaticFiles();
        app.UseRouting();
        app.UseRequestLocalization();
        app.UseCors();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        if (PublicCaching.IsEnabled(app.Configuration))
        {
            app.UseMiddleware<FrontCache.EvictionWatch>();
            app.UseOutputCache();
        }
        app.MapRazorPages();
        app.MapStatusColours();
        app.MapAtomFeeds();
        app.MapShareCards();
        app.MapKeptEvidence();
        app.MapCsvSheets();
        app.MapClaimReviewFeed();
        app.MapStatusBadges();
        app.MapClaimsApi();
        app.MapCrawlerFiles();
        app.MapLanguageSwitch();
        app.MapOpenApi().AllowAnonymous();
        app.MapClaimTrackerHealth();
        // Unknown addresses are a plain 404 for everyone (not a sign-in redirect from the fallback policy).
        app.MapFallback(context =>
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }).AllowAnonymous();
        return app;
    }
}
