using ClaimTracker.Domain.Auditing;

namespace ClaimTracker.UnitTests.Auditing;

public sealed class AuditEntryTests
{
    [Fact]
    public void Constructor_LocalTime_IsRejected() =>
        Assert.Throws<ArgumentException>(() =>
            new AuditEntry(new DateTime(2024, 6, 19, 12, 0, 0, DateTimeKind.Local), "a@example.org",
                AuditAction.UserCreated, "b@example.org", ""));

    [Fact]
    public void Constructor_OverlongDetails_AreCutToTheColumnLength()
    {
        var entry = new AuditEntry(DateTime.UtcNow, "a@example.org", AuditAction.RolesChanged, "b@example.org",
            new string('x', AuditEntry.DetailsMaxLength + 50));
        Assert.Equal(AuditEntry.DetailsMaxLength, entry.Details.Length);
    }
}
