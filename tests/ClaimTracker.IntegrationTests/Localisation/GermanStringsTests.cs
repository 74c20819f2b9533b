using System.Text.RegularExpressions;
using System.Xml.Linq;
using ClaimTracker.Domain.Accounts;
using ClaimTracker.Domain.Claims;
using ClaimTracker.Domain.Workflow;
using ClaimTracker.IntegrationTests.Infrastructure;

namespace ClaimTracker.IntegrationTests.Localisation;

/// <summary>
/// Every string a page shows has its German beside it. English text is the key: a page's <c>L["…"]</c> looks in
/// <c>Resources/Pages/…/Page.de.resx</c>, <c>Ui.T("…")</c> and validation attributes in
/// <c>Resources/Localisation/SharedResource.de.resx</c>. A key without a German value would show English on a German page.
/// </summary>
public sealed partial class GermanStringsTests
{
    private static readonly string Web = Path.Combine(Repository.Root, "src", "ClaimTracker.Web");

    [Fact]
    public void EveryPageString_HasAGermanValue_InTheResourceFileBesideIt()
    {
        var missing = new List<string>();
        var unused = new List<string>();
        var views = Directory.EnumerateFiles(Path.Combine(Web, "Pages"), "*.cshtml", SearchOption.AllDirectories).ToList();
        var checkedKeys = 0;
        foreach (var view in views)
        {
            var keys = ViewKey().Matches(File.ReadAllText(view)).Select(m => Unescape(m.Groups[1].Value)).ToHashSet(StringComparer.Ordinal);
            var relative = Path.GetRelativePath(Web, view);
            var resource = Path.Combine(Web, "Resources", Path.ChangeExtension(relative, null) + ".de.resx");
            var german = File.Exists(resource) ? Read(resource) : [];
            missing.AddRange(keys.Where(k => string.IsNullOrWhiteSpace(german.GetValueOrDefault(k))).Select(k => $"{relative}: “{k}”"));
            unused.AddRange(german.Keys.Where(k => !keys.Contains(k)).Select(k => $"{relative}: “{k}”"));
            checkedKeys += keys.Count;
        }

        Assert.True(checkedKeys > 400, $"only {checkedKeys} page strings found: has the page syntax changed?");
        Assert.True(missing.Count == 0, "No German value for:" + Environment.NewLine + string.Join(Environment.NewLine, missing));
        Assert.True(unused.Count == 0, "German values no page asks for (remove or rename):" + Environment.NewLine + string.Join(Environment.NewLine, unused));
    }

    [Fact]
    public void EverySharedString_AndEveryValidationMessage_HasAGermanValue()
    {
        // Looked up ignoring case, as Ui.T does ("correction" finds "Correction").
        var german = new Dictionary<string, string>(Read(Path.Combine(Web, "Resources", "Localisation", "SharedResource.de.resx")), StringComparer.OrdinalIgnoreCase);
        var keys = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(Web, "*.cs*", SearchOption.AllDirectories)
                     .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") &&
                                 !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}")))
        {
            var text = File.ReadAllText(file);
            keys.UnionWith(SharedKey().Matches(text).Select(m => Unescape(m.Groups[1].Value)));
            keys.UnionWith(ErrorMessage().Matches(text).Select(m => Unescape(m.Groups[1].Value)));
        }
        // Words the domain names its values with, shown on staff pages through Ui.T.
        keys.UnionWith(Enum.GetValues<ActorKind>().Select(k => k.Describe()));
        keys.UnionWith(Enum.GetValues<Stance>().Select(k => k.Describe()));
        keys.UnionWith(Enum.GetValues<SourceStance>().Select(k => k.Describe()));
        keys.UnionWith(Enum.GetValues<RelationKind>().Select(k => k.Describe()));
        keys.UnionWith(Enum.GetValues<ReviewState>().Select(k => k.Describe()));
        keys.UnionWith(Enum.GetValues<VersionKind>().Select(k => k.Describe()));
        keys.UnionWith(Enum.GetValues<WorkflowAction>().Select(k => k.Describe()));
        keys.UnionWith(Roles.All.Select(Roles.Describe));

        var missing = keys.Where(k => string.IsNullOrWhiteSpace(german.GetValueOrDefault(k))).ToList();

        Assert.True(keys.Count > 250, $"only {keys.Count} shared strings found");
        Assert.True(missing.Count == 0, "No German value in SharedResource.de.resx for:" + Environment.NewLine + string.Join(Environment.NewLine, missing));
    }

    [Fact]
    public void GermanValues_KeepTheirPlaceholders()
    {
        var broken = new List<string>();
        foreach (var resource in Directory.EnumerateFiles(Path.Combine(Web, "Resources"), "*.de.resx", SearchOption.AllDirectories))
        {
            foreach (var (english, german) in Read(resource))
            {
                var wanted = Placeholder().Matches(english).Select(m => m.Value).Order().ToList();
                var found = Placeholder().Matches(german).Select(m => m.Value).Order().ToList();
                if (!wanted.SequenceEqual(found))
                {
                    broken.Add($"{Path.GetFileName(resource)}: “{english}” → “{german}”");
                }
            }
        }
        Assert.True(broken.Count == 0, string.Join(Environment.NewLine, broken));
    }

    /// <summary>Resource names ignore case when compiled: a second "Version" beside "version" would be dropped with a warning.</summary>
    [Fact]
    public void NoResourceFile_HoldsTwoNamesDifferingOnlyInCase()
    {
        var clashes = Directory.EnumerateFiles(Path.Combine(Web, "Resources"), "*.resx", SearchOption.AllDirectories)
            .SelectMany(file => XDocument.Load(file).Root!.Elements("data").Select(d => (string)d.Attribute("name")!)
                .GroupBy(n => n, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1)
                .Select(g => $"{Path.GetFileName(file)}: {string.Join(" / ", g)}"))
            .ToList();
        Assert.True(clashes.Count == 0, string.Join(Environment.NewLine, clashes));
    }

    private static Dictionary<string, string> Read(string resx) =>
        XDocument.Load(resx).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? string.Empty, StringComparer.Ordinal);

    private static string Unescape(string literal) => literal.Replace("\\\"", "\"").Replace("\\\\", "\\");

    [GeneratedRegex("""(?<![\w.])L\["((?:[^"\\]|\\.)*)"[\],]""")]
    private static partial Regex ViewKey();

    [GeneratedRegex("""Ui\.T\("((?:[^"\\]|\\.)*)"\)""")]
    private static partial Regex SharedKey();

    [GeneratedRegex("""ErrorMessage = "((?:[^"\\]|\\.)*)"[,)]""")]
    private static partial Regex ErrorMessage();

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();
}
