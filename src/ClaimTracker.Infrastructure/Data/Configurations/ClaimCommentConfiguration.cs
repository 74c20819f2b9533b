using ClaimTracker.Domain.Accounts;
using ClaimTracker.Domain.Claims;
using ClaimTracker.Domain.Workflow;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ClaimTracker.Infrastructure.Data.Configurations;

internal sealed class ClaimCommentConfiguration : IEntityTypeConfiguration<ClaimComment>
{
    public void Configure(EntityTypeBuilder<ClaimComment> builder)
    {
        builder.ToTable("ClaimComments");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Author).HasMaxLength(EmailAddress.MaxLength).IsRequired();
        builder.Property(c => c.Body).HasConversion(SanitisedHtmlConverter.Instance).HasMaxLength(ClaimComment.BodyMaxLength).IsRequired();
        builder.HasOne<Claim>().WithMany().HasForeignKey(c => c.ClaimId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => new { c.ClaimId, c.PostedAtUtc });
    }
}
