using ClaimTracker.Domain.Accounts;
using ClaimTracker.Domain.Claims;
using ClaimTracker.Domain.Feedback;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ClaimTracker.Infrastructure.Data.Configurations;

internal sealed class ReaderReportConfiguration : IEntityTypeConfiguration<ReaderReport>
{
    public void Configure(EntityTypeBuilder<ReaderReport> builder)
    {
        builder.ToTable("ReaderReports");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Message).HasMaxLength(ReaderReport.MessageMaxLength).IsRequired();
        builder.Property(r => r.Email).HasMaxLength(EmailAddress.MaxLength);
        builder.Property(r => r.ResolvedBy).HasMaxLength(EmailAddress.MaxLength);
        builder.Property(r => r.ResolutionNote).HasMaxLength(ReaderReport.NoteMaxLength);
        builder.HasOne<Claim>().WithMany().HasForeignKey(r => r.ClaimId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => new { r.IsResolved, r.ReceivedAtUtc });
        builder.HasIndex(r => r.ClaimId);
    }
}
