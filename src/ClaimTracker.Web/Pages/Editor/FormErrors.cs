using ClaimTracker.Domain;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace ClaimTracker.Web.Pages.Editor;

internal static class FormErrors
{
    /// <summary>
    /// Puts domain errors next to their fields (Input.Headline …); form-wide ones at the top. The domain speaks English;
    /// a message with a German entry in the shared resource file is shown in German on German pages.
    /// </summary>
    public static void AddFieldErrors(this ModelStateDictionary modelState, IEnumerable<FieldError> errors, string prefix = "Input")
    {
        foreach (var error in errors)
        {
            modelState.AddModelError(error.Field.Length == 0 ? string.Empty : prefix.Length == 0 ? error.Field : $"{prefix}.{error.Field}", Localisation.Ui.T(error.Message));
        }
    }
}
