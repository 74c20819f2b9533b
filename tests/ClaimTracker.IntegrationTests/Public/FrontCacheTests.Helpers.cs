using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Net;
using ClaimTracker.IntegrationTests.Infrastructure;
using ClaimTracker.Web.Hosting;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.DependencyInjection;

namespace ClaimTracker.IntegrationTests.Public;

public sealed partial class FrontCacheTests
{
    /// <summary>A client that sends only the cookies a test gives it.</summary>
    private static HttpClient WithoutCookies(ClaimTrackerFactory factory) =>
        factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false, BaseAddress = new Uri("https://localhost") });

    private static async Task<string> HeadlineAsync(HttpClient reader, string slug) =>
        (await reader.GetAsync($"/claims/{slug}", expectOk: true)).GetElementById("claim-headline")!.TextContent;

    private static async Task<string?> LanguageAsync(HttpClient client, string slug, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/claims/{slug}");
        foreach (var (name, value) in headers)
        {
            request.Headers.Add(name, value);
        }
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await Html.ParseAsync(response)).DocumentElement.GetAttribute("lang");
    }

    /// <summary>The front cache's lookups of one app, in order (hit, stored, miss).</summary>
    private sealed class FrontCount : IDisposable
    {
        private readonly MeterListener listener = new();
        private readonly ConcurrentQueue<string> results = new();

        public FrontCount(ClaimTrackerFactory factory)
        {
            var meters = factory.Services.GetRequiredService<IMeterFactory>();
            listener.InstrumentPublished = (instrument, l) =>
            {
                if (instrument is { Name: "claimtracker.front_cache.requests", Meter.Name: FrontCache.MeterName } && instrument.Meter.Scope == meters)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            };
            listener.SetMeasurementEventCallback<long>((_, _, tags, _) =>
            {
                foreach (var tag in tags)
                {
                    if (tag.Key == "result")
                    {
                        results.Enqueue((string)tag.Value!);
                    }
                }
            });
            listener.Start();
        }

        public string[] Results => [.. results];

        public void Dispose() => listener.Dispose();
    }

    /// <summary>Once armed: evicts the cached pages after the page's handler has read its data, as a save would.</summary>
    private sealed class EvictWhileRendering : IAsyncPageFilter
    {
        public volatile bool Armed;

        public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

        public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
        {
            await next();
            if (Armed)
            {
                Armed = false;
                await context.HttpContext.RequestServices.GetRequiredService<IOutputCacheStore>().EvictByTagAsync(PublicCaching.Tag, default);
            }
        }
    }
}
