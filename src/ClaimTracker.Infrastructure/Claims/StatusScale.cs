using ClaimTracker.Domain;
using ClaimTracker.Domain.Claims;
using ClaimTracker.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace ClaimTracker.Infrastructure.Claims;

public sealed record StatusRow(int Id, string Key, string NameEn, string NameDe, string DescriptionEn, string Colour,
    int Order, bool IsVerdict, int? RatingValue, string DescriptionDe = "", Guid Version = default, int ClaimCount = 0, bool IsFinal = false);

/// <summary>What an admin types for one status of the scale.</summary>
public sealed record StatusInput(string Key, string NameEn, string NameDe, string DescriptionEn, string DescriptionDe,
    string Colour, int Order, bool IsVerdict, int? RatingValue, bool IsFinal = false);

/// <summary>The site's rating scale: seeded with the default on first start, read by every claim page.</summary>
public sealed class StatusScale(AppDbContext db, ReferenceData reference)
{
    public async Task EnsureDefaultAsync(CancellationToken cancellationToken = default)
    {
        if (await db.Statuses.AnyAsync(cancellationToken))
        {
            return;
        }
        db.Statuses.AddRange(StatusDefinition.DefaultScale());
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// The scale in order. Reader pages read it on every request, from memory (<see cref="ReferenceData"/>);
    /// only the admin page asks for the claim counts (a count over every claim), read afresh.
    /// </summary>
    public async Task<IReadOnlyList<StatusRow>> ListAsync(CancellationToken cancellationToken = default, bool withClaimCounts = false) =>
        withClaimCounts
            ? await LoadAsync(true, cancellationToken)
            : await reference.GetAsync(nameof(StatusScale), async ct => await LoadAsync(false, ct), cancellationToken);

    private async Task<IReadOnlyList<StatusRow>> LoadAsync(bool withClaimCounts, CancellationToken cancellationToken) =>
        (await db.Statuses.AsNoTracking().OrderBy(s => s.Order)
            .Select(s => new StatusRow(s.Id, s.Key, s.NameEn, s.NameDe, s.DescriptionEn, s.Colour, s.Order, s.IsVerdict, s.RatingValue,
                s.DescriptionDe, s.Version, withClaimCounts ? db.Claims.Count(c => c.CurrentStatusId == s.Id) : 0, s.IsFinal))
            .ToListAsync(cancellationToken)).AsReadOnly();

    public async Task<WorkResult> CreateAsync(StatusInput input, CancellationToken cancellationToken = default)
    {
        var key = (input.Key ?? string.Empty).Trim().ToLowerInvariant();
        if (await db.Statuses.AnyAsync(s => s.Key == key, cancellationToken))
        {
            return WorkResult.Invalid(nameof(StatusInput.Key), $"The key “{key}” is already used by another status.");
        }
        try
        {
            var status = StatusDefinition.Create(key, input.NameEn ?? "", input.NameDe ?? "", input.DescriptionEn ?? "",
                input.DescriptionDe ?? "", input.Colour ?? "", input.Order, input.IsVerdict, input.RatingValue, input.IsFinal);
            db.Statuses.Add(status);
            await db.SaveChangesAsync(cancellationToken);
            return WorkResult.Done(status.Id);
        }
        catch (DomainRuleException rule)
        {
            return WorkResult.Invalid(rule.Field, rule.Message);
        }
    }

    /// <summary>Saves the edit unless another admin saved this status since <paramref name="version"/> was read.</summary>
    public async Task<WorkResult> UpdateAsync(int id, Guid version, StatusInput input, CancellationToken cancellationToken = default)
    {
        var status = await db.Statuses.FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (status is null)
        {
            return WorkResult.NotFound("status");
        }
        if (status.Version != version)
        {
            return WorkResult.Invalid(string.Empty, $"Someone else changed “{status.NameEn}” meanwhile. The page shows the current values; make your change again.") with { IsConflict = true };
        }
        try
        {
            status.Edit(input.NameEn ?? "", input.NameDe ?? "", input.DescriptionEn ?? "", input.DescriptionDe ?? "",
                input.Colour ?? "", input.Order, input.IsVerdict, input.RatingValue, input.IsFinal);
            await db.SaveChangesAsync(cancellationToken);
            return WorkResult.Done(status.Id);
        }
        catch (DomainRuleException rule)
        {
            return WorkResult.Invalid(rule.Field, rule.Message);
        }
        catch (DbUpdateConcurrencyException)
        {
            return WorkResult.Invalid(string.Empty, "Someone else changed this status meanwhile. Reload and make your change again.") with { IsConflict = true };
        }
    }
}
