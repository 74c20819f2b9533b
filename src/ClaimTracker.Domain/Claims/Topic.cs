using ClaimTracker.Domain.Text;

namespace ClaimTracker.Domain.Claims;

/// <summary>A subject area claims are filed under, e.g. "Waffenlieferungen".</summary>
public sealed class Topic
{
    public const int NameMaxLength = 100;

    private Topic()
    {
    }

    public int Id { get; private set; }

    public string Name { get; private set; } = string.Empty;

    public string Slug { get; private set; } = string.Empty;

    public static Topic Create(string name)
    {
        var check = TextRules.CheckSingleLine("Topic", name, NameMaxLength);
        if (!check.Succeeded || string.IsNullOrWhiteSpace(name))
        {
            throw new DomainRuleException("Topics", check.Succeeded ? "A topic needs a name." : check.Error);
        }
        var clean = TextRules.Normalise(name.Trim());
        return new Topic { Name = clean, Slug = Text.Slug.From(clean) };
    }
}
