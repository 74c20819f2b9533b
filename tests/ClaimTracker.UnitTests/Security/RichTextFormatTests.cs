using ClaimTracker.Infrastructure.Security;
using ClaimTracker.Tests.Shared;
using Microsoft.Extensions.Options;

namespace ClaimTracker.UnitTests.Security;

public sealed class RichTextFormatTests
{
    private static readonly HtmlSanitiser Sanitiser = new(Options.Create(new RichTextOptions()));
    private static readonly RichTextFormat Format = new(Sanitiser);

    private static string Html(string markdown) => Format.Render(markdown).Html!.Html;

    [Theory]
    [InlineData("Beide Staaten **dementieren**.", "<p>Beide Staaten <strong>dementieren</strong>.</p>")]
    [InlineData("*laut KCNA* und ~~nie~~", "<p><em>laut KCNA</em> und <del>nie</del></p>")]
    [InlineData("Zeile eins\nZeile zwei", "<p>Zeile eins<br>\nZeile zwei</p>")]
    [InlineData("Absatz eins\n\nAbsatz zwei", "<p>Absatz eins</p>\n<p>Absatz zwei</p>")]
    [InlineData("# Einordnung", "<h2>Einordnung</h2>")]
    [InlineData("#### tief", "<h4>tief</h4>")]
    [InlineData("- USA\n- Südkorea", "<ul>\n<li>USA</li>\n<li>Südkorea</li>\n</ul>")]
    [InlineData("> Wir liefern nichts.", "<blockquote>\n<p>Wir liefern nichts.</p>\n</blockquote>")]
    [InlineData("H~2~O und x^2^", "<p>H<sub>2</sub>O und x<sup>2</sup></p>")]
    public void Markdown_BecomesTheFormattingReadersSee(string markdown, string html) => Assert.Equal(html, Html(markdown));

    [Fact]
    public void Links_GetTheSanitisersRel_AndBareAddressesBecomeLinks()
    {
        Assert.Equal("<p><a href=\"https://www.tagesschau.de/a\" rel=\"nofollow noopener noreferrer\">Tagesschau</a></p>",
            Html("[Tagesschau](https://www.tagesschau.de/a)"));
        Assert.Contains("<a href=\"https://www.zeit.de/x\" rel=\"nofollow noopener noreferrer\">https://www.zeit.de/x</a>", Html("Siehe https://www.zeit.de/x"));
    }

    [Theory]
    [InlineData("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;")]
    [InlineData("<p onclick=\"x()\">Zitat</p>", "&lt;p onclick=\"x()\"&gt;Zitat&lt;/p&gt;")]
    [InlineData("<img src=x onerror=alert(1)>", "&lt;img src=x onerror=alert(1)&gt;")]
    public void RawHtml_IsShownAsText_NeverInterpreted(string markdown, string text) => Assert.Equal($"<p>{text}</p>", Html(markdown));

    [Theory]
    [InlineData("[klick](javascript:alert(1))")]
    [InlineData("[klick](data:text/html;base64,PHNjcmlwdD4=)")]
    [InlineData("[klick](vbscript:msgbox)")]
    public void DangerousLinkTargets_AreDropped(string markdown)
    {
        var html = Html(markdown);
        Assert.DoesNotContain("javascript:", html);
        Assert.DoesNotContain("data:", html);
        Assert.DoesNotContain("vbscript:", html);
        Assert.Contains("klick", html);
    }

    [Fact]
    public void AnImage_IsRefusedWithHowToLinkIt()
    {
        var result = Format.Render("Satellitenbild: ![Hafen](https://example.org/hafen.png)");
        Assert.False(result.Succeeded);
        Assert.Contains("[description](https://…)", result.Error);
    }

    [Fact]
    public void EmptyText_IsEmptyHtml()
    {
        Assert.True(Format.Render("").Html!.IsEmpty);
        Assert.True(Format.Render("  \n ").Html!.IsEmpty);
        Assert.Equal(string.Empty, Format.ToMarkdown(ClaimTracker.Domain.Text.SanitisedHtml.Empty));
    }

    public static TheoryData<string> EditorTexts => new(
        "Beide Staaten **dementieren**; *Pjöngjang* spricht von „Lügen“.",
        "Zeile eins\nZeile zwei mit [Link](https://www.tagesschau.de/ausland/asien/nordkorea-russland-101.html \"Tagesschau\")",
        "# Einordnung\n\nDrei Regierungen sagen es:\n\n- USA\n- Südkorea\n- Japan\n\n> Wir liefern nichts.\n> — KCNA",
        "1. erstens\n2. zweitens\n\n---\n\nDanach `Code mit * Stern` und ``Code mit ` Tick``.",
        "Zeichen, die Markdown sind: \\*nicht fett\\*, \\_nicht kursiv\\_, \\[keine Klammer\\], 3 \\< 4, a \\| b, \\# kein Titel, AT&T, &amp; wörtlich",
        "\\- kein Listenpunkt\n\\> kein Zitat\n2024\\. kein Punkt",
        "| Land | Lieferung |\n| --- | --- |\n| Nordkorea | Artillerie |\n| Iran | Drohnen |",
        "```\nvar x = \"<b>\";\n```",
        "> Verschachtelt:\n>\n> - eins\n> - **zwei**\n\nEnde ~~alt~~ H~2~O x^2^",
        "- Punkt mit\n  zweiter Zeile\n- und [Link](https://example.org/a_(b))");

    /// <summary>An edit form shows stored text as Markdown; saving it unchanged must not change what readers see.</summary>
    [Theory]
    [MemberData(nameof(EditorTexts))]
    public void MarkdownShownForEditing_RendersToTheSameHtml(string markdown)
    {
        var stored = Format.Render(markdown).Html!;
        var again = Format.Render(Format.ToMarkdown(stored)).Html!;
        Assert.Equal(stored.Html, again.Html);
    }

    public static TheoryData<string, string> LegacyHtml => new()
    {
        { "<p>Nach Einschätzung der USA <strong>geliefert</strong>; beide <b>dementieren</b>.</p>", "<p>Nach Einschätzung der USA <strong>geliefert</strong>; beide <strong>dementieren</strong>.</p>" },
        { "<p>Eins</p><p>Zwei <em>kursiv</em> <i>auch</i></p>", "<p>Eins</p>\n<p>Zwei <em>kursiv</em> <em>auch</em></p>" },
        { "<p>Quelle: <a href=\"https://www.zeit.de/a\">Zeit</a></p>", "<p>Quelle: <a href=\"https://www.zeit.de/a\" rel=\"nofollow noopener noreferrer\">Zeit</a></p>" },
        { "<ul><li>USA</li><li>Südkorea</li></ul>", "<ul>\n<li>USA</li>\n<li>Südkorea</li>\n</ul>" },
        { "<blockquote><p>Wir liefern nichts.</p></blockquote>", "<blockquote>\n<p>Wir liefern nichts.</p>\n</blockquote>" },
        { "Text ohne Absatz<br>zweite Zeile", "<p>Text ohne Absatz<br>\nzweite Zeile</p>" },
        { "<h3>Stand</h3><p>offen</p>", "<h3>Stand</h3>\n<p>offen</p>" },
        { "<p>Zeilen\n  im   Quelltext</p>", "<p>Zeilen im Quelltext</p>" },
    };

    /// <summary>Texts saved as HTML before Markdown came: the edit form shows them as Markdown that renders the same way.</summary>
    [Theory]
    [MemberData(nameof(LegacyHtml))]
    public void HtmlSavedBeforeMarkdown_IsEditableAsMarkdown(string legacy, string rendered)
    {
        var stored = Sanitiser.Sanitise(legacy).Html!;
        Assert.Equal(rendered, Format.Render(Format.ToMarkdown(stored)).Html!.Html);
    }

    [Fact]
    public void MarkupWithoutMarkdown_KeepsItsText()
    {
        var stored = Sanitiser.Sanitise("<p><u>unterstrichen</u> <abbr title=\"Korean Central News Agency\">KCNA</abbr> <span>Spanne</span></p>").Html!;
        Assert.Equal("<p>unterstrichen KCNA Spanne</p>", Format.Render(Format.ToMarkdown(stored)).Html!.Html);
    }

    /// <summary>The hostile corpus stored as if it had come in as HTML: its Markdown form renders to nothing that runs.</summary>
    [Fact]
    public void HostileCorpus_ThroughTheEditForm_StaysHarmless()
    {
        foreach (var vector in XssCorpus.Vectors)
        {
            if (Sanitiser.Sanitise(vector).Html is not { } stored)
            {
                continue;
            }
            var html = Format.Render(Format.ToMarkdown(stored)).Html?.Html ?? string.Empty;
            Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotMatch("<[^>]+ on[a-z]+=", html);
        }
    }
}
