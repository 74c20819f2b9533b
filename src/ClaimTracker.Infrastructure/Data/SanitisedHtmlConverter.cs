using ClaimTracker.Domain.Text;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace ClaimTracker.Infrastructure.Data;

/// <summary>Stores sanitised rich text as its HTML string; what comes back is what the sanitiser produced.</summary>
internal sealed class SanitisedHtmlConverter() : ValueConverter<SanitisedHtml, string>(
    html => html.Html,
    value => FromStored(value))
{
    public static SanitisedHtmlConverter Instance { get; } = new();

    /// <summary>What was stored is what the sanitiser produced on save.</summary>
    public static SanitisedHtml FromStored(string value) => new(value);
}
