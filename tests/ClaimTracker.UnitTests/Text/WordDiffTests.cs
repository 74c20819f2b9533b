using ClaimTracker.Domain.Text;
using ClaimTracker.Infrastructure.Workflow;

namespace ClaimTracker.UnitTests.Text;

public sealed class WordDiffTests
{
    [Fact]
    public void ChangedWord_IsRemovedAndAdded_RestStaysTheSame()
    {
        var parts = WordDiff.Compare("Nordkorea liefert Russland Artillerie und Raketen",
            "Nordkorea liefert Russland Artillerie, Raketen und Soldaten");

        Assert.Equal("Nordkorea liefert Russland ", parts[0].Text);
        Assert.Equal(DiffKind.Same, parts[0].Kind);
        Assert.Contains(parts, p => p.Kind == DiffKind.Removed && p.Text.Contains("Raketen"));
        Assert.Contains(parts, p => p.Kind == DiffKind.Added && p.Text.Contains("Soldaten"));
    }

    [Fact]
    public void JoiningTheParts_GivesBothTextsBack()
    {
        const string before = "Sowohl Nordkorea als auch Russland haben die Berichte „standhaft dementiert“.";
        const string after = "Sowohl Nordkorea als auch Russland haben die Berichte über Waffenlieferungen „standhaft dementiert“ – bis heute.";

        var parts = WordDiff.Compare(before, after);

        Assert.Equal(before, string.Concat(parts.Where(p => p.Kind != DiffKind.Added).Select(p => p.Text)));
        Assert.Equal(after, string.Concat(parts.Where(p => p.Kind != DiffKind.Removed).Select(p => p.Text)));
    }

    [Fact]
    public void NewText_IsAllAdded_AndRemovedTextAllRemoved()
    {
        Assert.Equal([new DiffPart(DiffKind.Added, "Neu")], WordDiff.Compare(null, "Neu"));
        Assert.Equal([new DiffPart(DiffKind.Removed, "Alt")], WordDiff.Compare("Alt", ""));
        Assert.Empty(WordDiff.Compare(null, null));
    }

    [Fact]
    public void LongTextsWithAFewChanges_AreDiffedWordByWord()
    {
        var words = Enumerable.Range(0, 4_000).Select(i => "wort" + i).ToList();
        var before = string.Join(' ', words);
        words[1_000] = "geändert";
        words.Insert(3_000, "eingefügt");
        var after = string.Join(' ', words);

        var parts = WordDiff.Compare(before, after);

        Assert.Equal(["wort1000 "], parts.Where(p => p.Kind == DiffKind.Removed).Select(p => p.Text));
        Assert.Equal(["geändert ", "eingefügt "], parts.Where(p => p.Kind == DiffKind.Added).Select(p => p.Text));
        Assert.Equal(before, string.Concat(parts.Where(p => p.Kind != DiffKind.Added).Select(p => p.Text)));
        Assert.Equal(after, string.Concat(parts.Where(p => p.Kind != DiffKind.Removed).Select(p => p.Text)));
    }

    [Fact]
    public void HugeTexts_FallBackToWholeRemovedAndAdded()
    {
        var before = string.Join(' ', Enumerable.Range(0, WordDiff.MaxWords / 2 + 1).Select(i => "a" + i));
        var after = string.Join(' ', Enumerable.Range(0, WordDiff.MaxWords / 2).Select(i => "b" + i));

        var parts = WordDiff.Compare(before, after);

        Assert.Equal([DiffKind.Removed, DiffKind.Added], parts.Select(p => p.Kind));
    }
}
