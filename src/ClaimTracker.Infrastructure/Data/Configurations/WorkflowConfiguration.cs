using ClaimTracker.Domain.Accounts;
using ClaimTracker.Domain.Claims;
using ClaimTracker.Domain.Workflow;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ClaimTracker.Infrastructure.Data.Configurations;

internal sealed class ClaimVersionConfiguration : IEntityTypeConfiguration<ClaimVersion>
{
    public void Configure(EntityTypeBuilder<ClaimVersion> builder)
    {
        builder.ToTable("ClaimVersions");
        builder.HasKey(v => v.Id);
        builder.HasIndex(v => new { v.ClaimId, v.Number }).IsUnique();
        builder.HasIndex(v => new { v.Kind, v.ApprovedAtUtc });
        builder.Property(v => v.Kind).HasConversion<string>().HasMaxLength(24);
        builder.Property(v => v.CorrectionNote).HasMaxLength(ClaimVersion.NoteMaxLength);
        builder.Property(v => v.Headline).HasMaxLength(Claim.HeadlineMaxLength).IsRequired();
        builder.Property(v => v.Snapshot).IsRequired();
        builder.Property(v => v.SubmittedBy).HasMaxLength(EmailAddress.MaxLength).IsRequired();
        builder.Property(v => v.ApprovedBy).HasMaxLength(EmailAddress.MaxLength).IsRequired();
        builder.HasOne<Claim>().WithMany().HasForeignKey(v => v.ClaimId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<StatusDefinition>().WithMany().HasForeignKey(v => v.StatusId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class WorkflowEventConfiguration : IEntityTypeConfiguration<WorkflowEvent>
{
    public void Configure(EntityTypeBuilder<WorkflowEvent> builder)
    {
        builder.ToTable("WorkflowEvents");
        builder.HasKey(e => e.Id);
        builder.HasIndex(e => new { e.ClaimId, e.OccurredAtUtc });
        // Withdrawals for readers (corrections page, feeds), newest first, without reading every event.
        builder.HasIndex(e => new { e.Action, e.OccurredAtUtc });
        builder.Property(e => e.Action).HasConversion<string>().HasMaxLength(16);
        builder.Property(e => e.Actor).HasMaxLength(EmailAddress.MaxLength).IsRequired();
        builder.Property(e => e.Comment).HasMaxLength(ClaimVersion.NoteMaxLength);
        builder.HasOne<Claim>().WithMany().HasForeignKey(e => e.ClaimId).OnDelete(DeleteBehavior.Cascade);
    }
}
