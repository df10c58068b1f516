using Microsoft.Data.Sqlite;

namespace SalesCoach.Live.Storage.Sqlite;

/// <summary>
/// The writer loop's own connection and its prepared statements, reused for every row of every transaction
/// (re-preparing per row would cost more than the insert itself).
/// </summary>
internal sealed class SqliteWriterSession : IDisposable
{
    private SqliteWriterSession(SqliteConnection connection)
    {
        Connection = connection;

        Insert = connection.CreateCommand();
        Insert.CommandText = SqliteSchema.Insert;
        Id = Insert.Parameters.Add("$id", SqliteType.Text);
        RepId = Insert.Parameters.Add("$rep_id", SqliteType.Text);
        RepSeq = Insert.Parameters.Add("$rep_seq", SqliteType.Integer);
        Type = Insert.Parameters.Add("$type", SqliteType.Text);
        OccurredAtUs = Insert.Parameters.Add("$occurred_at_us", SqliteType.Integer);
        OccurredOffsetMin = Insert.Parameters.Add("$occurred_offset_min", SqliteType.Integer);
        Quantity = Insert.Parameters.Add("$quantity", SqliteType.Integer);
        Value = Insert.Parameters.Add("$value", SqliteType.Text);
        Source = Insert.Parameters.Add("$source", SqliteType.Text);
        ReceivedAtUs = Insert.Parameters.Add("$received_at_us", SqliteType.Integer);

        MaxRepSeq = connection.CreateCommand();
        MaxRepSeq.CommandText = SqliteSchema.MaxRepSeq;
        MaxRepSeqRepId = MaxRepSeq.Parameters.Add("$rep_id", SqliteType.Text);
    }

    public SqliteConnection Connection { get; }

    public SqliteCommand Insert { get; }

    public SqliteParameter Id { get; }

    public SqliteParameter RepId { get; }

    public SqliteParameter RepSeq { get; }

    public SqliteParameter Type { get; }

    public SqliteParameter OccurredAtUs { get; }

    public SqliteParameter OccurredOffsetMin { get; }

    public SqliteParameter Quantity { get; }

    public SqliteParameter Value { get; }

    public SqliteParameter Source { get; }

    public SqliteParameter ReceivedAtUs { get; }

    public SqliteCommand MaxRepSeq { get; }

    public SqliteParameter MaxRepSeqRepId { get; }

    public static SqliteWriterSession Open(string connectionString)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            connection.Open();
            // FULL makes every commit fsync the WAL: an append whose task completed survives a crash of the
            // process (and of the machine) right after. The setting is per connection, and only this one writes.
            SqliteActivityLog.Execute(connection, "PRAGMA synchronous = FULL;");
            // Client ids are often random (UUIDs), so each insert dirties a different page of the id index. A larger
            // cache keeps those pages in memory, and a larger WAL lets a checkpoint write each hot page once for many
            // commits instead of once every few commits: together they raised durable ingest by about half on the
            // 2-core test machine. The WAL is cut back to 64 MB after a checkpoint.
            SqliteActivityLog.Execute(connection, """
                PRAGMA cache_size = -65536;
                PRAGMA wal_autocheckpoint = 16000;
                PRAGMA journal_size_limit = 67108864;
                """);
            var session = new SqliteWriterSession(connection);
            session.Insert.Prepare();
            session.MaxRepSeq.Prepare();
            return session;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>Points the prepared commands at the transaction now open on <see cref="Connection"/>.</summary>
    public void Enlist(SqliteTransaction transaction)
    {
        Insert.Transaction = transaction;
        MaxRepSeq.Transaction = transaction;
    }

    public void Dispose()
    {
        Insert.Dispose();
        MaxRepSeq.Dispose();
        Connection.Dispose();
    }
}
