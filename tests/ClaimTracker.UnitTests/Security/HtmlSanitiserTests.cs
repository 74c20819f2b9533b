using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using ClaimTracker.Infrastructure.Security;
using ClaimTracker.Tests.Shared;
using Microsoft.Extensions.Options;

namespace ClaimTracker.UnitTests.Security;

public sealed class HtmlSanitiserTests
{
    private static readonly HtmlSanitiser Sanitiser = new(Options.Create(new RichTextOptions()));

    private static readonly Dictionary<string, string[]> Allowed = new()
    {
        ["a"] = ["href", "title", "rel"], ["th"] = ["colspan", "rowspan"], ["td"] = ["colspan", "rowspan"],
        ["abbr"] = ["title"], ["q"] = ["cite"],
    };

    private static readonly HashSet<string> AllowedElements =
    [
        "p", "br", "strong", "b", "em", "i", "u", "s", "del", "sub", "sup", "blockquote", "q", "cite", "code", "pre",
        "ul", "ol", "li", "h2", "h3", "h4", "a", "table", "thead", "tbody", "tr", "th", "td", "hr", "span", "abbr",
    ];

    public static TheoryData<int> VectorIndexes => new(Enumerable.Range(0, XssCorpus.Vectors.Count));

    public static TheoryData<int> BenignIndexes => new(Enumerable.Range(0, XssCorpus.Benign.Count));

    [Fact]
    public void Corpus_HasAtLeast150HostileVectors() => Assert.True(XssCorpus.Vectors.Count >= 150, $"{XssCorpus.Vectors.Count} vectors");

    [Theory]
    [MemberData(nameof(VectorIndexes))]
    public void Sanitise_HostileVector_LeavesOnlyAllowedElementsAttributesAndUrls(int index)
    {
        var input = XssCorpus.Vectors[index];
        var result = Sanitiser.Sanitise(input);

        Assert.True(result.Succeeded, result.Error);
        var output = result.Html!.Html;
        foreach (var element in Parse(output).Body!.QuerySelectorAll("*"))
        {
            Assert.Contains(element.LocalName, AllowedElements);
            foreach (var attribute in element.Attributes)
            {
                Assert.True(Allowed.TryGetValue(element.LocalName, out var names) && names.Contains(attribute.Name),
                    $"<{element.LocalName} {attribute.Name}> survived in {output}");
                if (attribute.Name is "href" or "cite")
                {
                    Assert.Matches("^(https?://[^/]|mailto:)", attribute.Value);
                }
            }
        }
        Assert.DoesNotContain("javascript:", output, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [MemberData(nameof(VectorIndexes))]
    public void Sanitise_HostileVector_OutputIsStableWhenSanitisedAgain(int index)
    {
        var once = Sanitiser.Sanitise(XssCorpus.Vectors[index]).Html!.Html;
        Assert.Equal(once, Sanitiser.Sanitise(once).Html!.Html);
    }

    [Theory]
    [MemberData(nameof(BenignIndexes))]
    public void Sanitise_BenignFormatting_SurvivesAsExpected(int index)
    {
        var (input, expected) = XssCorpus.Benign[index];
        var output = Sanitiser.Sanitise(input).Html!.Html;
        Assert.Equal(expected, output);
        Assert.Equal(output, Sanitiser.Sanitise(output).Html!.Html);
    }

    [Fact]
    public void Sanitise_Links_GetNofollowNoopenerNoreferrer()
    {
        var output = Sanitiser.Sanitise("<a href=\"https://ok.example/\" rel=\"opener\" target=\"_blank\">x</a>").Html!.Html;
        Assert.Equal("<a href=\"https://ok.example/\" rel=\"nofollow noopener noreferrer\">x</a>", output);
    }

    [Fact]
    public void Sanitise_DangerousContainer_IsDroppedWithItsContent()
    {
        Assert.Equal("<p>vorher nachher</p>",
            Sanitiser.Sanitise("<p>vorher <script>var geheim = 1;</script><style>p{}</style>nachher</p>").Html!.Html);
    }

    [Fact]
    public void Sanitise_UnknownWrapper_KeepsItsText() =>
        Assert.Equal("<p>Agenturtext</p>", Sanitiser.Sanitise("<section><div><p>Agenturtext</p></div></section>").Html!.Html);

    [Fact]
    public void Sanitise_InputOverTheSizeLimit_IsRejectedNotTruncated()
    {
        var input = "<p>" + new string('ä', 110 * 1024) + "</p>";

        var result = Sanitiser.Sanitise(input);

        Assert.False(result.Succeeded);
        Assert.Contains("at most 200 KB", result.Error);
    }

    /// <summary>The sanitiser writes its output itself (in one pass); it must be exactly what AngleSharp serialises for that tree.</summary>
    [Theory]
    [MemberData(nameof(VectorIndexes))]
    public void Sanitise_Output_IsWhatTheParsersOwnSerialisationWrites(int index) => AssertSerialisedAsByTheParser(XssCorpus.Vectors[index]);

    [Theory]
    [MemberData(nameof(BenignIndexes))]
    public void Sanitise_BenignOutput_IsWhatTheParsersOwnSerialisationWrites(int index) => AssertSerialisedAsByTheParser(XssCorpus.Benign[index].Input);

    [Theory]
    [InlineData("<pre>\n\nzwei Zeilen</pre>")]
    [InlineData("<p>a&nbsp;b &amp; c &lt;d&gt; \u00A0</p><a href=\"https://e.org/?a=1&b=2\" title='x \"y\"'>l</a>")]
    [InlineData("<table><tr><td colspan=2>x</td></tr></table><hr><br>")]
    public void Sanitise_EdgeCases_AreWhatTheParsersOwnSerialisationWrites(string input) => AssertSerialisedAsByTheParser(input);

    private static void AssertSerialisedAsByTheParser(string input)
    {
        var output = Sanitiser.Sanitise(input).Html?.Html ?? string.Empty;
        var parser = new HtmlParser();
        var document = parser.ParseDocument(string.Empty);
        var holder = document.CreateElement("div");
        foreach (var node in parser.ParseFragment(output, document.Body!).ToList())
        {
            holder.AppendChild(node);
        }
        Assert.Equal(holder.InnerHtml, output);
    }

    [Fact]
    public void Sanitise_TagsOpeningFarDeeperThanAllowed_AreRefusedBeforeParsing()
    {
        var result = Sanitiser.Sanitise(string.Concat(Enumerable.Repeat("<ul><li>", 10_000)));
        Assert.False(result.Succeeded);
        Assert.Contains("more than 100 levels deep", result.Error);
    }

    [Fact]
    public void Sanitise_ManyUnclosedParagraphsAndItems_AreNotMistakenForNesting() =>
        Assert.True(Sanitiser.Sanitise(string.Concat(Enumerable.Repeat("<p>Absatz<li>Punkt", 3_000))).Succeeded);

    [Fact]
    public void Sanitise_OutputOverTheLimit_IsRefused_ThoughTheInputWasUnder()
    {
        var links = string.Concat(Enumerable.Repeat("<a href=\"https://e.org/a\">x</a>", 3_300));
        Assert.True(System.Text.Encoding.UTF8.GetByteCount(links) < 200 * 1024);

        var result = Sanitiser.Sanitise(links);

        Assert.False(result.Succeeded);
        Assert.Contains("Made safe, the text is", result.Error);
    }

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("<style>p { color: red }</style><iframe src=\"https://example.org\"></iframe>")]
    public void SanitiseInput_NothingButMarkupThatIsNotAllowed_IsRefusedSayingSo(string input)
    {
        var result = Sanitiser.SanitiseInput(input);
        Assert.False(result.Succeeded);
        Assert.Contains("markup that is not allowed here", result.Error);
    }

    [Theory]
    [InlineData(null, "")]
    [InlineData("  ", "")]
    [InlineData("<p>Text<script>x</script></p>", "<p>Text</p>")]
    public void SanitiseInput_EmptyOrWithText_IsSanitisedAsUsual(string? input, string expected) =>
        Assert.Equal(expected, Sanitiser.SanitiseInput(input).Html!.Html);

    [Theory]
    [InlineData("https://e.org/suche?q=a b", "https://e.org/suche?q=a%20b")]
    [InlineData("  https://e.org/x\n", "https://e.org/x")]
    [InlineData("https://e.org/a\u200Bb", "https://e.org/a%E2%80%8Bb")]
    [InlineData("https://e.org/a\tb", "https://e.org/a%09b")]
    [InlineData("java\tscript:alert(1)", null)]
    [InlineData("ht tp://e.org/", null)]
    [InlineData("mailto:redaktion@example.org", "mailto:redaktion@example.org")]
    public void SafeUrl_EncodesWhatALinkCannotHold_InsteadOfDeletingIt(string input, string? expected) =>
        Assert.Equal(expected, HtmlSanitiser.SafeUrl(input));

    [Fact]
    public void Sanitise_SizeLimit_IsConfigurable()
    {
        var small = new HtmlSanitiser(Options.Create(new RichTextOptions { MaxBytes = 10 }));
        Assert.False(small.Sanitise("<p>elf Zeichen</p>").Succeeded);
    }

    [Fact]
    public void Sanitise_NestingDeeperThan100_IsRejected()
    {
        var deep = string.Concat(Enumerable.Repeat("<span>", 101)) + "x";
        var result = Sanitiser.Sanitise(deep);
        Assert.False(result.Succeeded);
        Assert.Contains("more than 100 levels", result.Error);
    }

    [Fact]
    public void Sanitise_Nesting100Deep_IsAccepted()
    {
        var deep = string.Concat(Enumerable.Repeat("<span>", 99)) + "x";
        Assert.True(Sanitiser.Sanitise(deep).Succeeded);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Sanitise_Nothing_IsEmpty(string? input) => Assert.True(Sanitiser.Sanitise(input).Html!.IsEmpty);

    [Theory]
    [InlineData("https://www.example.org/a?b=c", "https://www.example.org/a?b=c")]
    [InlineData(" https://www.example.org/\n", "https://www.example.org/")]
    [InlineData("mailto:redaktion@example.org", "mailto:redaktion@example.org")]
    [InlineData("javascript:alert(1)", null)]
    [InlineData("java\tscript:alert(1)", null)]
    [InlineData("data:text/html,x", null)]
    [InlineData("//attacker.example/", null)]
    [InlineData("/relative", null)]
    [InlineData("ftp://example.org/", null)]
    public void SafeUrl_AllowsOnlyAbsoluteHttpHttpsAndMailto(string input, string? expected) =>
        Assert.Equal(expected, HtmlSanitiser.SafeUrl(input));

    private static IDocument Parse(string html)
    {
        var parser = new HtmlParser();
        var document = parser.ParseDocument("<!doctype html><body>" + html);
        return document;
    }
}
