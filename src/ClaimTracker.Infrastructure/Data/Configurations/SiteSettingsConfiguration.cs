using ClaimTracker.Domain.Accounts;
using ClaimTracker.Domain.Site;
using ClaimTracker.Domain.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ClaimTracker.Infrastructure.Data.Configurations;

internal sealed class SiteSettingsConfiguration : IEntityTypeConfiguration<SiteSettings>
{
    public void Configure(EntityTypeBuilder<SiteSettings> builder)
    {
        builder.ToTable("SiteSettings");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.PublisherName).HasMaxLength(SiteSettings.NameMaxLength).IsRequired();
        builder.Property(s => s.PublisherUrl).HasMaxLength(SourceUrl.MaxLength);
        builder.Property(s => s.ContactEmail).HasMaxLength(EmailAddress.MaxLength).IsRequired();
        builder.Property(s => s.AboutHtml).HasConversion(SanitisedHtmlConverter.Instance).HasMaxLength(SiteSettings.TextMaxLength).IsRequired();
        builder.Property(s => s.MethodologyHtml).HasConversion(SanitisedHtmlConverter.Instance).HasMaxLength(SiteSettings.TextMaxLength).IsRequired();
        builder.Property(s => s.CorrectionsPolicyHtml).HasConversion(SanitisedHtmlConverter.Instance).HasMaxLength(SiteSettings.TextMaxLength).IsRequired();
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.Property(s => s.SecondFactorRoles).HasMaxLength(200).IsRequired().HasDefaultValue(string.Empty);
        builder.Ignore(s => s.SecondFactors);
        builder.Property(s => s.ReviewIntervalDays).HasDefaultValue(Domain.Site.SiteDefaults.ReviewIntervalDays);
        builder.Property(s => s.ReadersMayOpenCopies).HasDefaultValue(false);
    }
}
