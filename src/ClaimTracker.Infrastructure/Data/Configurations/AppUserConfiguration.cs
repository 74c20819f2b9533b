using ClaimTracker.Infrastructure.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ClaimTracker.Infrastructure.Data.Configurations;

internal sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> builder)
    {
        builder.Property(u => u.IsDisabled).HasDefaultValue(false);
        builder.Property(u => u.CreatedAtUtc);
        builder.Property(u => u.BylineName).HasMaxLength(AppUser.BylineNameMaxLength);
    }
}

/// <summary>
/// Staff passkeys, as Identity's schema version 3 stores them (the rest of the Identity tables stay at version 1, which this
/// database was made with): one row per credential, the authenticator's data as JSON.
/// </summary>
internal sealed class UserPasskeyConfiguration : IEntityTypeConfiguration<Microsoft.AspNetCore.Identity.IdentityUserPasskey<string>>
{
    /// <summary>WebAuthn credential ids are at most 1,023 bytes.</summary>
    public const int CredentialIdMaxLength = 1024;

    public void Configure(EntityTypeBuilder<Microsoft.AspNetCore.Identity.IdentityUserPasskey<string>> builder)
    {
        builder.ToTable("AspNetUserPasskeys");
        builder.HasKey(p => p.CredentialId);
        builder.Property(p => p.CredentialId).HasMaxLength(CredentialIdMaxLength);
        builder.OwnsOne(p => p.Data).ToJson();
        builder.HasOne<AppUser>().WithMany().HasForeignKey(p => p.UserId).IsRequired();
    }
}

/// <summary>The data-protection keys table as it was made (FriendlyName up to 256, the XML required).</summary>
internal sealed class DataProtectionKeyConfiguration
    : IEntityTypeConfiguration<Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey>
{
    public void Configure(EntityTypeBuilder<Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey> builder)
    {
        builder.ToTable("DataProtectionKeys");
        builder.Property(k => k.FriendlyName).HasMaxLength(256);
        builder.Property(k => k.Xml).IsRequired();
    }
}
