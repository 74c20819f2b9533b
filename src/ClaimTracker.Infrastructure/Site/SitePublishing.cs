using ClaimTracker.Domain;
using ClaimTracker.Domain.Site;
using ClaimTracker.Infrastructure.Claims;
using ClaimTracker.Infrastructure.Data;
using ClaimTracker.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace ClaimTracker.Infrastructure.Site;

public sealed record SiteInput(string PublisherName, string? PublisherUrl, string ContactEmail, string? AboutHtml,
    string? MethodologyHtml, string? CorrectionsPolicyHtml, int ReviewIntervalDays = Domain.Site.SiteDefaults.ReviewIntervalDays);

public sealed record SiteView(string PublisherName, string? PublisherUrl, string ContactEmail,
    Domain.Text.SanitisedHtml About, Domain.Text.SanitisedHtml Methodology, Domain.Text.SanitisedHtml CorrectionsPolicy, Guid Version,
    int ReviewIntervalDays = Domain.Site.SiteDefaults.ReviewIntervalDays)
{
    /// <summary>The roles whose members must prove a second factor.</summary>
    public Domain.Accounts.SecondFactorPolicy SecondFactors { get; init; } = Domain.Accounts.SecondFactorPolicy.None;

    /// <summary>Readers may open preserved copies and evidence files of what published claims cite.</summary>
    public bool ReadersMayOpenCopies { get; init; }
}

/// <summary>The publisher settings: created with honest defaults on first start, edited by admins.</summary>
public sealed class SitePublishing(AppDbContext db, HtmlSanitiser sanitiser, IPublicCache publicCache, ReferenceData reference,
    Auditing.AuditLog audit)
{
    public async Task EnsureDefaultAsync(CancellationToken cancellationToken = default)
    {
        if (await db.SiteSettings.AnyAsync(cancellationToken))
        {
            return;
        }
        db.SiteSettings.Add(SiteSettings.Create(new SiteSettings.Draft("ClaimTracker", null, "corrections@claimtracker.test",
            Clean("<p>This site tracks claims about North Korea's support for Russia's war in Ukraine: who made them, who denies them, the sources behind them, and how their status changes as reporting arrives. An admin replaces this text with who publishes it.</p>"),
            Clean("<p>Editors log each claim as it was made, with the parties' statements and the sources that report, support or dispute it. A status change is dated by when the evidence emerged, explained in a written rationale and, for a verdict, rests on at least one source. The history is never edited: mistakes are fixed by corrections that stay visible.</p>"),
            Clean("<p>If you find an error or have new evidence, write to the contact address below. We correct mistakes openly: a correction note appears at the top of the claim's page, in its feed and on the corrections page, and the earlier version stays readable. Nothing is published before a second editor has reviewed it.</p>"))));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The settings as saved; read by every page, so kept in memory until an admin saves them.</summary>
    public Task<SiteView> GetAsync(CancellationToken cancellationToken = default) =>
        reference.GetAsync(nameof(SitePublishing), LoadAsync, cancellationToken);

    private async Task<SiteView> LoadAsync(CancellationToken cancellationToken)
    {
        var settings = await db.SiteSettings.AsNoTracking().FirstOrDefaultAsync(cancellationToken)
                       ?? throw new InvalidOperationException("Site settings are created at start-up.");
        return new SiteView(settings.PublisherName, settings.PublisherUrl, settings.ContactEmail, settings.AboutHtml,
            settings.MethodologyHtml, settings.CorrectionsPolicyHtml, settings.Version, settings.ReviewIntervalDays)
        {
            SecondFactors = settings.SecondFactors,
            ReadersMayOpenCopies = settings.ReadersMayOpenCopies,
        };
    }

    public async Task<WorkResult> UpdateAsync(Guid version, SiteInput input, CancellationToken cancellationToken = default)
    {
        var settings = await db.SiteSettings.FirstAsync(cancellationToken);
        if (settings.Version != version)
        {
            return WorkResult.Invalid(string.Empty, "Another admin saved the settings meanwhile. The form shows their version; make your change again.") with { IsConflict = true };
        }
        var errors = new List<FieldError>();
        var texts = new Dictionary<string, string?> { ["AboutHtml"] = input.AboutHtml, ["MethodologyHtml"] = input.MethodologyHtml, ["CorrectionsPolicyHtml"] = input.CorrectionsPolicyHtml }
            .ToDictionary(t => t.Key, t => sanitiser.Sanitise(t.Value));
        errors.AddRange(texts.Where(t => !t.Value.Succeeded).Select(t => new FieldError(t.Key, t.Value.Error)));
        if (errors.Count > 0)
        {
            return WorkResult.Invalid(errors);
        }
        var draft = new SiteSettings.Draft(input.PublisherName ?? string.Empty, input.PublisherUrl, input.ContactEmail ?? string.Empty,
            texts["AboutHtml"].Html!, texts["MethodologyHtml"].Html!, texts["CorrectionsPolicyHtml"].Html!, input.ReviewIntervalDays);
        if (SiteSettings.Validate(draft) is { Count: > 0 } invalid)
        {
            return WorkResult.Invalid(invalid);
        }
        settings.Edit(draft);
        await db.SaveChangesAsync(cancellationToken);
        await publicCache.EvictAsync(cancellationToken);
        return WorkResult.Done(settings.Id);
    }

    /// <summary>Which roles must use a second factor; recorded in the audit log with the admin who decided.</summary>
    public async Task SetSecondFactorPolicyAsync(Domain.Accounts.SecondFactorPolicy policy, string admin, CancellationToken cancellationToken = default)
    {
        var settings = await db.SiteSettings.FirstAsync(cancellationToken);
        if (settings.SecondFactors.Equals(policy))
        {
            return;
        }
        settings.RequireSecondFactorFor(policy);
        audit.Record(admin, Domain.Auditing.AuditAction.SecondFactorPolicyChanged, "site",
            policy.RequiredRoles.Count == 0 ? "no role must use a second factor" : "required for: " + string.Join(", ", policy.RequiredRoles));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Whether readers may open preserved copies and files (copyright); audited, and reader pages show it at once.</summary>
    public async Task SetReadersMayOpenCopiesAsync(bool allowed, string admin, CancellationToken cancellationToken = default)
    {
        var settings = await db.SiteSettings.FirstAsync(cancellationToken);
        if (settings.ReadersMayOpenCopies == allowed)
        {
            return;
        }
        settings.LetReadersOpenCopies(allowed);
        audit.Record(admin, Domain.Auditing.AuditAction.ReaderCopiesPolicyChanged, "site",
            allowed ? "readers may open preserved copies and evidence files of cited sources" : "preserved copies and evidence files are for staff only");
        await db.SaveChangesAsync(cancellationToken);
        await publicCache.EvictAsync(cancellationToken);
    }

    private Domain.Text.SanitisedHtml Clean(string html) => sanitiser.Sanitise(html).Html!;
}
