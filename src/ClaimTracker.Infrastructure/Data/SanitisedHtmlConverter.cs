using ClaimTracker.Domain.Text;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace ClaimTracker.Infrastructure.Data;

/// <summary>Stores sanitised rich text as its HTML string; what comes back is what the sanitiser produced.</summary>
internal sealed class SanitisedHtmlConverter() : ValueConverter<SanitisedHtml, string>(
    html => html.Html,
    value => new SanitisedHtml(value))
{
    public static SanitisedHtmlConverter Instance { get; } = new();
}
