using ClaimTracker.Domain.Claims;
using ClaimTracker.Domain.Text;
using static ClaimTracker.UnitTests.Claims.ClaimBuilder;

namespace ClaimTracker.UnitTests.Claims;

public sealed class SourceAndActorTests
{
    [Fact]
    public void Source_WithoutUrl_NeedsOutletAndDate()
    {
        var errors = Source.Validate(new Source.Draft(null, "Agenturmeldung", null, null, null, "de", null, null), out _);
        Assert.Contains(errors, e => e.Field == "Url" && e.Message.Contains("needs its publication date"));
        Assert.Empty(Source.Validate(new Source.Draft(null, "Agenturmeldung", 4, null, new DateOnly(2023, 8, 16), "de", null, null), out _));
    }

    [Theory]
    [InlineData("https://WWW.Example.org:443/artikel?utm_source=x&id=5#absatz", "https://www.example.org/artikel?id=5")]
    [InlineData("http://example.org:8080/a?", "http://example.org:8080/a")]
    [InlineData("https://münchen.example/bericht", "https://xn--mnchen-3ya.example/bericht")]
    [InlineData("http://[::1]/", "http://[::1]/")]
    [InlineData("https://[2001:DB8::1]:8443/a", "https://[2001:db8::1]:8443/a")]
    public void Normalise_OneAddressOneForm(string input, string expected)
    {
        Assert.True(SourceUrl.TryParse(input, out var url, out _));
        Assert.Equal(expected, Source.Normalise(url!));
    }

    [Fact]
    public void Create_HashesTheExcerptAndStampsCaptureTime()
    {
        const string excerpt = "Sowohl Nordkorea als auch Russland haben die Bewegungen der nordkoreanischen Truppen nicht offiziell bestätigt.";
        var source = Source.Create(new Source.Draft("https://example.org/a", "Belousov in Pjöngjang", null, null, null, "de", null, excerpt), "e", Now);

        Assert.Equal(Source.Hash(excerpt), source.ExcerptSha256);
        Assert.Equal(64, source.ExcerptSha256!.Length);
        Assert.Equal(Now, source.ExcerptCapturedAtUtc);
    }

    [Fact]
    public void Edit_SameExcerpt_KeepsTheCaptureTime()
    {
        var source = Source.Create(new Source.Draft("https://example.org/a", "Titel", null, null, null, "de", null, "Auszug"), "e", Now);
        source.Edit(new Source.Draft("https://example.org/a", "Neuer Titel", null, null, null, "de", null, "Auszug"), Now.AddDays(3));
        Assert.Equal(Now, source.ExcerptCapturedAtUtc);
    }

    [Fact]
    public void Source_ArchiveUrlMustBeAWebAddress() =>
        Assert.Contains(Source.Validate(new Source.Draft("https://example.org/a", "T", null, null, null, "de", "javascript:alert(1)", null), out _),
            e => e.Field == "ArchiveUrl");

    [Fact]
    public void Actor_ProvenanceLabel_OnlyForOutlets()
    {
        var errors = Actor.Validate(new Actor.Draft("Wladimir Putin", ActorKind.Official, "Russland", null, null, "staatlich"));
        Assert.Contains(errors, e => e.Field == "ProvenanceLabel");
        Assert.Empty(Actor.Validate(new Actor.Draft("KCNA", ActorKind.NewsOutlet, "Nordkorea", null, "Q493012", "state-controlled media")));
    }

    [Theory]
    [InlineData("Q423", true)]
    [InlineData("q423", true)]
    [InlineData("423", false)]
    [InlineData("Q0", false)]
    [InlineData("https://www.wikidata.org/wiki/Q423", true)]
    [InlineData("https://m.wikidata.org/wiki/Q423", true)]
    [InlineData("http://www.wikidata.org/entity/Q423", true)]
    [InlineData("https://www.wikidata.org/wiki/Property:P31", false)]
    [InlineData("https://www.wikidata.org.evil.example/wiki/Q423", false)]
    [InlineData("https://de.wikipedia.org/wiki/Q423", false)]
    public void Actor_WikidataId_IsQAndDigits_OrTheItemsAddress(string id, bool valid)
    {
        Assert.Equal(valid, Actor.Validate(new Actor.Draft("Nordkorea", ActorKind.State, null, null, id, null)).Count == 0);
        if (valid)
        {
            Assert.Equal("Q423", Actor.Create(new Actor.Draft("Nordkorea", ActorKind.State, null, null, id, null), "nordkorea").WikidataId);
        }
    }

    [Fact]
    public void Actor_OtherNames_AreKeptOnceEach_WithoutItsOwnName_AndReplacedOnEdit()
    {
        var actor = Actor.Create(new Actor.Draft("Nordkorea", ActorKind.State, null, null, null, null,
            ["North Korea", "DPRK; north korea", "NORDKOREA", "Pjöngjang"]), "nordkorea");
        Assert.Equal(["North Korea", "DPRK", "Pjöngjang"], actor.Aliases.Select(a => a.Name));
        Assert.Equal("pjongjang", actor.Aliases[2].Key);

        actor.Edit(new Actor.Draft("Nordkorea", ActorKind.State, null, null, null, null, ["DPRK", "Pyongyang"]));
        Assert.Equal(["DPRK", "Pyongyang"], actor.Aliases.Select(a => a.Name).Order());
        actor.Edit(new Actor.Draft("Nordkorea", ActorKind.State, null, null, null, null));
        Assert.Equal(2, actor.Aliases.Count);
    }

    [Fact]
    public void Actor_TooManyOtherNames_OrAControlCharacterInOne_IsRefused()
    {
        Assert.Contains(Actor.Validate(new Actor.Draft("X", ActorKind.State, null, null, null, null, Enumerable.Range(0, 21).Select(i => "Name " + i).ToList())),
            e => e.Field == "Aliases" && e.Message.Contains("at most 20"));
        Assert.Contains(Actor.Validate(new Actor.Draft("X", ActorKind.State, null, null, null, null, ["BadName"])), e => e.Field == "Aliases");
    }

    [Fact]
    public void DefaultScale_HasSixStatusesWithRatingsForVerdicts()
    {
        var scale = StatusDefinition.DefaultScale();
        Assert.Equal(["open", "false", "misleading", "unproven", "corroborated", "confirmed"], scale.Select(s => s.Key));
        Assert.False(scale[0].IsVerdict);
        Assert.Equal([1, 2, 3, 4, 5], scale.Skip(1).Select(s => s.RatingValue!.Value));
        Assert.Equal("Erhärtet", scale[4].NameDe);
    }

    [Fact]
    public void Status_VerdictWithoutRating_IsRefused() =>
        Assert.Throws<ClaimTracker.Domain.DomainRuleException>(() =>
            StatusDefinition.Create("x", "X", "X", "", "", "#000000", 9, isVerdict: true, ratingValue: null));

    [Theory]
    [InlineData("Nordkorea liefert Artillerie an Rußland", "nordkorea-liefert-artillerie-an-russland")]
    [InlineData("„Händchen halten“: Kim & Putin", "haendchen-halten-kim-putin")]
    [InlineData("Öl-Exporte nach Nordkorea (UN-Daten)", "oel-exporte-nach-nordkorea-un-daten")]
    [InlineData("Señor Łukasz élève", "senor-ukasz-eleve")]
    [InlineData("!!!", "claim")]
    [InlineData("Cl\u200Baim \u200Eüber\u200F", "claim-ueber")]
    public void Slug_From_TransliteratesGerman(string text, string expected) => Assert.Equal(expected, Slug.From(text));

    [Fact]
    public void Slug_Unique_AppendsANumber() =>
        Assert.Equal("x-3", Slug.Unique("x", s => s is "x" or "x-2"));

    [Theory]
    [InlineData(80)]
    [InlineData(79)]
    [InlineData(78)]
    public void Slug_Unique_OfALongTakenSlug_ShortensItSoTheSuffixFits(int length)
    {
        var taken = new string('a', length - 30) + "-" + new string('b', 29);
        var slug = Slug.Unique(taken, s => s == taken);
        Assert.True(Slug.IsValid(slug), slug);
        Assert.EndsWith("-2", slug);
    }

    [Fact]
    public void Slug_From_LongHeadline_CutsAtAWordWithin80() =>
        Assert.True(Slug.From(string.Join(' ', Enumerable.Repeat("Waffenlieferungen", 10))).Length <= Slug.MaxLength);

    [Theory]
    [InlineData("de", "de")]
    [InlineData("EN-gb", "en-GB")]
    [InlineData("ko-kore-kp", "ko-Kore-KP")]
    public void LanguageTag_Normalises(string input, string expected)
    {
        Assert.True(LanguageTag.TryNormalise(input, out var tag, out _));
        Assert.Equal(expected, tag);
    }

    [Theory]
    [InlineData("deutsch")]
    [InlineData("")]
    [InlineData("d")]
    [InlineData("de_DE")]
    public void LanguageTag_RejectsNonTags(string input) => Assert.False(LanguageTag.TryNormalise(input, out _, out _));
}
