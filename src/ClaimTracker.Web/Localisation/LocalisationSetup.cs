using ClaimTracker.Domain.Text;
using Microsoft.AspNetCore.Localization;

namespace ClaimTracker.Web.Localisation;

/// <summary>
/// The language the desk writes headlines, summaries and rationales in (`Site:ContentLanguage`, default German, the
/// language of the seed reporting): marked with <c>lang</c> wherever it appears inside a page of the other language.
/// </summary>
public sealed record ContentLanguage(string Code)
{
    public static ContentLanguage From(IConfiguration configuration) =>
        new(configuration["Site:ContentLanguage"] is { Length: >= 2 and <= 12 } code ? code : "de");
}

/// <summary>
/// Wording that belongs to this site, not to the product: the home page's introduction, per language
/// (<c>Site:Tagline:en</c>, <c>Site:Tagline:de</c>; none configured, no introduction).
/// </summary>
public sealed class SiteWording(IReadOnlyDictionary<string, string> taglines)
{
    public string? Tagline => taglines.GetValueOrDefault(Ui.Language) ?? taglines.GetValueOrDefault("en");

    public static SiteWording From(IConfiguration configuration) =>
        new(configuration.GetSection("Site:Tagline").GetChildren()
            .Where(c => !string.IsNullOrWhiteSpace(c.Value))
            .ToDictionary(c => c.Key, c => c.Value!.Trim(), StringComparer.OrdinalIgnoreCase));
}

public static class LocalisationSetup
{
    public static IServiceCollection AddClaimTrackerLocalisation(this IServiceCollection services)
    {
        // Staff pages read their strings through IViewLocalizer from Resources/Pages/…/Page.de.resx; shared strings come
        // from Resources/Localisation/SharedResource.de.resx (IStringLocalizer<SharedResource>, Ui.T).
        services.AddLocalization(options => options.ResourcesPath = "Resources");
        services.AddScoped<StatusNames>();
        services.AddSingleton(provider => SiteWording.From(provider.GetRequiredService<IConfiguration>()));
        services.AddSingleton(provider => ContentLanguage.From(provider.GetRequiredService<IConfiguration>()));
        services.Configure<RequestLocalizationOptions>(options =>
        {
            options.DefaultRequestCulture = new RequestCulture("en");
            options.SupportedCultures = Ui.Cultures;
            options.SupportedUICultures = Ui.Cultures;
            // The reader's explicit choice first, then the browser's languages.
            options.RequestCultureProviders = [new CookieRequestCultureProvider(), new AcceptLanguageHeaderRequestCultureProvider()];
        });
        return services;
    }

    /// <summary>GET /language?culture=de&amp;returnUrl=/claims: remembers the choice (one year) and goes back. Works without JavaScript.</summary>
    public static void MapLanguageSwitch(this WebApplication app) =>
        app.MapGet("/language", (string? culture, string? returnUrl, HttpContext context) =>
        {
            var chosen = Ui.Cultures.FirstOrDefault(c => c.Name == culture)?.Name ?? "en";
            context.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
                new CookieOptions { MaxAge = TimeSpan.FromDays(365), HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true,
                    Secure = context.Request.IsHttps || !context.RequestServices.GetRequiredService<IWebHostEnvironment>().IsDevelopment() });
            return Results.LocalRedirect(LocalUrl.SafeOrHome(returnUrl));
        }).AllowAnonymous();
}
