using System.Diagnostics.Metrics;

namespace ClaimTracker.Infrastructure.Data;

/// <summary>
/// The meter <c>ClaimTracker.Sqlite</c>: how the app uses its SQLite file (write-lock queue, kept statements), each
/// measurement tagged with the file (<c>db.namespace</c>), e.g. <c>dotnet-counters monitor --counters ClaimTracker.Sqlite</c>.
/// </summary>
internal static class SqliteMeter
{
    public static readonly Meter Instance = new("ClaimTracker.Sqlite");
}
