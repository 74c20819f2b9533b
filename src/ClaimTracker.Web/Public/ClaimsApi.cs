using System.Globalization;
using System.Text.Json;
using ClaimTracker.Infrastructure.Claims;
using ClaimTracker.Web.Hosting;

namespace ClaimTracker.Web.Public;

public sealed record ApiStatus(string Key, string Name);

public sealed record ApiClaimSummary(string Slug, string Headline, ApiStatus? Status, DateOnly? StatusSince, string Url);

public sealed record ApiClaimPage(IReadOnlyList<ApiClaimSummary> Items, string? Next);

public sealed record ApiActor(string Name, string Kind, string? WikidataId);

public sealed record ApiStatusChange(ApiStatus Status, DateOnly EffectiveOn, string RationaleHtml, bool IsCorrection,
    bool IsCorrected, IReadOnlyList<int> SourceIds, DateTime RecordedAtUtc);

/// <param name="Actor">The first named of those who said it.</param>
/// <param name="Actors">Everyone who said it (a joint statement names several), the first named first.</param>
public sealed record ApiStatement(string Actor, string Stance, DateOnly MadeOn, string? Quote, string QuoteLanguage, string? Translation,
    IReadOnlyList<int> SourceIds, IReadOnlyList<string> Actors);

public sealed record ApiSource(int Id, string Title, string? Url, string? Outlet, string? Provenance, DateOnly? PublishedOn,
    string Language, string? ArchiveUrl, string Stance, string? Quote);

public sealed record ApiClaim(string Slug, string Headline, string OriginalText, string Language, string? Translation,
    ApiStatus? Status, DateOnly? StatusSince, DateOnly? FirstMadeOn, IReadOnlyList<ApiActor> Claimants, IReadOnlyList<string> Subjects,
    IReadOnlyList<string> Topics, string SummaryHtml, IReadOnlyList<ApiStatusChange> Timeline, IReadOnlyList<ApiStatement> Statements,
    IReadOnlyList<ApiSource> Sources, IReadOnlyList<ApiClaimSummary> SubClaims, DateTime UpdatedAtUtc);

/// <summary>
/// The read-only JSON API for other newsrooms' code: published claims only, CORS open for GET,
/// rate-limited per client address, ETag and Last-Modified with 304 on revalidation.
/// </summary>
public static class ClaimsApi
{
    public const string CorsPolicy = "public-read";

    public static void MapClaimsApi(this WebApplication app)
    {
        var api = app.MapGroup("/api").AllowAnonymous().RequireCors(CorsPolicy).RequireRateLimiting(SecuritySetup.PublicPolicy)
            .CacheOutput(PublicCaching.Policy)
            .WithTags("Claims");

        api.MapGet("/claims", async (HttpContext context, PublicLists claims, string? q, string? status, string? topic,
                string? actor, string? from, string? to, string? after) =>
            {
                // Parameters are read here, so that a wrong one is a 400 naming it (never a stack trace or a silent first page).
                if (!TryDate(from, out var fromDate) || !TryDate(to, out var toDate))
                {
                    return BadParameter(fromDate is null && !string.IsNullOrEmpty(from) ? "from" : "to", "a date as yyyy-mm-dd");
                }
                if (!PublicLists.IsValidCursor(after))
                {
                    return BadParameter("after", "the value of a page's 'next' link");
                }
                var page = await claims.ListAsync(new PublicFilter(q, status, topic, actor, fromDate, toDate, after), context.RequestAborted);
                var origin = Origin(context);
                var items = page.Rows.Select(r => Summary(r.Slug, r.Headline, r.Status, r.StatusSince, origin)).ToList();
                var next = page.NextCursor is null ? null : $"{origin}/api/claims{NextQuery(context, page.NextCursor)}";
                return Conditional(context, new ApiClaimPage(items, next), lastModified: null);
            })
            .WithName("ListClaims").WithSummary("Published claims, newest status change first (keyset paging through 'next').")
            .Produces<ApiClaimPage>().Produces(StatusCodes.Status304NotModified)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status429TooManyRequests);

        api.MapGet("/claims/{slug}", async (string slug, HttpContext context, PublicClaimPage claims) =>
            {
                var found = await claims.BySlugAsync(slug, cancellationToken: context.RequestAborted);
                if (found.RedirectTo is { } current)
                {
                    return Results.Redirect($"/api/claims/{Uri.EscapeDataString(current)}", permanent: true);
                }
                if (found.Withdrawn is { } withdrawn)
                {
                    // Withdrawn with a public note: gone, and the reader's client is told why.
                    return Results.Problem(statusCode: StatusCodes.Status410Gone, title: "This claim was withdrawn.",
                        detail: withdrawn.Note, instance: $"/claims/{Uri.EscapeDataString(withdrawn.Slug)}",
                        extensions: new Dictionary<string, object?>
                        {
                            ["withdrawnAt"] = DateTime.SpecifyKind(withdrawn.WithdrawnAtUtc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                        });
                }
                if (found.Claim is not { } claim)
                {
                    return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No published claim has this address.",
                        instance: $"/api/claims/{Uri.EscapeDataString(slug)}");
                }
                return Conditional(context, ToApi(claim, Origin(context)), claim.UpdatedAtUtc);
            })
            .WithName("GetClaim").WithSummary("One published claim with its timeline, statements and sources.")
            .Produces<ApiClaim>().Produces(StatusCodes.Status304NotModified).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status410Gone).ProducesProblem(StatusCodes.Status429TooManyRequests);
    }

    private static bool TryDate(string? value, out DateOnly? date)
    {
        date = null;
        if (string.IsNullOrEmpty(value))
        {
            return true;
        }
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            date = parsed;
            return true;
        }
        return false;
    }

    private static IResult BadParameter(string name, string expected) =>
        Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: $"The parameter '{name}' is not valid.",
            detail: $"'{name}' must be {expected}.", extensions: new Dictionary<string, object?> { ["parameter"] = name });

    /// <summary>A request over the API's rate limit, answered as the API answers errors (problem JSON), with when to retry.</summary>
    public static Task WriteTooManyRequestsAsync(HttpContext context) =>
        Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests.",
            detail: "This address sent more requests than the API allows per minute. Retry after the number of seconds in Retry-After.")
            .ExecuteAsync(context);

    private static string Origin(HttpContext context) => context.RequestServices.GetRequiredService<SiteAddress>().Origin(context.Request);

    private static string NextQuery(HttpContext context, string cursor)
    {
        var query = context.Request.Query.Where(p => p.Key != "after")
            .SelectMany(p => p.Value.Select(v => new KeyValuePair<string, string?>(p.Key, v)))
            .Append(new KeyValuePair<string, string?>("after", cursor));
        return Microsoft.AspNetCore.Http.QueryString.Create(query).ToUriComponent();
    }

    private static ApiClaimSummary Summary(string slug, string headline, StatusBadge? status, DateOnly? since, string origin) =>
        new(slug, headline, status is null ? null : new ApiStatus(status.Key, status.Name), since, $"{origin}/claims/{slug}");

    private static ApiClaim ToApi(ClaimDetails claim, string origin) => new(
        claim.Slug, claim.Headline, claim.OriginalText, claim.Language, claim.Translation,
        claim.Status is { } s ? new ApiStatus(s.Key, s.Name) : null, claim.StatusSince, claim.FirstMadeOn,
        (claim.ClaimantDetails ?? []).Select(a => new ApiActor(a.Name, a.Kind.ToString(), a.WikidataId)).ToList(),
        claim.Subjects.Select(a => a.Name).ToList(), claim.Topics, claim.Summary.Html,
        claim.History.Select(h => new ApiStatusChange(new ApiStatus(h.Status.Key, h.Status.Name), h.EffectiveOn, h.Rationale.Html,
            h.CorrectsId is not null, h.IsCorrected, h.SourceIds, h.RecordedAtUtc)).ToList(),
        claim.Statements.Select(st => new ApiStatement(st.Actor.Name, st.Stance.ToString(), st.MadeOn, st.Quote, st.QuoteLanguage,
            st.Translation, st.SourceIds, st.Speakers.Select(a => a.Name).ToList())).ToList(),
        claim.Sources.Select(src => new ApiSource(src.SourceId, src.Title, src.Url, src.Outlet, src.Provenance, src.PublishedOn,
            src.Language, src.ArchiveUrl, src.Stance.ToString(), src.Quote)).ToList(),
        claim.SubClaims.Select(c => Summary(c.Slug, c.Headline, c.Status, c.StatusSince, origin)).ToList(),
        claim.UpdatedAtUtc);

    /// <summary>JSON with a strong ETag of its bytes (and Last-Modified when known); 304 when the client already has it.</summary>
    private static IResult Conditional<T>(HttpContext context, T body, DateTime? lastModified) =>
        ConditionalAnswer.For(context, JsonSerializer.SerializeToUtf8Bytes(body, JsonOptions), "application/json; charset=utf-8", lastModified);

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web) { Converters = { new UtcTimes() } };

    /// <summary>
    /// Times the database gives back without a kind (SQLite) are UTC, and the API says so: RFC 3339 with "Z", to the second
    /// (the schema's <c>format: date-time</c> requires the offset).
    /// </summary>
    private sealed class UtcTimes : System.Text.Json.Serialization.JsonConverter<DateTime>
    {
        public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.GetDateTime().ToUniversalTime();

        public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options) =>
            writer.WriteStringValue((value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : DateTime.SpecifyKind(value, DateTimeKind.Utc))
                .ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
    }
}
