using Microsoft.Data.Sqlite;

namespace Ballast.Ledger.Sqlite;

/// <summary>The writer connection's prepared statements, created once and reused by every batch.</summary>
internal sealed class SqliteWriteCommands : IDisposable
{
    public SqliteWriteCommands(SqliteConnection connection)
    {
        DataVersion = Create(connection, "PRAGMA data_version", 0);
        SelectHead = new SqliteStatement(connection, "SELECT head_seq, head_checksum, writer_epoch FROM streams WHERE stream_id = ?1");
        SelectCommand = new SqliteStatement(connection, "SELECT first_seq, last_seq FROM commands WHERE stream_id = ?1 AND idempotency_key = ?2");
        InsertRecord = new SqliteStatement(connection,
            "INSERT INTO records (stream_id, seq, event_type, event_version, payload, ts, idempotency_key, writer_epoch, checksum) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
        InsertCommand = new SqliteStatement(connection, "INSERT INTO commands (stream_id, idempotency_key, first_seq, last_seq) VALUES (?1, ?2, ?3, ?4)");
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
    public SqliteStatement SelectHead { get; }
    public SqliteStatement SelectCommand { get; }
    /// <summary>One record row per step: the per-row cost is binding 9 values by position, one step and a reset.</summary>
    public SqliteStatement InsertRecord { get; }
    public SqliteStatement InsertCommand { get; }
    public SqliteCommand UpsertHead { get; }
    public SqliteCommand InsertSnapshot { get; }
    public SqliteCommand TruncateRecords { get; }
    public SqliteCommand TruncateCommands { get; }
    public SqliteCommand TruncateSnapshots { get; }

    private IEnumerable<SqliteCommand> Commands => [DataVersion, UpsertHead, InsertSnapshot, TruncateRecords, TruncateCommands, TruncateSnapshots];

    /// <summary>Attaches every ADO.NET command to the batch's transaction (the raw statements run in it anyway).</summary>
    public void Enlist(SqliteTransaction? transaction)
    {
        foreach (var c in Commands) c.Transaction = transaction;
    }

    public void Dispose()
    {
        foreach (var c in Commands) c.Dispose();
        SelectHead.Dispose();
        SelectCommand.Dispose();
        InsertRecord.Dispose();
        InsertCommand.Dispose();
    }

    private static SqliteCommand Create(SqliteConnection connection, string sql, int parameters)
    {
        var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        for (int i = 1; i <= parameters; i++) cmd.Parameters.Add(new SqliteParameter("$" + i, null));
        return cmd;
    }
}
