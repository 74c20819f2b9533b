using ClaimTracker.Domain.Accounts;
using ClaimTracker.Domain.Claims;
using ClaimTracker.Domain.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ClaimTracker.Infrastructure.Data.Configurations;

internal sealed class ClaimConfiguration : IEntityTypeConfiguration<Claim>
{
    public void Configure(EntityTypeBuilder<Claim> builder)
    {
        builder.ToTable("Claims");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Slug).HasMaxLength(Slug.MaxLength).IsRequired();
        builder.HasIndex(c => c.Slug).IsUnique();
        builder.Property(c => c.PendingSlug).HasMaxLength(Slug.MaxLength);
        builder.HasIndex(c => c.PendingSlug).IsUnique();
        builder.Ignore(c => c.WorkingSlug);
        builder.HasIndex(c => c.SubmissionId).IsUnique();
        builder.Property(c => c.Headline).HasMaxLength(Claim.HeadlineMaxLength).IsRequired();
        builder.Property(c => c.ClaimReviewed).HasMaxLength(Claim.ClaimReviewedMaxLength);
        builder.Property(c => c.OriginalText).HasMaxLength(Claim.TextMaxLength).IsRequired();
        builder.Property(c => c.Language).HasMaxLength(LanguageTag.MaxLength).IsRequired();
        builder.Property(c => c.Translation).HasMaxLength(Claim.TextMaxLength);
        builder.Property(c => c.Translator).HasMaxLength(Claim.TranslatorMaxLength);
        builder.Property(c => c.Summary).HasConversion(SanitisedHtmlConverter.Instance).HasMaxLength(Claim.SummaryMaxLength).IsRequired();
        builder.Property(c => c.CreatedBy).HasMaxLength(EmailAddress.MaxLength).IsRequired();
        builder.Property(c => c.UpdatedBy).HasMaxLength(EmailAddress.MaxLength).IsRequired();
        builder.Property(c => c.AssignedTo).HasMaxLength(EmailAddress.MaxLength);
        builder.HasIndex(c => c.AssignedTo);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.Property(c => c.PublishedHeadline).HasMaxLength(Claim.HeadlineMaxLength);
        // No foreign key: SQLite cannot add one to an existing table, and the approved status is a copy
        // of CurrentStatusId (which has one) at approval time.
        // Readers' counts by status: read from this index alone, not from the (wide) claim rows.
        builder.HasIndex(c => c.PublishedStatusId).HasFilter("\"IsPublic\"").HasDatabaseName("IX_Claims_Public_PublishedStatusId");
        // Readers' list: public claims, newest approved status first (keyset paging walks this index).
        builder.HasIndex(c => new { c.PublishedStatusSince, c.Id }).HasFilter("\"IsPublic\"").HasDatabaseName("IX_Claims_Public_PublishedStatusSince_Id");
        // Public claims without an approved version: none once the start-up backfill has run, so its check at every
        // start reads an empty index instead of every claim (0.7 s at 100,000 claims).
        builder.HasIndex(c => c.PublishedVersion).HasFilter("\"IsPublic\" AND \"PublishedVersion\" IS NULL").HasDatabaseName("IX_Claims_Public_Unversioned");
        // The review lives in the claim's row, under the column names it always had.
        builder.OwnsOne(c => c.Review, review =>
        {
            // Defaults as the migration that added these columns to existing rows gave them.
            review.Property(r => r.State).HasColumnName("Review").HasConversion<string>().HasMaxLength(16)
                .HasDefaultValue(Domain.Workflow.ReviewState.Draft);
            review.Ignore(r => r.Authors);
            review.Property<string>(ClaimReviewColumns.PendingAuthors).HasColumnName("PendingAuthors").HasMaxLength(4000).IsRequired()
                .HasDefaultValue(string.Empty);
            review.Property(r => r.SubmittedBy).HasColumnName("SubmittedBy").HasMaxLength(EmailAddress.MaxLength);
            review.Property(r => r.SubmittedAtUtc).HasColumnName("SubmittedAtUtc");
            review.Property(r => r.Comment).HasColumnName("SubmissionComment").HasMaxLength(Domain.Workflow.ClaimReview.CommentMaxLength);
            review.Property(r => r.CorrectionNote).HasColumnName("CorrectionNote").HasMaxLength(Domain.Workflow.ClaimVersion.NoteMaxLength);
            review.Property(r => r.SentBackBy).HasColumnName("SentBackBy").HasMaxLength(EmailAddress.MaxLength);
            review.Property(r => r.SentBackComment).HasColumnName("SentBackComment").HasMaxLength(Domain.Workflow.ClaimReview.CommentMaxLength);
            review.Ignore(r => r.IsPending);
            review.HasIndex(r => new { r.State, r.SubmittedAtUtc }).HasDatabaseName("IX_Claims_Review_SubmittedAtUtc");
        });
        builder.Navigation(c => c.Review).IsRequired();
        builder.Property(c => c.WithdrawalNote).HasMaxLength(Domain.Workflow.ClaimVersion.NoteMaxLength);
        builder.Ignore(c => c.HasPendingChanges);
        builder.HasOne<Claim>().WithMany().HasForeignKey(c => c.ParentClaimId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<StatusDefinition>().WithMany().HasForeignKey(c => c.CurrentStatusId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => c.UpdatedAtUtc);
        builder.HasIndex(c => c.ReviewBy);

        builder.HasMany(c => c.Actors).WithOne().HasForeignKey(a => a.ClaimId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.Topics).WithOne().HasForeignKey(t => t.ClaimId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.Statements).WithOne().HasForeignKey(s => s.ClaimId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.Sources).WithOne().HasForeignKey(s => s.ClaimId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.StatusChanges).WithOne().HasForeignKey(s => s.ClaimId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.Relations).WithOne().HasForeignKey(r => r.FromClaimId).OnDelete(DeleteBehavior.Cascade);
        foreach (var navigation in new[] { nameof(Claim.Actors), nameof(Claim.Topics), nameof(Claim.Statements), nameof(Claim.Sources), nameof(Claim.StatusChanges), nameof(Claim.Relations) })
        {
            builder.Navigation(navigation).UsePropertyAccessMode(PropertyAccessMode.Field);
        }
    }
}

internal sealed class ClaimActorConfiguration : IEntityTypeConfiguration<ClaimActor>
{
    public void Configure(EntityTypeBuilder<ClaimActor> builder)
    {
        builder.ToTable("ClaimActors");
        builder.HasKey(a => new { a.ClaimId, a.ActorId, a.Role });
        builder.Property(a => a.Role).HasConversion<string>().HasMaxLength(16);
        builder.HasOne(a => a.Actor).WithMany().HasForeignKey(a => a.ActorId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ClaimTopicConfiguration : IEntityTypeConfiguration<ClaimTopic>
{
    public void Configure(EntityTypeBuilder<ClaimTopic> builder)
    {
        builder.ToTable("ClaimTopics");
        builder.HasKey(t => new { t.ClaimId, t.TopicId });
        builder.HasOne(t => t.Topic).WithMany().HasForeignKey(t => t.TopicId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ClaimSourceConfiguration : IEntityTypeConfiguration<ClaimSource>
{
    public void Configure(EntityTypeBuilder<ClaimSource> builder)
    {
        builder.ToTable("ClaimSources");
        builder.HasKey(s => new { s.ClaimId, s.SourceId, s.Stance });
        builder.Property(s => s.Stance).HasConversion<string>().HasMaxLength(16);
        builder.Property(s => s.Quote).HasMaxLength(Claim.QuoteMaxLength);
        builder.Property(s => s.Note).HasMaxLength(Claim.NoteMaxLength);
        builder.HasOne(s => s.Source).WithMany().HasForeignKey(s => s.SourceId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ClaimRelationConfiguration : IEntityTypeConfiguration<ClaimRelation>
{
    public void Configure(EntityTypeBuilder<ClaimRelation> builder)
    {
        builder.ToTable("ClaimRelations");
        builder.HasKey(r => new { r.FromClaimId, r.ToClaimId, r.Kind });
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(16);
        builder.HasOne<Claim>().WithMany().HasForeignKey(r => r.ToClaimId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SlugRedirectConfiguration : IEntityTypeConfiguration<SlugRedirect>
{
    public void Configure(EntityTypeBuilder<SlugRedirect> builder)
    {
        builder.ToTable("SlugRedirects");
        builder.HasKey(r => r.OldSlug);
        builder.Property(r => r.OldSlug).HasMaxLength(Slug.MaxLength);
        builder.HasOne<Claim>().WithMany().HasForeignKey(r => r.ClaimId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class StatementConfiguration : IEntityTypeConfiguration<Statement>
{
    public void Configure(EntityTypeBuilder<Statement> builder)
    {
        builder.ToTable("Statements");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Stance).HasConversion<string>().HasMaxLength(24);
        builder.Property(s => s.Quote).HasMaxLength(Statement.QuoteMaxLength);
        builder.Property(s => s.QuoteLanguage).HasMaxLength(LanguageTag.MaxLength).IsRequired();
        builder.Property(s => s.Translation).HasMaxLength(Statement.QuoteMaxLength);
        builder.Property(s => s.RecordedBy).HasMaxLength(EmailAddress.MaxLength).IsRequired();
        builder.HasOne(s => s.Actor).WithMany().HasForeignKey(s => s.ActorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(s => s.Sources).WithOne().HasForeignKey(s => s.StatementId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(s => s.Sources).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(s => s.JointActors).WithOne().HasForeignKey(j => j.StatementId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(s => s.JointActors).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Ignore(s => s.ActorIds);
    }
}

internal sealed class StatementActorConfiguration : IEntityTypeConfiguration<StatementActor>
{
    public void Configure(EntityTypeBuilder<StatementActor> builder)
    {
        builder.ToTable("StatementActors");
        builder.HasKey(j => new { j.StatementId, j.ActorId });
        builder.HasOne(j => j.Actor).WithMany().HasForeignKey(j => j.ActorId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class StatementSourceConfiguration : IEntityTypeConfiguration<StatementSource>
{
    public void Configure(EntityTypeBuilder<StatementSource> builder)
    {
        builder.ToTable("StatementSources");
        builder.HasKey(s => new { s.StatementId, s.SourceId });
        builder.HasOne<Source>().WithMany().HasForeignKey(s => s.SourceId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class StatusChangeConfiguration : IEntityTypeConfiguration<StatusChange>
{
    public void Configure(EntityTypeBuilder<StatusChange> builder)
    {
        builder.ToTable("StatusChanges");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Rationale).HasConversion(SanitisedHtmlConverter.Instance).HasMaxLength(Claim.SummaryMaxLength).IsRequired();
        builder.Property(s => s.RecordedBy).HasMaxLength(EmailAddress.MaxLength).IsRequired();
        builder.HasOne(s => s.Status).WithMany().HasForeignKey(s => s.StatusId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<StatusChange>().WithMany().HasForeignKey(s => s.CorrectsId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => new { s.ClaimId, s.EffectiveOn });
        // Readers' "latest status changes" and feeds walk published entries newest first.
        builder.HasIndex(s => s.PublishedAtUtc);
        builder.HasMany(s => s.Sources).WithOne().HasForeignKey(s => s.StatusChangeId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(s => s.Sources).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Ignore(s => s.IsCorrection);
    }
}

internal sealed class StatusChangeSourceConfiguration : IEntityTypeConfiguration<StatusChangeSource>
{
    public void Configure(EntityTypeBuilder<StatusChangeSource> builder)
    {
        builder.ToTable("StatusChangeSources");
        builder.HasKey(s => new { s.StatusChangeId, s.SourceId });
        builder.HasOne<Source>().WithMany().HasForeignKey(s => s.SourceId).OnDelete(DeleteBehavior.Restrict);
    }
}

/// <summary>Members of <see cref="Domain.Workflow.ClaimReview"/> the model maps without the domain showing them.</summary>
internal static class ClaimReviewColumns
{
    /// <summary>The pending authors as stored (one address per line), read as <see cref="Domain.Workflow.ClaimReview.Authors"/>.</summary>
    public const string PendingAuthors = "PendingAuthors";
}
