using System.Xml.Linq;
using ClaimTracker.Infrastructure.Data;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ClaimTracker.Infrastructure.Accounts;

/// <summary>One data-protection key as ASP.NET Core writes it (XML), kept in the database.</summary>
public sealed class StoredKey
{
    public int Id { get; set; }

    public string? FriendlyName { get; set; }

    public string Xml { get; set; } = "";
}

internal sealed class StoredKeyConfiguration : IEntityTypeConfiguration<StoredKey>
{
    public void Configure(EntityTypeBuilder<StoredKey> builder)
    {
        builder.ToTable("DataProtectionKeys");
        builder.Property(k => k.FriendlyName).HasMaxLength(256);
    }
}

/// <summary>
/// The keys that sign login cookies and antiforgery tokens, kept in the shared database so every app
/// instance reads the same key ring: a cookie issued by one instance is accepted by all. Used on
/// PostgreSQL, where several instances share one database (a SQLite install keeps its keys in files
/// beside its database). ASP.NET Core's own EF store is not available here, so this is the small piece.
/// </summary>
public sealed class DatabaseKeyRepository(IDbContextFactory<AppDbContext> contexts) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var db = contexts.CreateDbContext();
        return db.Set<StoredKey>().AsNoTracking().OrderBy(k => k.Id).Select(k => k.Xml).ToList()
            .Select(xml => XElement.Parse(xml)).ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var db = contexts.CreateDbContext();
        db.Set<StoredKey>().Add(new StoredKey { FriendlyName = friendlyName, Xml = element.ToString(SaveOptions.DisableFormatting) });
        db.SaveChanges();
    }
}
