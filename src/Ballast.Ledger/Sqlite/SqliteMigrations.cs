using Ballast.Ledger.Storage;

namespace Ballast.Ledger.Sqlite;

/// <summary>The SQLite schema, as numbered migrations (append new ones; never edit an applied one).</summary>
public static class SqliteMigrations
{
    /// <summary>All migrations in order.</summary>
    public static IReadOnlyList<Migration> All { get; } =
    [
        new(1, "records, stream heads and applied commands", """
            CREATE TABLE records (
                stream_id TEXT NOT NULL,
                seq INTEGER NOT NULL,
                event_type TEXT NOT NULL,
                event_version INTEGER NOT NULL,
                payload BLOB NOT NULL,
                ts INTEGER NOT NULL,
                idempotency_key TEXT NOT NULL,
                writer_epoch INTEGER NOT NULL,
                checksum BLOB NOT NULL,
                PRIMARY KEY (stream_id, seq)
            ) WITHOUT ROWID;
            CREATE TABLE streams (
                stream_id TEXT NOT NULL PRIMARY KEY,
                head_seq INTEGER NOT NULL,
                head_checksum BLOB NOT NULL,
                writer_epoch INTEGER NOT NULL
            ) WITHOUT ROWID;
            CREATE TABLE commands (
                stream_id TEXT NOT NULL,
                idempotency_key TEXT NOT NULL,
                first_seq INTEGER NOT NULL,
                last_seq INTEGER NOT NULL,
                PRIMARY KEY (stream_id, idempotency_key)
            ) WITHOUT ROWID;
            """),
        new(2, "state snapshots", """
            CREATE TABLE snapshots (
                stream_id TEXT NOT NULL,
                seq INTEGER NOT NULL,
                state_hash BLOB NOT NULL,
                state BLOB NOT NULL,
                checksum BLOB NOT NULL,
                PRIMARY KEY (stream_id, seq)
            );
            """),
    ];
}
