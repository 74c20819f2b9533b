using ClaimTracker.Domain.Text;

namespace ClaimTracker.UnitTests.Text;

public sealed class TextRulesTests
{
    [Fact]
    public void CheckSingleLine_GermanHeadlineWithQuotes_Passes() =>
        Assert.True(TextRules.CheckSingleLine("Headline", "Nordkorea liefert „Artillerie und Raketen“ an Russland – Pjöngjang dementiert", 120).Succeeded);

    [Fact]
    public void CheckSingleLine_TooLong_NamesFieldAndLimit()
    {
        var result = TextRules.CheckSingleLine("Headline", new string('ü', 121), 120);
        Assert.Equal("Headline can have at most 120 characters (this has 121).", result.Error);
    }

    [Fact]
    public void CheckSingleLine_CountsCharactersNotUtf16Units() =>
        Assert.True(TextRules.CheckSingleLine("Name", string.Concat(Enumerable.Repeat("😀", 10)), 10).Succeeded);

    [Theory]
    [InlineData("Kim\u202Egnoj", "U+202E")]
    [InlineData("Moskau\u2066x\u2069", "U+2066")]
    [InlineData("\u202Aleft", "U+202A")]
    public void CheckSingleLine_BidiControl_IsRejected(string value, string code)
    {
        var result = TextRules.CheckSingleLine("Name", value, 100);
        Assert.False(result.Succeeded);
        Assert.Contains(code, result.Error);
        Assert.StartsWith("Name ", result.Error);
    }

    [Theory]
    [InlineData("\u200B\u200B", "Headline holds only invisible characters: type the text itself.")]
    [InlineData(" \u2060\uFEFF ", "Headline holds only invisible characters: type the text itself.")]
    [InlineData("Kim\u200F", "Headline contains an invisible text-direction character (U+200F), which can disguise text. Remove it.")]
    [InlineData("\u061CMoskau", "Headline contains an invisible text-direction character (U+061C), which can disguise text. Remove it.")]
    [InlineData("Rakete\uFFFF", "Headline contains U+FFFF, which is no character (feeds and other programs cannot carry it). Remove it.")]
    [InlineData("\uFFFEx", "Headline contains U+FFFE, which is no character (feeds and other programs cannot carry it). Remove it.")]
    public void CheckSingleLine_InvisibleOnlyDirectionMarksAndNonCharacters_AreRefusedWithAMessage(string value, string message) =>
        Assert.Equal(message, TextRules.CheckSingleLine("Headline", value, 120).Error);

    [Fact]
    public void CheckMultiLine_DirectionMarkInsideAQuote_IsKept() =>
        Assert.True(TextRules.CheckMultiLine("Quote", "\u0627\u0644\u200F 2024", 100).Succeeded);

    [Theory]
    [InlineData("<p>a\u0001b</p>", "<p>ab</p>")]
    [InlineData("Glocke\u0007 und Escape\u001B", "Glocke und Escape")]
    [InlineData("\u202Egnoj\u202C mit Zeile\n\tund Tab", "gnoj mit Zeile\n\tund Tab")]
    [InlineData("Schluss\uFFFF", "Schluss")]
    [InlineData("Nordkorea – „Raketen“ 😀", "Nordkorea – „Raketen“ 😀")]
    public void WithoutUnsafeCharacters_DropsControlsOverridesAndNonCharacters_KeepsTheRest(string value, string expected) =>
        Assert.Equal(expected, TextRules.WithoutUnsafeCharacters(value));

    [Theory]
    [InlineData("a\0b", "a NUL character")]
    [InlineData("Zeile\nzwei", "a line break")]
    [InlineData("Glocke\u0007", "U+0007")]
    public void CheckSingleLine_ControlCharacters_AreRejected(string value, string message) =>
        Assert.Contains(message, TextRules.CheckSingleLine("Slug", value, 100).Error);

    [Fact]
    public void CheckSingleLine_LoneSurrogate_IsRejected() =>
        Assert.Contains("lone UTF-16 surrogate", TextRules.CheckSingleLine("Headline", "kaputt\uD800", 100).Error);

    [Fact]
    public void CheckMultiLine_KeepsNewlinesAndTabs() =>
        Assert.True(TextRules.CheckMultiLine("Note", "Absatz eins\r\n\tAbsatz zwei\n", 1000).Succeeded);

    [Fact]
    public void CheckMultiLine_StillRejectsNulAndBidi()
    {
        Assert.False(TextRules.CheckMultiLine("Note", "a\0", 100).Succeeded);
        Assert.False(TextRules.CheckMultiLine("Note", "a\u202E", 100).Succeeded);
    }
}

public sealed class SourceUrlTests
{
    [Fact]
    public void TryParse_Https_IsAccepted()
    {
        Assert.True(SourceUrl.TryParse(" https://www.example.org/politik/nordkorea-russland?seite=2 ", out var url, out _));
        Assert.Equal("https://www.example.org/politik/nordkorea-russland?seite=2", url!.Value);
        Assert.False(url.IsInternational);
    }

    [Fact]
    public void TryParse_InternationalDomain_ShowsUnicodeAndPunycode()
    {
        Assert.True(SourceUrl.TryParse("https://münchen.example/artikel", out var url, out _));
        Assert.Equal("münchen.example", url!.UnicodeHost);
        Assert.Equal("xn--mnchen-3ya.example", url.AsciiHost);
        Assert.True(url.IsInternational);
    }

    [Theory]
    [InlineData("ftp://example.org/datei", "not a web address")]
    [InlineData("javascript:alert(1)", "not a web address")]
    [InlineData("/relativ/pfad", "not a web address")]
    [InlineData("www.example.org/ohne-schema", "not a web address")]
    [InlineData("https://user:geheim@example.org/", "user name or password")]
    [InlineData("https://exa mple.org/", "spaces or control characters")]
    [InlineData("", "Enter the source's address")]
    public void TryParse_BadAddress_Explains(string input, string message)
    {
        Assert.False(SourceUrl.TryParse(input, out _, out var error));
        Assert.Contains(message, error);
    }

    [Fact]
    public void TryParse_Over2000Characters_IsRejected()
    {
        Assert.False(SourceUrl.TryParse("https://example.org/" + new string('a', 2000), out _, out var error));
        Assert.Contains("at most 2000 characters", error);
    }
}

public sealed class LocalUrlTests
{
    [Theory]
    [InlineData("/")]
    [InlineData("/editor")]
    [InlineData("/claims?q=Nordkorea&status=confirmed")]
    [InlineData("/claims/nordkorea-liefert-waffen#timeline")]
    public void IsSafe_LocalPaths_AreAccepted(string target) => Assert.True(LocalUrl.IsSafe(target));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("//evil.example")]
    [InlineData("/\\evil.example")]
    [InlineData("\\\\evil.example")]
    [InlineData("https://evil.example/")]
    [InlineData("javascript:alert(1)")]
    [InlineData("/%2F%2Fevil.example")]
    [InlineData("%2F%2Fevil.example")]
    [InlineData("/%5Cevil.example")]
    [InlineData("/%252F%252Fevil.example")]
    [InlineData("/\tevil")]
    [InlineData("evil.example")]
    public void IsSafe_EverythingElse_IsRejected(string? target) => Assert.False(LocalUrl.IsSafe(target));

    [Theory]
    [InlineData("/claims?q=é", "/claims?q=%C3%A9")]
    [InlineData("/claims?q=a\u00A0b", "/claims?q=a%C2%A0b")]
    [InlineData("/claims?q=\u2028", "/claims?q=%E2%80%A8")]
    [InlineData("/suche?q=\u3000\U0001F600", "/suche?q=%E3%80%80%F0%9F%98%80")]
    [InlineData("/claims?q=rakete&status=open", "/claims?q=rakete&status=open")]
    [InlineData("//evil.example", "/")]
    [InlineData(null, "/")]
    public void SafeOrHome_EncodesWhatAHeaderCannotCarry_AndRefusesOtherSites(string? target, string expected) =>
        Assert.Equal(expected, LocalUrl.SafeOrHome(target));
}

public sealed class LookAlikeTests
{
    [Theory]
    [InlineData("Kim Jong Un", "KIM JONG UN")]
    [InlineData("Kim Jong Un", "Kim Jong\u200B Un")]
    [InlineData("Kim Jong Un", "Kim  Jong-Un")]
    [InlineData("K\u00F6rber", "Ko\u0308rber")]
    [InlineData("Moskau", "M\u043Esk\u0430u")]
    [InlineData("Pjöngjang", "Pjongjang")]
    [InlineData("ＫＣＮＡ", "KCNA")]
    [InlineData("Außenministerium", "AUSSENMINISTERIUM")]
    public void Key_OfNamesThatReadTheSame_IsTheSame(string one, string other) =>
        Assert.Equal(LookAlike.Key(one), LookAlike.Key(other));

    [Theory]
    [InlineData("Südkorea", "Nordkorea")]
    [InlineData("Kim Jong Un", "Kim Yo Jong")]
    public void Key_OfDifferentNames_Differs(string one, string other) =>
        Assert.NotEqual(LookAlike.Key(one), LookAlike.Key(other));
}
