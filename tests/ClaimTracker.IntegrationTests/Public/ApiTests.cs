using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using ClaimTracker.Infrastructure.Seeding;
using ClaimTracker.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ClaimTracker.IntegrationTests.Public;

public sealed class ApiTests(DevelopmentFactory factory) : IClassFixture<DevelopmentFactory>
{
    [Fact]
    public async Task Claim_HasTimelineStatementsAndSources()
    {
        using var json = JsonDocument.Parse(await factory.CreateBrowser().GetStringAsync($"/api/claims/{DemoData.ArmsSlug}"));
        var claim = json.RootElement;
        Assert.Equal("corroborated", claim.GetProperty("status").GetProperty("key").GetString());
        Assert.Equal(4, claim.GetProperty("timeline").GetArrayLength());
        Assert.Equal(4, claim.GetProperty("sources").GetArrayLength());
        Assert.Contains(claim.GetProperty("statements").EnumerateArray(), s => s.GetProperty("stance").GetString() == "Denies");
        Assert.Contains(claim.GetProperty("claimants").EnumerateArray(), a => a.GetProperty("wikidataId").GetString() == "Q30");
    }

    [Fact]
    public async Task List_PagesWithNextLinksAndFilters()
    {
        var client = factory.CreateBrowser();
        using var all = JsonDocument.Parse(await client.GetStringAsync("/api/claims"));
        Assert.Equal(12, all.RootElement.GetProperty("items").GetArrayLength());
        using var filtered = JsonDocument.Parse(await client.GetStringAsync("/api/claims?status=corroborated"));
        Assert.All(filtered.RootElement.GetProperty("items").EnumerateArray(),
            i => Assert.Equal("corroborated", i.GetProperty("status").GetProperty("key").GetString()));
        using var searched = JsonDocument.Parse(await client.GetStringAsync("/api/claims?q=Soldaten"));
        Assert.Contains(searched.RootElement.GetProperty("items").EnumerateArray(), i => i.GetProperty("slug").GetString() == "nordkorea-schickt-soldaten-nach-russland");
    }

    [Fact]
    public async Task Revalidation_WithETagOrLastModified_Gets304()
    {
        var client = factory.CreateBrowser();
        var first = await client.GetAsync($"/api/claims/{DemoData.ArmsSlug}");
        var etag = first.Headers.ETag!;
        var modified = first.Content.Headers.LastModified!.Value;

        var byTag = new HttpRequestMessage(HttpMethod.Get, $"/api/claims/{DemoData.ArmsSlug}");
        byTag.Headers.IfNoneMatch.Add(etag);
        var byDate = new HttpRequestMessage(HttpMethod.Get, $"/api/claims/{DemoData.ArmsSlug}");
        byDate.Headers.IfModifiedSince = modified;
        var stale = new HttpRequestMessage(HttpMethod.Get, $"/api/claims/{DemoData.ArmsSlug}");
        stale.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"veraltet\""));

        Assert.Equal(HttpStatusCode.NotModified, (await client.SendAsync(byTag)).StatusCode);
        Assert.Equal(HttpStatusCode.NotModified, (await client.SendAsync(byDate)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(stale)).StatusCode);
    }

    [Fact]
    public async Task Draft_Is404_AndCorsIsOpenForGet()
    {
        var id = await factory.CreateClaimAsync("API-Entwurf " + Guid.NewGuid().ToString("N")[..6]);
        var slug = await factory.WithDbAsync(db => db.Claims.Where(c => c.Id == id).Select(c => c.Slug).SingleAsync());
        var client = factory.CreateBrowser();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/claims/{slug}")).StatusCode);
        Assert.DoesNotContain(slug, await client.GetStringAsync("/api/claims?q=API-Entwurf"));

        var request = new HttpRequestMessage(HttpMethod.Get, "/api/claims");
        request.Headers.Add("Origin", "https://andere-redaktion.example");
        var response = await client.SendAsync(request);
        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
    }

    /// <summary>Every claim the demo data publishes, and the list, validated against the schemas the API's own OpenAPI document
    /// gives (JSON Schema 2020-12, formats checked): a date-time without an offset fails.</summary>
    [Fact]
    public async Task Responses_ValidateAgainstTheApisOwnOpenApiSchemas()
    {
        var client = factory.CreateBrowser();
        var openApi = System.Text.Json.Nodes.JsonNode.Parse(await client.GetStringAsync("/openapi/v1.json"))!;
        var components = openApi["components"]!["schemas"]!.ToJsonString().Replace("#/components/schemas/", "#/$defs/");
        Json.Schema.JsonSchema SchemaOf(string path, string method = "get")
        {
            var content = openApi["paths"]![path]![method]!["responses"]!["200"]!["content"]!.AsObject().First().Value!["schema"]!.ToJsonString()
                .Replace("#/components/schemas/", "#/$defs/");
            return Json.Schema.JsonSchema.FromText($$"""{"$schema": "https://json-schema.org/draft/2020-12/schema", "$defs": {{components}}, "allOf": [{{content}}]}""");
        }
        var options = new Json.Schema.EvaluationOptions { RequireFormatValidation = true, OutputFormat = Json.Schema.OutputFormat.List };
        string Failures(Json.Schema.EvaluationResults results) =>
            string.Join("; ", (results.Details ?? []).Where(d => d.Errors is { Count: > 0 }).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}")).Take(5));

        using var list = JsonDocument.Parse(await client.GetStringAsync("/api/claims"));
        var listResult = SchemaOf("/api/claims").Evaluate(list.RootElement, options);
        Assert.True(listResult.IsValid, Failures(listResult));
        var slugs = list.RootElement.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("slug").GetString()!).ToList();
        Assert.NotEmpty(slugs);
        var claimSchema = SchemaOf("/api/claims/{slug}");
        foreach (var slug in slugs)
        {
            using var claim = JsonDocument.Parse(await client.GetStringAsync($"/api/claims/{slug}"));
            var result = claimSchema.Evaluate(claim.RootElement, options);
            Assert.True(result.IsValid, $"{slug}: {Failures(result)}");
            Assert.EndsWith("Z", claim.RootElement.GetProperty("updatedAtUtc").GetString());
        }
    }

    [Theory]
    [InlineData("/api/claims?from=30.11.2024", HttpStatusCode.BadRequest, "from")]
    [InlineData("/api/claims?to=gestern", HttpStatusCode.BadRequest, "to")]
    [InlineData("/api/claims?after=kein-cursor", HttpStatusCode.BadRequest, "after")]
    [InlineData("/api/claims/gibt-es-nicht", HttpStatusCode.NotFound, null)]
    public async Task Errors_AreProblemJson_NamingWhatWasWrong(string path, HttpStatusCode status, string? parameter)
    {
        var response = await factory.CreateBrowser().GetAsync(path);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal((int)status, problem.RootElement.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.RootElement.GetProperty("title").GetString()));
        if (parameter is not null)
        {
            Assert.Equal(parameter, problem.RootElement.GetProperty("parameter").GetString());
        }
    }

    [Fact]
    public async Task CrossOriginConditionalRequests_PassThePreflight_AndSeeRetryAfter()
    {
        var preflight = new HttpRequestMessage(HttpMethod.Options, "/api/claims");
        preflight.Headers.Add("Origin", "https://andere-redaktion.example");
        preflight.Headers.Add("Access-Control-Request-Method", "GET");
        preflight.Headers.Add("Access-Control-Request-Headers", "if-none-match");

        var response = await factory.CreateBrowser().SendAsync(preflight);

        Assert.True(response.IsSuccessStatusCode, response.StatusCode.ToString());
        Assert.Contains("if-none-match", string.Join(",", response.Headers.GetValues("Access-Control-Allow-Headers")), StringComparison.OrdinalIgnoreCase);
        var get = new HttpRequestMessage(HttpMethod.Get, "/api/claims");
        get.Headers.Add("Origin", "https://andere-redaktion.example");
        var exposed = string.Join(",", (await factory.CreateBrowser().SendAsync(get)).Headers.GetValues("Access-Control-Expose-Headers"));
        Assert.Contains("Retry-After", exposed);
        Assert.Contains("ETag", exposed);
    }

    [Fact]
    public async Task OpenApiDocument_DescribesTheClaimEndpoints()
    {
        using var json = JsonDocument.Parse(await factory.CreateBrowser().GetStringAsync("/openapi/v1.json"));
        var paths = json.RootElement.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/claims", out _));
        Assert.True(paths.TryGetProperty("/api/claims/{slug}", out _));
        Assert.False(paths.TryGetProperty("/status-colours.css", out _));
        var list = paths.GetProperty("/api/claims").GetProperty("get").GetProperty("responses");
        var one = paths.GetProperty("/api/claims/{slug}").GetProperty("get").GetProperty("responses");
        Assert.All(new[] { "200", "304", "400", "429" }, code => Assert.True(list.TryGetProperty(code, out _), $"list: {code}"));
        Assert.All(new[] { "200", "304", "404", "410", "429" }, code => Assert.True(one.TryGetProperty(code, out _), $"claim: {code}"));
    }
}

public sealed class ApiRateLimitTests
{
    [Fact]
    public async Task Api_OverThePerAddressLimit_Gets429()
    {
        using var factory = new ConfiguredFactory(new Dictionary<string, string> { ["Security:RateLimits:PublicPerAddressPerMinute"] = "2" });
        var client = factory.CreateBrowser();
        await client.GetAsync("/api/claims");
        await client.GetAsync("/api/claims");
        var refused = await client.GetAsync("/api/claims");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType!.MediaType);
        Assert.Equal("60", refused.Headers.GetValues("Retry-After").Single());
    }
}
