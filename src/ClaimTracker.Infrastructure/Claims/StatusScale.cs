using ClaimTracker.Domain.Claims;
using ClaimTracker.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace ClaimTracker.Infrastructure.Claims;

public sealed record StatusRow(int Id, string Key, string NameEn, string NameDe, string DescriptionEn, string Colour,
    int Order, bool IsVerdict, int? RatingValue);

/// <summary>The site's rating scale: seeded with the default on first start, read by every claim page.</summary>
public sealed class StatusScale(AppDbContext db)
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

    public async Task<IReadOnlyList<StatusRow>> ListAsync(CancellationToken cancellationToken = default) =>
        await db.Statuses.AsNoTracking().OrderBy(s => s.Order)
            .Select(s => new StatusRow(s.Id, s.Key, s.NameEn, s.NameDe, s.DescriptionEn, s.Colour, s.Order, s.IsVerdict, s.RatingValue))
            .ToListAsync(cancellationToken);
}
