using ClaimTracker.Domain.Accounts;
using ClaimTracker.Domain.Claims;
using ClaimTracker.Domain.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ClaimTracker.Infrastructure.Data.Configurations;

internal sealed class ActorConfiguration : IEntityTypeConfiguration<Actor>
{
    public void Configure(EntityTypeBuilder<Actor> builder)
    {
        builder.HasMany(a => a.Aliases).WithOne().HasForeignKey(a => a.ActorId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(a => a.Aliases).HasField("aliases").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.ToTable("Actors");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Name).HasMaxLength(Actor.NameMaxLength).IsRequired();
        builder.Property(a => a.Slug).HasMaxLength(Slug.MaxLength).IsRequired();
        builder.HasIndex(a => a.Slug).IsUnique();
        builder.Property(a => a.Kind).HasConversion<string>().HasMaxLength(24);
        builder.Property(a => a.Country).HasMaxLength(Actor.CountryMaxLength);
        builder.Property(a => a.Description).HasMaxLength(Actor.DescriptionMaxLength);
        builder.Property(a => a.WikidataId).HasMaxLength(Actor.WikidataMaxLength);
        builder.Property(a => a.ProvenanceLabel).HasMaxLength(Actor.ProvenanceMaxLength);
        builder.Property(a => a.PublishedName).HasMaxLength(Actor.NameMaxLength);
        builder.Property(a => a.PublishedDescription).HasMaxLength(Actor.DescriptionMaxLength);
        builder.Property(a => a.PublishedWikidataId).HasMaxLength(Actor.WikidataMaxLength);
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.HasIndex(a => a.Name);
    }
}

internal sealed class TopicConfiguration : IEntityTypeConfiguration<Topic>
{
    public void Configure(EntityTypeBuilder<Topic> builder)
    {
        builder.ToTable("Topics");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Name).HasMaxLength(Topic.NameMaxLength).IsRequired();
        builder.Property(t => t.Slug).HasMaxLength(Slug.MaxLength).IsRequired();
        builder.HasIndex(t => t.Slug).IsUnique();
    }
}

internal sealed class SourceConfiguration : IEntityTypeConfiguration<Source>
{
    public void Configure(EntityTypeBuilder<Source> builder)
    {
        builder.ToTable("Sources");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Url).HasMaxLength(SourceUrl.MaxLength);
        builder.HasIndex(s => s.Url).IsUnique();
        builder.Property(s => s.Title).HasMaxLength(Source.TitleMaxLength).IsRequired();
        builder.Property(s => s.Author).HasMaxLength(Source.AuthorMaxLength);
        builder.Property(s => s.Language).HasMaxLength(LanguageTag.MaxLength).IsRequired();
        builder.Property(s => s.ArchiveUrl).HasMaxLength(SourceUrl.MaxLength);
        builder.Property(s => s.Excerpt).HasMaxLength(Source.ExcerptMaxLength);
        builder.Property(s => s.ExcerptSha256).HasMaxLength(64);
        builder.Property(s => s.CreatedBy).HasMaxLength(EmailAddress.MaxLength).IsRequired();
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.HasOne(s => s.Outlet).WithMany().HasForeignKey(s => s.OutletId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(s => s.LinkState).HasConversion<string>().HasMaxLength(16).HasDefaultValue(Domain.Evidence.LinkState.Unchecked);
        builder.Property(s => s.LinkNote).HasMaxLength(300);
        builder.HasIndex(s => s.LinkCheckedAtUtc);
    }
}

internal sealed class StatusDefinitionConfiguration : IEntityTypeConfiguration<StatusDefinition>
{
    public void Configure(EntityTypeBuilder<StatusDefinition> builder)
    {
        builder.ToTable("StatusDefinitions");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Key).HasMaxLength(Slug.MaxLength).IsRequired();
        builder.HasIndex(s => s.Key).IsUnique();
        builder.Property(s => s.NameEn).HasMaxLength(StatusDefinition.NameMaxLength).IsRequired();
        builder.Property(s => s.NameDe).HasMaxLength(StatusDefinition.NameMaxLength).IsRequired();
        builder.Property(s => s.DescriptionEn).HasMaxLength(StatusDefinition.DescriptionMaxLength).IsRequired();
        builder.Property(s => s.DescriptionDe).HasMaxLength(StatusDefinition.DescriptionMaxLength).IsRequired();
        builder.Property(s => s.Colour).HasMaxLength(7).IsRequired();
        builder.Property(s => s.IsFinal).HasDefaultValue(false);
        builder.Property(s => s.Version).IsConcurrencyToken();
    }
}

internal sealed class ActorAliasConfiguration : IEntityTypeConfiguration<ActorAlias>
{
    public void Configure(EntityTypeBuilder<ActorAlias> builder)
    {
        builder.ToTable("ActorAliases");
        builder.Property(a => a.Name).HasMaxLength(Actor.NameMaxLength).IsRequired();
        builder.Property(a => a.Key).HasMaxLength(Actor.NameMaxLength * 2).IsRequired();
        // Two actors never answer to the same name: a race between two editors ends at this index.
        builder.HasIndex(a => a.Key).IsUnique();
    }
}
