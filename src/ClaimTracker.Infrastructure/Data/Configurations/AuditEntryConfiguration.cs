using ClaimTracker.Domain.Auditing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ClaimTracker.Infrastructure.Data.Configurations;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("AuditEntries");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Actor).HasMaxLength(AuditEntry.ActorMaxLength).IsRequired();
        builder.Property(e => e.Action).HasConversion<string>().HasMaxLength(AuditEntry.ActionMaxLength).IsRequired();
        builder.Property(e => e.Target).HasMaxLength(AuditEntry.TargetMaxLength).IsRequired();
        builder.Property(e => e.Details).HasMaxLength(AuditEntry.DetailsMaxLength).IsRequired();
        builder.Property(e => e.IpAddress).HasMaxLength(AuditEntry.IpAddressMaxLength);
        builder.HasIndex(e => e.OccurredAtUtc);
    }
}
