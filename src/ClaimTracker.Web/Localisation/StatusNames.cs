using ClaimTracker.Infrastructure.Claims;

namespace ClaimTracker.Web.Localisation;

/// <summary>
/// The status scale, read once per request and shared by the page and every badge on it; labels and
/// explanations in the reader's language.
/// </summary>
public sealed class StatusNames(StatusScale scale)
{
    private static readonly object RequestKey = new();

    /// <summary>The request's names, looked up in its services once and then kept with the request.</summary>
    public static StatusNames Of(HttpContext context)
    {
        if (context.Items.TryGetValue(RequestKey, out var kept) && kept is StatusNames names)
        {
            return names;
        }
        names = context.RequestServices.GetRequiredService<StatusNames>();
        context.Items[RequestKey] = names;
        return names;
    }

    private IReadOnlyList<StatusRow>? rows;
    private IReadOnlyDictionary<string, StatusRow>? byKey;

    public async Task<IReadOnlyList<StatusRow>> ScaleAsync(CancellationToken cancellationToken = default) =>
        rows ??= await scale.ListAsync(cancellationToken);

    public async Task<string> NameAsync(StatusBadge? badge)
    {
        if (badge is null)
        {
            return Ui.T("No status yet");
        }
        var row = (await LoadAsync()).GetValueOrDefault(badge.Key);
        return Ui.IsGerman && row is not null ? row.NameDe : badge.Name;
    }

    public async Task<string?> DescriptionAsync(string? key)
    {
        if (key is null || !(await LoadAsync()).TryGetValue(key, out var row))
        {
            return null;
        }
        return Ui.IsGerman && row.DescriptionDe.Length > 0 ? row.DescriptionDe : row.DescriptionEn;
    }

    private async Task<IReadOnlyDictionary<string, StatusRow>> LoadAsync() =>
        byKey ??= (await ScaleAsync()).ToDictionary(s => s.Key);
}
