using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace ClaimTracker.Infrastructure.Data;

/// <summary>
/// A save refused because another save got there first: the row's concurrency token changed, or a unique key (a slug, a
/// topic, an approved version's number, a submission) was taken in between. Such a save is tried again on what the other
/// one left, so editors who save at the same moment both get their change, or a message about it, never an error page.
/// Every other failure (a full disk, a read-only database) is not a race and is not hidden.
/// </summary>
public static class LostRace
{
    /// <summary>How often one change is tried: eight editors saving one claim at once need at most eight.</summary>
    public const int Attempts = 10;

    public static bool Is(DbUpdateException exception) => exception is DbUpdateConcurrencyException || IsUniqueViolation(exception);

    public static bool IsUniqueViolation(Exception exception) => exception.GetBaseException() switch
    {
        // SQLITE_CONSTRAINT_UNIQUE and SQLITE_CONSTRAINT_PRIMARYKEY.
        SqliteException { SqliteErrorCode: 19, SqliteExtendedErrorCode: 2067 or 1555 } => true,
        Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation } => true,
        _ => false,
    };

    /// <summary>
    /// Runs <paramref name="attempt"/> until it saves without losing a race, at most <see cref="Attempts"/> times; the tracked
    /// entities are dropped before each new try, so it reads what the other save left. After the last lost race the
    /// answer is <paramref name="gaveUp"/>.
    /// </summary>
    public static async Task<T> RetryAsync<T>(DbContext db, Func<Task<T>> attempt, Func<T> gaveUp)
    {
        for (var tries = 1; ; tries++)
        {
            try
            {
                return await attempt();
            }
            catch (DbUpdateException race) when (Is(race))
            {
                db.ChangeTracker.Clear();
                if (tries == Attempts)
                {
                    return gaveUp();
                }
            }
        }
    }

    /// <summary>
    /// Instances sharing a PostgreSQL database set it up at the same moment: the one that loses meets a unique violation, a table,
    /// object or database that exists already — the work is done, and trying again finds it so.
    /// </summary>
    public static bool IsSetupRace(Exception exception) =>
        exception.GetBaseException() is Npgsql.PostgresException
        {
            SqlState: Npgsql.PostgresErrorCodes.UniqueViolation or Npgsql.PostgresErrorCodes.DuplicateTable
                or Npgsql.PostgresErrorCodes.DuplicateObject or Npgsql.PostgresErrorCodes.DuplicateDatabase,
        };
}
