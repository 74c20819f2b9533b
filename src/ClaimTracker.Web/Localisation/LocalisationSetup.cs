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

public static class LocalisationSetup
{
    public static IServiceCollection AddClaimTrackerLocalisation(this IServiceCollection services)
    {
        services.AddScoped<StatusNames>();
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
