using System.Reflection;
using ClaimTracker.Domain.Claims;
using ClaimTracker.Domain.Text;

namespace ClaimTracker.UnitTests.Claims;

/// <summary>Claims and their parts as the seed articles describe them, with ids as the database would give.</summary>
public static class ClaimBuilder
{
    public static readonly DateTime Now = new(2024, 11, 30, 12, 0, 0, DateTimeKind.Utc);

    public static Claim.Draft ArmsDraft(string headline = "Nordkorea liefert Artillerie und Raketen an Russland") => new(
        headline,
        "US-amerikanische und südkoreanische Beamte haben Nordkorea wiederholt beschuldigt, Russland mit militärischer Ausrüstung wie Artillerie und Raketen zu versorgen.",
        "de", "US and South Korean officials have repeatedly accused North Korea of supplying Russia with artillery and missiles.",
        "Redaktion", false, new DateOnly(2023, 8, 15), SanitisedHtmlFor(""), null);

    public static Claim ArmsClaim(int id = 1)
    {
        var claim = Claim.Create(ArmsDraft(), "nordkorea-liefert-waffen", "editor@example.org", Now);
        return WithId(claim, id);
    }

    public static StatusDefinition Status(string key, int id)
    {
        var status = StatusDefinition.DefaultScale().Single(s => s.Key == key);
        return WithId(status, id);
    }

    public static SanitisedHtml SanitisedHtmlFor(string html) =>
        (SanitisedHtml)typeof(SanitisedHtml).GetConstructors(BindingFlags.NonPublic | BindingFlags.Instance)[0].Invoke([html]);

    public static T WithId<T>(T entity, int id)
    {
        typeof(T).GetProperty("Id")!.SetValue(entity, id);
        return entity;
    }
}
