using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ClaimTracker.Infrastructure.Data.Configurations;

internal sealed class ChangeRecordConfiguration : IEntityTypeConfiguration<ChangeRecord>
{
    public void Configure(EntityTypeBuilder<ChangeRecord> builder)
    {
        builder.ToTable("ChangeRecords");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Actor).HasMaxLength(256).IsRequired();
        builder.Property(c => c.EntityType).HasMaxLength(64).IsRequired();
        builder.Property(c => c.EntityId).HasMaxLength(64).IsRequired();
        builder.Property(c => c.Action).HasMaxLength(16).IsRequired();
        builder.Property(c => c.Changes).IsRequired();
        builder.HasIndex(c => c.OccurredAtUtc);
        builder.HasIndex(c => c.ClaimId);
    }
}
