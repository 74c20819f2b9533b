using System.Text.RegularExpressions;
using ClaimTracker.IntegrationTests.Infrastructure;

namespace ClaimTracker.IntegrationTests.Structure;

/// <summary>
/// The layout the next engineer relies on (STYLE.md): files small enough to read whole, and pages that own what they use — a
/// page reaching into another page's members breaks when that page is reshaped.
/// </summary>
public sealed partial class CodeLayoutTests
{
    private const int MaxLines = 300;

    [Fact]
    public void HandWrittenFiles_HaveAtMost300Lines()
    {
        string[] extensions = [".cs", ".cshtml", ".js", ".css", ".sh"];
        var tooLong = new List<string>();
        var counted = 0;
        foreach (var folder in new[] { "src", "tests", "bench", "migrations" })
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(Repository.Root, folder), "*", SearchOption.AllDirectories)
                         .Where(f => extensions.Contains(Path.GetExtension(f)) && !IsGenerated(f)))
            {
                counted++;
                var lines = File.ReadLines(file).Count();
                if (lines > MaxLines)
                {
                    tooLong.Add($"{Path.GetRelativePath(Repository.Root, file)}: {lines} lines");
                }
            }
        }

        Assert.True(counted > 400, $"only {counted} files found: has the layout moved?");
        Assert.True(tooLong.Count == 0, $"Files over {MaxLines} lines (split them by concern):" + Environment.NewLine + string.Join(Environment.NewLine, tooLong));
    }

    [Fact]
    public void Pages_NeverReachAnotherPagesMembers()
    {
        var pages = Path.Combine(Repository.Root, "src", "ClaimTracker.Web", "Pages");
        var files = Directory.EnumerateFiles(pages, "*.cs*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal)).ToList();
        var pageModels = files.Where(f => f.EndsWith(".cshtml.cs", StringComparison.Ordinal))
            .SelectMany(f => PageModelDeclaration().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            .ToHashSet(StringComparer.Ordinal);
        var reaching = new List<string>();
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            // A page's own model: the class its code files declare (partial ones included), or the model its view names.
            var own = file.EndsWith(".cs", StringComparison.Ordinal)
                ? ClassDeclaration().Matches(text).Select(m => m.Groups[1].Value).ToHashSet()
                : ViewModelDirective().Matches(text).Select(m => m.Groups[1].Value).ToHashSet();
            foreach (Match use in MemberAccess().Matches(text))
            {
                var type = use.Groups[1].Value;
                if (pageModels.Contains(type) && !own.Contains(type))
                {
                    reaching.Add($"{Path.GetRelativePath(pages, file)}: {use.Value}");
                }
            }
        }

        Assert.True(pageModels.Count > 30, $"only {pageModels.Count} page model names found: has the page syntax changed?");
        Assert.True(reaching.Count == 0, "Pages reaching into another page (move what they share beside both):" + Environment.NewLine
                                         + string.Join(Environment.NewLine, reaching));
    }

    /// <summary>What tools write: EF's compiled model, snapshot and migrations, build output, installed packages.</summary>
    private static bool IsGenerated(string path)
    {
        var relative = Path.GetRelativePath(Repository.Root, path).Replace('\\', '/');
        string[] generatedFolders = ["/bin/", "/obj/", "/node_modules/", "/CompiledModel/", "/.work/", "/.data/", "/test-results/"];
        return generatedFolders.Any(relative.Contains)
               || relative.StartsWith("migrations/ClaimTracker.Migrations/", StringComparison.Ordinal)
               && (char.IsDigit(Path.GetFileName(relative)[0]) || relative.EndsWith("ModelSnapshot.cs", StringComparison.Ordinal))
               || relative.StartsWith("src/ClaimTracker.Web/wwwroot/lib/", StringComparison.Ordinal);
    }

    // A page's model is the top-level class of its code file (nested input models are indented).
    [GeneratedRegex(@"^(?:public |internal )?(?:sealed |abstract )?(?:partial )?class\s+(\w+Model)\b", RegexOptions.Multiline)]
    private static partial Regex PageModelDeclaration();

    [GeneratedRegex(@"class\s+(\w+Model)\b")]
    private static partial Regex ClassDeclaration();

    [GeneratedRegex(@"@model\s+(?:[\w.]+\.)?(\w+)")]
    private static partial Regex ViewModelDirective();

    [GeneratedRegex(@"(?<!\w)(\w+Model)\.\w+")]
    private static partial Regex MemberAccess();
}
