using System.Text.Json;
using System.Text.Json.Serialization;
using ClaimTracker.Domain.Text;
using ClaimTracker.Infrastructure.Caching;
using ClaimTracker.Infrastructure.Claims;

namespace ClaimTracker.Infrastructure.Workflow;

/// <summary>
/// The reader-facing claim page as a reviewer approved it, stored as JSON in its version record.
/// Staff names and the desk's own dates are left out: a snapshot holds only what readers may see.
/// </summary>
public static class ClaimSnapshot
{
    private static readonly JsonSerializerOptions Options = new()
    {
        Converters = { new SanitisedHtmlJson(), new JsonStringEnumConverter() },
    };

    public static string Write(ClaimDetails details) => JsonSerializer.Serialize(ForReaders(details), Options);

    public static ClaimDetails Read(string json) =>
        JsonSerializer.Deserialize<ClaimDetails>(json, Options) ?? throw new InvalidDataException("An empty claim snapshot.");

    public static ClaimDetails ForReaders(ClaimDetails details) => details with
    {
        CreatedBy = string.Empty,
        UpdatedBy = string.Empty,
        AssignedTo = null,
        ReviewBy = null,
        ReviewIntervalDays = null,
        Version = Guid.Empty,
        Parent = details.Parent is { } parent ? Row(parent) : null,
        SubClaims = details.SubClaims.Select(Row).ToList(),
        Relations = details.Relations.Select(r => r with { Claim = Row(r.Claim) }).ToList(),
        History = details.History.Select(h => h with { RecordedBy = string.Empty }).ToList(),
    };

    private static ClaimRow Row(ClaimRow row) => row with { UpdatedBy = string.Empty, ReviewBy = null };

    /// <summary>Stored text came out of the sanitiser when the version was approved; pages sanitise it again on render.</summary>
    private sealed class SanitisedHtmlJson : JsonConverter<SanitisedHtml>
    {
        public override SanitisedHtml Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.GetString() is { Length: > 0 } html ? new SanitisedHtml(html) : SanitisedHtml.Empty;

        public override void Write(Utf8JsonWriter writer, SanitisedHtml value, JsonSerializerOptions options) => writer.WriteStringValue(value.Html);
    }
}

/// <summary>
/// Approved versions never change, so their snapshots are read from JSON once per (claim, version) and
/// remembered (a bounded set): a busy claim page does not parse its snapshot on every request.
/// </summary>
public sealed class ApprovedSnapshots
{
    public const int Capacity = 1024;

    private readonly BoundedMemo<(int ClaimId, int Number), ClaimDetails> memo = new(Capacity);

    /// <summary>The version's snapshot, parsed; <paramref name="load"/> reads its JSON only when it is not remembered.</summary>
    public async Task<ClaimDetails?> ReadAsync(int claimId, int number, Func<Task<string?>> load)
    {
        if (memo.TryGet((claimId, number), out var known))
        {
            return known;
        }
        return await load() is { } json ? memo.GetOrAdd((claimId, number), _ => ClaimSnapshot.Read(json)) : null;
    }
}

