using ClaimTracker.Domain.Text;

namespace ClaimTracker.Infrastructure.Security;

public sealed class RichTextOptions
{
    public const string Section = "Security:RichText";

    /// <summary>Largest accepted input, in UTF-8 bytes.</summary>
    public int MaxBytes { get; set; } = 200 * 1024;

    /// <summary>Deepest accepted element nesting.</summary>
    public int MaxDepth { get; set; } = 100;
}

public sealed record SanitiseResult(SanitisedHtml? Html, string Error)
{
    public bool Succeeded => Html is not null;
}
