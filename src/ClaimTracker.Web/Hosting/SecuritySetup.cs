using System.Threading.RateLimiting;
using ClaimTracker.Infrastructure.Accounts;
using ClaimTracker.Infrastructure.Security;
using ClaimTracker.Web.Public;
using ClaimTracker.Web.Security;
using Microsoft.AspNetCore.Http.Features;

namespace ClaimTracker.Web.Hosting;

public static class SecuritySetup
{
    /// <summary>Sign-in and password forms: posts limited per client address.</summary>
    public const string SignInPolicy = "sign-in";

    /// <summary>Public machine-readable endpoints (the API): requests limited per client address.</summary>
    public const string PublicPolicy = "public";

    /// <summary>Public forms (reader reports): posts limited per client address.</summary>
    public const string PublicFormsPolicy = "public-forms";

    public static IServiceCollection AddClaimTrackerSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<RichTextOptions>(configuration.GetSection(RichTextOptions.Section));
        services.Configure<SignInLimitOptions>(configuration.GetSection(SignInLimitOptions.Section));
        services.Configure<RequestLimitOptions>(configuration.GetSection(RequestLimitOptions.Section));
        services.AddSingleton<HtmlSanitiser>();
        services.AddSingleton<RichTextFormat>();
        services.AddSingleton<AttemptLimiter>();
        services.AddScoped<StaffSignIn>();
        services.AddScoped<StaffPasswords>();

        var bodyLimit = configuration.GetSection(RequestLimitOptions.Section).Get<RequestLimitOptions>()?.MaxBodyBytes
                        ?? new RequestLimitOptions().MaxBodyBytes;
        services.Configure<FormOptions>(o =>
        {
            o.MultipartBodyLengthLimit = bodyLimit;
            o.ValueLengthLimit = (int)Math.Min(bodyLimit, int.MaxValue);
        });

        services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(365);
            o.IncludeSubDomains = true;
            // Production is reached by its real name; a proxy on the same machine may call it localhost.
            o.ExcludedHosts.Clear();
        });

        var perAddress = configuration.GetSection(SignInLimitOptions.Section).Get<SignInLimitOptions>()?.PerAddressPerMinute
                         ?? new SignInLimitOptions().PerAddressPerMinute;
        var publicPerMinute = configuration.GetValue("Security:RateLimits:PublicPerAddressPerMinute", 600);
        var formsPerMinute = configuration.GetValue("Security:RateLimits:ReportsPerAddressPerMinute", 5);
        services.AddCors(o => o.AddPolicy(ClaimsApi.CorsPolicy, p => p.AllowAnyOrigin().WithMethods("GET", "HEAD")
            .WithHeaders("If-None-Match", "If-Modified-Since").WithExposedHeaders("ETag", "Last-Modified", "Retry-After")));
        services.AddOpenApi(o => o.ShouldInclude = d => d.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true);
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = (context, _) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "60";
                return context.HttpContext.Request.Path.StartsWithSegments("/api")
                    ? new ValueTask(ClaimsApi.WriteTooManyRequestsAsync(context.HttpContext))
                    : ValueTask.CompletedTask;
            };
            options.AddPolicy(PublicPolicy, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = publicPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            options.AddPolicy(PublicFormsPolicy, context => HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)
                ? RateLimitPartition.GetNoLimiter("read")
                : RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = formsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            options.AddPolicy(SignInPolicy, context => HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)
                ? RateLimitPartition.GetNoLimiter("read")
                : RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = perAddress, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        });
        return services;
    }
}
