using ClaimTracker.Domain.Accounts;
using ClaimTracker.Domain.Claims;
using ClaimTracker.Domain.Evidence;
using ClaimTracker.Domain.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ClaimTracker.Infrastructure.Data.Configurations;

internal sealed class StoredBlobConfiguration : IEntityTypeConfiguration<StoredBlob>
{
    public void Configure(EntityTypeBuilder<StoredBlob> builder)
    {
        builder.ToTable("StoredBlobs");
        builder.HasKey(b => b.Sha256);
        builder.Property(b => b.Sha256).HasMaxLength(64);
        builder.Property(b => b.ContentType).HasMaxLength(100).IsRequired();
    }
}

internal sealed class SourceCaptureConfiguration : IEntityTypeConfiguration<SourceCapture>
{
    public void Configure(EntityTypeBuilder<SourceCapture> builder)
    {
        builder.ToTable("SourceCaptures");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.RequestedUrl).HasMaxLength(SourceUrl.MaxLength).IsRequired();
        builder.Property(c => c.FinalUrl).HasMaxLength(SourceUrl.MaxLength).IsRequired();
        builder.Property(c => c.ContentType).HasMaxLength(100).IsRequired();
        builder.Property(c => c.Sha256).HasMaxLength(64).IsRequired();
        builder.Property(c => c.CapturedBy).HasMaxLength(EmailAddress.MaxLength).IsRequired();
        builder.HasOne<Source>().WithMany().HasForeignKey(c => c.SourceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<StoredBlob>().WithMany().HasForeignKey(c => c.Sha256).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => new { c.SourceId, c.CapturedAtUtc });
    }
}

internal sealed class EvidenceFileConfiguration : IEntityTypeConfiguration<EvidenceFile>
{
    public void Configure(EntityTypeBuilder<EvidenceFile> builder)
    {
        builder.ToTable("EvidenceFiles");
        builder.HasKey(f => f.Id);
        builder.Property(f => f.Caption).HasMaxLength(EvidenceFile.CaptionMaxLength).IsRequired();
        builder.Property(f => f.FileName).HasMaxLength(EvidenceFile.FileNameMaxLength).IsRequired();
        builder.Property(f => f.ContentType).HasMaxLength(100).IsRequired();
        builder.Property(f => f.Sha256).HasMaxLength(64).IsRequired();
        builder.Property(f => f.AddedBy).HasMaxLength(EmailAddress.MaxLength).IsRequired();
        builder.HasOne<Source>().WithMany().HasForeignKey(f => f.SourceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Statement>().WithMany().HasForeignKey(f => f.StatementId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<StoredBlob>().WithMany().HasForeignKey(f => f.Sha256).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(f => f.SourceId);
        builder.HasIndex(f => f.StatementId);
    }
}
