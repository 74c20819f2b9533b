using ClaimTracker.Domain.Text;
using ClaimTracker.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace ClaimTracker.Web.Pages.Editor;

/// <summary>A Markdown field in a staff form: its label, text, hint, error and — after its Preview button — the text as readers
/// will see it (rendered on the server, so it works without JavaScript).</summary>
public sealed record MarkdownField(string Name, string Label, string? Value, int Rows = 6, SanitisedHtml? Preview = null, bool Required = false)
{
    public string Id => Name.Replace('.', '_');
}

/// <summary>The Preview button of a Markdown field posts the whole form with <c>preview=&lt;field name&gt;</c>: nothing is
/// saved, the form comes back as typed with the rendered text under the field.</summary>
public static class MarkdownPreview
{
    public const string ButtonName = "preview";

    /// <summary>The field whose preview was asked for, or null when the form was posted to be saved.</summary>
    public static string? RequestedField(HttpRequest request) =>
        request.HasFormContentType && request.Form[ButtonName] is { Count: 1 } field && !string.IsNullOrEmpty(field[0]) ? field[0] : null;

    /// <summary>Renders <paramref name="markdown"/>; what cannot be rendered becomes an error next to the field. The
    /// form's other errors are not shown for a preview (the editor has not tried to save).</summary>
    public static SanitisedHtml? Render(RichTextFormat format, ModelStateDictionary modelState, string field, string? markdown)
    {
        modelState.Clear();
        var result = format.Render(markdown);
        if (!result.Succeeded)
        {
            modelState.AddModelError(field, Localisation.Ui.T(result.Error));
            return null;
        }
        return result.Html;
    }
}
