using ClaimTracker.Domain.Accounts;
using ClaimTracker.Domain.Text;

namespace ClaimTracker.Domain.Site;

/// <summary>
/// Who publishes this ClaimTracker and the texts readers rely on: about, methodology, corrections
/// policy and a contact route (Google honours fact-check markup only from publishers that have them).
/// One row.
/// </summary>
public sealed class SiteSettings
{
    public const int SingletonId = 1;
    public const int NameMaxLength = 200;
    public const int TextMaxLength = 100_000;

    private SiteSettings()
    {
    }

    public int Id { get; private set; } = SingletonId;

    public string PublisherName { get; private set; } = string.Empty;

    public string? PublisherUrl { get; private set; }

    public string ContactEmail { get; private set; } = string.Empty;

    public SanitisedHtml AboutHtml { get; private set; } = SanitisedHtml.Empty;

    public SanitisedHtml MethodologyHtml { get; private set; } = SanitisedHtml.Empty;

    public SanitisedHtml CorrectionsPolicyHtml { get; private set; } = SanitisedHtml.Empty;

    /// <summary>Days from a status change to an open claim's next review, unless the claim sets its own.</summary>
    public int ReviewIntervalDays { get; private set; } = SiteDefaults.ReviewIntervalDays;

    /// <summary>
    /// The roles whose members must sign in with a second factor (an authenticator app or a passkey), comma-separated
    /// (empty: none). Read through <see cref="SecondFactorPolicy"/>.
    /// </summary>
    public string SecondFactorRoles { get; private set; } = string.Empty;

    /// <summary>
    /// Whether readers may open the preserved copies and evidence files of sources that published claims cite. Off by
    /// default: a copy of someone else's article is theirs (copyright); readers still see that a copy exists, its date and hash.
    /// </summary>
    public bool ReadersMayOpenCopies { get; private set; }

    public Guid Version { get; private set; }

    /// <summary>An admin's decision on <see cref="ReadersMayOpenCopies"/>, recorded in the audit log by the caller.</summary>
    public void LetReadersOpenCopies(bool allowed)
    {
        ReadersMayOpenCopies = allowed;
        Version = Guid.NewGuid();
    }

    public SecondFactorPolicy SecondFactors => SecondFactorPolicy.Parse(SecondFactorRoles);

    /// <summary>Which roles must use a second factor from now on; an admin's decision, recorded in the audit log by the caller.</summary>
    public void RequireSecondFactorFor(SecondFactorPolicy policy)
    {
        SecondFactorRoles = policy.ToString();
        Version = Guid.NewGuid();
    }

    public sealed record Draft(string PublisherName, string? PublisherUrl, string ContactEmail, SanitisedHtml About,
        SanitisedHtml Methodology, SanitisedHtml CorrectionsPolicy, int ReviewIntervalDays = SiteDefaults.ReviewIntervalDays);

    public static IReadOnlyList<FieldError> Validate(Draft draft)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(draft.PublisherName))
        {
            errors.Add(new FieldError(nameof(Draft.PublisherName), "Enter the name of the publishing organisation."));
        }
        errors.AddIfFailed(nameof(Draft.PublisherName), TextRules.CheckSingleLine("Publisher name", draft.PublisherName, NameMaxLength));
        if (!string.IsNullOrWhiteSpace(draft.PublisherUrl) && !SourceUrl.TryParse(draft.PublisherUrl, out _, out var urlError))
        {
            errors.Add(new FieldError(nameof(Draft.PublisherUrl), "Publisher address: " + urlError));
        }
        if (!EmailAddress.TryNormalise(draft.ContactEmail, out _, out var emailError))
        {
            errors.Add(new FieldError(nameof(Draft.ContactEmail), emailError));
        }
        if (draft.ReviewIntervalDays is < 1 or > Claims.Claim.MaxReviewIntervalDays)
        {
            errors.Add(new FieldError(nameof(Draft.ReviewIntervalDays), $"The review interval is between 1 and {Claims.Claim.MaxReviewIntervalDays} days."));
        }
        return errors;
    }

    public static SiteSettings Create(Draft draft)
    {
        var settings = new SiteSettings();
        settings.Edit(draft);
        return settings;
    }

    public void Edit(Draft draft)
    {
        if (Validate(draft) is [var first, ..])
        {
            throw new DomainRuleException(first.Field, first.Message);
        }
        EmailAddress.TryNormalise(draft.ContactEmail, out var email, out _);
        PublisherName = draft.PublisherName.Trim();
        PublisherUrl = string.IsNullOrWhiteSpace(draft.PublisherUrl) ? null : draft.PublisherUrl.Trim();
        ContactEmail = email;
        (AboutHtml, MethodologyHtml, CorrectionsPolicyHtml) = (draft.About, draft.Methodology, draft.CorrectionsPolicy);
        ReviewIntervalDays = draft.ReviewIntervalDays;
        Version = Guid.NewGuid();
    }
}

public static class SiteDefaults
{
    /// <summary>An open claim comes up for review this many days after its last status change.</summary>
    public const int ReviewIntervalDays = 30;
}
