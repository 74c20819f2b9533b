using ClaimTracker.Domain.Text;

namespace ClaimTracker.Domain.Workflow;

/// <summary>One message in the editors' internal discussion of a claim; never shown to readers.</summary>
public sealed class ClaimComment
{
    public const int BodyMaxLength = 20_000;

    private ClaimComment()
    {
    }

    public int Id { get; private set; }

    public int ClaimId { get; private set; }

    public string Author { get; private set; } = string.Empty;

    public SanitisedHtml Body { get; private set; } = SanitisedHtml.Empty;

    public DateTime PostedAtUtc { get; private set; }

    public static ClaimComment Post(int claimId, string author, SanitisedHtml body, DateTime nowUtc)
    {
        if (body.IsEmpty)
        {
            throw new DomainRuleException(nameof(Body), "Write something before posting.");
        }
        return new ClaimComment { ClaimId = claimId, Author = author, Body = body, PostedAtUtc = nowUtc };
    }
}
