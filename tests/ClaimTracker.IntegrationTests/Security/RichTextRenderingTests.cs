using System.Text.RegularExpressions;
using ClaimTracker.Infrastructure.Security;
using ClaimTracker.IntegrationTests.Infrastructure;
using ClaimTracker.Web.TagHelpers;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.Options;

namespace ClaimTracker.IntegrationTests.Security;

public sealed partial class RichTextRenderingTests
{
    private static readonly HtmlSanitiser Sanitiser = new(Options.Create(new RichTextOptions()));

    [Fact]
    public void TagHelper_RendersSanitisedHtmlInsideADiv()
    {
        var stored = Sanitiser.Sanitise("<p>„Wir liefern nichts“, sagte <strong>Moskau</strong>.</p>").Html!;

        var html = Render(stored);

        Assert.Equal("<div class=\"rich-text\" dir=\"auto\"><p>„Wir liefern nichts“, sagte <strong>Moskau</strong>.</p></div>", html);
    }

    [Fact]
    public void TagHelper_SanitisesAgainOnRender()
    {
        // What a row saved under an older, looser rule (or edited in the database by hand) could hold.
        var tampered = typeof(ClaimTracker.Domain.Text.SanitisedHtml)
            .GetConstructors(System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)[0]
            .Invoke(["<p onclick=\"__probe()\">alt</p><script>__probe()</script>"]) as ClaimTracker.Domain.Text.SanitisedHtml;

        var html = Render(tampered!);

        Assert.Equal("<div class=\"rich-text\" dir=\"auto\"><p>alt</p></div>", html);
    }

    /// <summary>Raw-HTML helpers and hand-made HtmlStrings would bypass the sanitiser: only the tag helper (and the JSON-LD writer) may write raw HTML.</summary>
    [Fact]
    public void RawHtmlOutput_AppearsOnlyInTheRichTextTagHelper()
    {
        var web = Path.Combine(Repository.Root, "src", "ClaimTracker.Web");
        var offenders = Directory.EnumerateFiles(web, "*.*", SearchOption.AllDirectories)
            .Where(f => (f.EndsWith(".cshtml", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
                        && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}")
                        && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
            .Where(f => RawOutput().IsMatch(File.ReadAllText(f)))
            .Select(f => Path.GetRelativePath(web, f))
            .ToList();

        // The two sanctioned places: sanitised rich text, and JSON-LD serialised with the escaping encoder.
        Assert.Equal([Path.Combine("Pages", "Shared", "JsonLd.cs"), Path.Combine("TagHelpers", "RichTextTagHelper.cs")], offenders.Order());
    }

    private static string Render(ClaimTracker.Domain.Text.SanitisedHtml content)
    {
        var helper = new RichTextTagHelper(Sanitiser) { Content = content };
        var context = new TagHelperContext([], new Dictionary<object, object>(), "id");
        var output = new TagHelperOutput("rich-text", [], (_, _) => Task.FromResult<TagHelperContent>(new DefaultTagHelperContent()));
        helper.Process(context, output);
        using var writer = new StringWriter();
        output.WriteTo(writer, System.Text.Encodings.Web.HtmlEncoder.Default);
        return writer.ToString();
    }

    [GeneratedRegex(@"Html\.Raw\(|new\s+HtmlString\(|SetHtmlContent\(|AppendHtml\(")]
    private static partial Regex RawOutput();
}
