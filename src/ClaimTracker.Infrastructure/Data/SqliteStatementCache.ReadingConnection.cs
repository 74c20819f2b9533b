using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace ClaimTracker.Infrastructure.Data;

public sealed partial class SqliteStatementCache
{
    /// <summary>
    /// An open connection of a context of its own (EF registered its functions on it and the interceptors set its
    /// pragmas) with the statements compiled on it, most recently used first.
    /// </summary>
    private sealed class ReadingConnection : IDisposable
    {
        private readonly AppDbContext owner;
        private readonly SqliteConnection connection;
        private readonly Dictionary<string, LinkedListNode<Statement>> bySql = new(StringComparer.Ordinal);
        private readonly LinkedList<Statement> recent = new();

        private ReadingConnection(AppDbContext owner)
        {
            this.owner = owner;
            connection = (SqliteConnection)owner.Database.GetDbConnection();
        }

        public static ReadingConnection Open(AppDbContext owner)
        {
            try
            {
                owner.Database.OpenConnection();
                return new ReadingConnection(owner);
            }
            catch
            {
                owner.Dispose();
                throw;
            }
        }

        /// <summary>
        /// The statement for this SQL, compiled now or before; null when it is being read already (a query
        /// enumerated inside another of the same SQL) or every kept statement is being read.
        /// </summary>
        public Statement? Find(string sql, out bool compiled)
        {
            compiled = false;
            if (bySql.TryGetValue(sql, out var node))
            {
                if (node.Value.IsReading)
                {
                    return null;
                }
                recent.Remove(node);
                recent.AddFirst(node);
                return node.Value;
            }
            if (bySql.Count >= StatementsPerConnection && !Evict())
            {
                return null;
            }
            var command = connection.CreateCommand();
            try
            {
                command.CommandText = sql;
                command.Prepare();
            }
            catch
            {
                command.Dispose();
                throw;
            }
            compiled = true;
            var added = recent.AddFirst(new Statement(command));
            bySql.Add(sql, added);
            return added.Value;
        }

        /// <summary>Finalises the least recently used statement that is not being read.</summary>
        private bool Evict()
        {
            for (var node = recent.Last; node is not null; node = node.Previous)
            {
                if (!node.Value.IsReading)
                {
                    Remove(node);
                    return true;
                }
            }
            return false;
        }

        private void Remove(LinkedListNode<Statement> node)
        {
            recent.Remove(node);
            bySql.Remove(node.Value.Command.CommandText);
            node.Value.Command.Dispose();
        }

        public void CloseReaders()
        {
            foreach (var statement in recent)
            {
                statement.CloseReader();
            }
        }

        public void Dispose()
        {
            foreach (var statement in recent)
            {
                statement.Command.Dispose();
            }
            recent.Clear();
            bySql.Clear();
            owner.Dispose();
        }
    }
}
