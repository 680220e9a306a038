using Microsoft.Data.Sqlite;

namespace Ballast.Ledger.Sqlite;

/// <summary>The writer connection's prepared statements, created once and reused by every batch.</summary>
internal sealed class SqliteWriteCommands : IDisposable
{
    /// <summary>Rows per multi-row INSERT: a batch's records and commands go in chunks of this many (one statement
    /// step instead of 64; 64 × 9 parameters stays far below SQLite's variable limit).</summary>
    public const int ChunkRows = 64;

    private const string RecordColumns = "INSERT INTO records (stream_id, seq, event_type, event_version, payload, ts, idempotency_key, writer_epoch, checksum) VALUES ";
    private const string CommandColumns = "INSERT INTO commands (stream_id, idempotency_key, first_seq, last_seq) VALUES ";

    public SqliteWriteCommands(SqliteConnection connection)
    {
        DataVersion = Create(connection, "PRAGMA data_version", 0);
        SelectHead = Create(connection, "SELECT head_seq, head_checksum, writer_epoch FROM streams WHERE stream_id = $1", 1);
        SelectCommand = Create(connection, "SELECT first_seq, last_seq FROM commands WHERE stream_id = $1 AND idempotency_key = $2", 2);
        InsertRecord = Create(connection, RecordColumns + Rows(1, 9), 9);
        InsertRecords = Create(connection, RecordColumns + Rows(ChunkRows, 9), ChunkRows * 9);
        InsertCommand = Create(connection, CommandColumns + Rows(1, 4), 4);
        InsertCommands = Create(connection, CommandColumns + Rows(ChunkRows, 4), ChunkRows * 4);
        UpsertHead = Create(connection, """
            INSERT INTO streams (stream_id, head_seq, head_checksum, writer_epoch) VALUES ($1, $2, $3, $4)
            ON CONFLICT (stream_id) DO UPDATE SET head_seq = excluded.head_seq, head_checksum = excluded.head_checksum, writer_epoch = excluded.writer_epoch
            """, 4);
        InsertSnapshot = Create(connection, "INSERT OR REPLACE INTO snapshots (stream_id, seq, state_hash, state, checksum) VALUES ($1, $2, $3, $4, $5)", 5);
        TruncateRecords = Create(connection, "DELETE FROM records WHERE stream_id = $1 AND seq >= $2", 2);
        TruncateCommands = Create(connection, "DELETE FROM commands WHERE stream_id = $1 AND last_seq >= $2", 2);
        TruncateSnapshots = Create(connection, "DELETE FROM snapshots WHERE stream_id = $1 AND seq >= $2", 2);
    }

    public SqliteCommand DataVersion { get; }
    public SqliteCommand SelectHead { get; }
    public SqliteCommand SelectCommand { get; }
    public SqliteCommand InsertRecord { get; }
    public SqliteCommand InsertRecords { get; }
    public SqliteCommand InsertCommand { get; }
    public SqliteCommand InsertCommands { get; }
    public SqliteCommand UpsertHead { get; }
    public SqliteCommand InsertSnapshot { get; }
    public SqliteCommand TruncateRecords { get; }
    public SqliteCommand TruncateCommands { get; }
    public SqliteCommand TruncateSnapshots { get; }

    private IEnumerable<SqliteCommand> All =>
        [DataVersion, SelectHead, SelectCommand, InsertRecord, InsertRecords, InsertCommand, InsertCommands, UpsertHead, InsertSnapshot, TruncateRecords, TruncateCommands, TruncateSnapshots];

    /// <summary>Attaches every statement to the batch's transaction.</summary>
    public void Enlist(SqliteTransaction? transaction)
    {
        foreach (var c in All) c.Transaction = transaction;
    }

    public void Dispose()
    {
        foreach (var c in All) c.Dispose();
    }

    /// <summary><c>($1, …, $k), ($k+1, …)</c> for <paramref name="rows"/> rows of <paramref name="columns"/> parameters.</summary>
    private static string Rows(int rows, int columns) =>
        string.Join(", ", Enumerable.Range(0, rows).Select(r => "(" + string.Join(", ", Enumerable.Range(r * columns + 1, columns).Select(i => "$" + i)) + ")"));

    private static SqliteCommand Create(SqliteConnection connection, string sql, int parameters)
    {
        var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        for (int i = 1; i <= parameters; i++) cmd.Parameters.Add(new SqliteParameter("$" + i, null));
        return cmd;
    }
}
