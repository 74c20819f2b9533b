using ClaimTracker.Domain.Accounts;
using ClaimTracker.Domain.Claims;
using ClaimTracker.Domain.Workflow;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ClaimTracker.Infrastructure.Data.Configurations;

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.ToTable("Notifications");
        builder.HasKey(n => n.Id);
        builder.Property(n => n.Recipient).HasMaxLength(EmailAddress.MaxLength).IsRequired();
        builder.Property(n => n.Kind).HasConversion<string>().HasMaxLength(24);
        builder.Property(n => n.Text).HasMaxLength(Notification.TextMaxLength).IsRequired();
        builder.Property(n => n.Mail).HasConversion<string>().HasMaxLength(12);
        builder.HasOne<Claim>().WithMany().HasForeignKey(n => n.ClaimId).OnDelete(DeleteBehavior.Cascade);
        // The menu's unread count and the inbox, newest first, per person.
        builder.HasIndex(n => new { n.Recipient, n.ReadAtUtc });
        builder.HasIndex(n => new { n.Recipient, n.Id });
        // The mail sender looks for what waits to be sent.
        builder.HasIndex(n => n.Mail);
    }
}
