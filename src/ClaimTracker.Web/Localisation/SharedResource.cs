using System.Collections;
using System.Collections.Frozen;
using System.Globalization;
using System.Resources;

namespace ClaimTracker.Web.Localisation;

/// <summary>
/// Names the resource file of strings many pages share (<c>Resources/Localisation/SharedResource.de.resx</c>): the type
/// <c>IStringLocalizer&lt;SharedResource&gt;</c> is asked for, and the table <see cref="Ui.T"/> reads.
/// </summary>
public sealed class SharedResource
{
    public const string BaseName = "ClaimTracker.Web.Resources.Localisation.SharedResource";

    /// <summary>
    /// Every string of one language (its own file only, no fallback), empty values left out. Resource names ignore case
    /// (a file cannot hold both "Version" and "version"), and so does the table.
    /// </summary>
    public static FrozenDictionary<string, string> Load(CultureInfo culture)
    {
        var manager = new ResourceManager(BaseName, typeof(SharedResource).Assembly);
        var set = manager.GetResourceSet(culture, createIfNotExists: true, tryParents: false);
        var entries = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (set is not null)
        {
            foreach (DictionaryEntry entry in set)
            {
                if (entry.Value is string { Length: > 0 } value)
                {
                    entries[(string)entry.Key] = value;
                }
            }
        }
        return entries.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }
}
