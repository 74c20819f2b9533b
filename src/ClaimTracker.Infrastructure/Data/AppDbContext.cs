using ClaimTracker.Domain.Auditing;
using ClaimTracker.Domain.Claims;
using ClaimTracker.Infrastructure.Accounts;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace ClaimTracker.Infrastructure.Data;

public sealed class AppDbContext(DbContextOptions<AppDbContext> options) : IdentityDbContext<AppUser>(options),
    Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.IDataProtectionKeyContext
{
    /// <summary>
    /// The request's change tracker: records who changed what in every save of claim data. Set for each
    /// request when the context is taken from the pool; absent for contexts built by hand (schema checks).
    /// </summary>
    internal ChangeTracking? Changes { get; set; }

    /// <summary>Back to the pool: the next request brings its own change tracker.</summary>
    public override void Dispose()
    {
        Changes = null;
        base.Dispose();
    }

    public override ValueTask DisposeAsync()
    {
        Changes = null;
        return base.DisposeAsync();
    }

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<Claim> Claims => Set<Claim>();

    public DbSet<Actor> Actors => Set<Actor>();

    public DbSet<Source> Sources => Set<Source>();

    public DbSet<Topic> Topics => Set<Topic>();

    public DbSet<StatusDefinition> Statuses => Set<StatusDefinition>();

    public DbSet<Statement> Statements => Set<Statement>();

    public DbSet<StatusChange> StatusChanges => Set<StatusChange>();

    public DbSet<ClaimSource> ClaimSources => Set<ClaimSource>();

    public DbSet<SlugRedirect> SlugRedirects => Set<SlugRedirect>();

    public DbSet<PublishedClaimTopic> PublishedClaimTopics => Set<PublishedClaimTopic>();

    public DbSet<PublishedClaimActor> PublishedClaimActors => Set<PublishedClaimActor>();

    public DbSet<ChangeRecord> ChangeRecords => Set<ChangeRecord>();

    public DbSet<Domain.Site.SiteSettings> SiteSettings => Set<Domain.Site.SiteSettings>();

    /// <summary>
    /// The keys that sign login cookies and antiforgery tokens, on PostgreSQL (ASP.NET Core's EF key store,
    /// <c>PersistKeysToDbContext</c>): every instance sharing the database reads the same key ring.
    /// </summary>
    public DbSet<Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey> DataProtectionKeys =>
        Set<Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey>();

    public DbSet<Domain.Feedback.ReaderReport> ReaderReports => Set<Domain.Feedback.ReaderReport>();

    public DbSet<Domain.Workflow.ClaimComment> ClaimComments => Set<Domain.Workflow.ClaimComment>();

    public DbSet<Domain.Workflow.ClaimVersion> ClaimVersions => Set<Domain.Workflow.ClaimVersion>();

    public DbSet<Domain.Workflow.WorkflowEvent> WorkflowEvents => Set<Domain.Workflow.WorkflowEvent>();

    public DbSet<Domain.Workflow.Notification> Notifications => Set<Domain.Workflow.Notification>();

    public DbSet<Domain.Evidence.StoredBlob> StoredBlobs => Set<Domain.Evidence.StoredBlob>();

    public DbSet<Domain.Evidence.SourceCapture> SourceCaptures => Set<Domain.Evidence.SourceCapture>();

    public DbSet<Domain.Evidence.EvidenceFile> EvidenceFiles => Set<Domain.Evidence.EvidenceFile>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
    }
}
