using ClaimTracker.Domain.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ClaimTracker.Infrastructure.Data.Configurations;

internal sealed class PublishedClaimTopicConfiguration : IEntityTypeConfiguration<PublishedClaimTopic>
{
    public void Configure(EntityTypeBuilder<PublishedClaimTopic> builder)
    {
        builder.ToTable("PublishedClaimTopics");
        builder.HasKey(p => new { p.ClaimId, p.TopicId });
        builder.HasOne<Claim>().WithMany().HasForeignKey(p => p.ClaimId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(p => p.Topic).WithMany().HasForeignKey(p => p.TopicId).OnDelete(DeleteBehavior.Restrict);
        // A topic's page reads its claims newest status first as one range of this index (the claim's row for the 26 shown).
        builder.HasIndex(p => new { p.TopicId, p.StatusSince, p.ClaimId });
    }
}

internal sealed class PublishedClaimActorConfiguration : IEntityTypeConfiguration<PublishedClaimActor>
{
    public void Configure(EntityTypeBuilder<PublishedClaimActor> builder)
    {
        builder.ToTable("PublishedClaimActors");
        builder.HasKey(p => new { p.ClaimId, p.ActorId });
        builder.HasOne<Claim>().WithMany().HasForeignKey(p => p.ClaimId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(p => p.Actor).WithMany().HasForeignKey(p => p.ActorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => new { p.ActorId, p.StatusSince, p.ClaimId });
    }
}
