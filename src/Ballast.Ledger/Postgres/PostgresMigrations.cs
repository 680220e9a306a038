using Ballast.Ledger.Storage;

namespace Ballast.Ledger.Postgres;

/// <summary>
/// The PostgreSQL schema, as numbered migrations (append new ones; never edit an applied one). <c>{schema}</c>
/// is replaced by <see cref="PostgresStoreOptions.Schema"/>.
/// </summary>
public static class PostgresMigrations
{
    /// <summary>All migrations in order.</summary>
    public static IReadOnlyList<Migration> All { get; } =
    [
        new(1, "records, stream heads and applied commands", """
            CREATE TABLE {schema}.records (
                stream_id text NOT NULL,
                seq bigint NOT NULL,
                event_type text NOT NULL,
                event_version integer NOT NULL,
                payload bytea NOT NULL,
                ts bigint NOT NULL,
                idempotency_key text NOT NULL,
                writer_epoch bigint NOT NULL,
                checksum bytea NOT NULL,
                PRIMARY KEY (stream_id, seq)
            );
            CREATE TABLE {schema}.streams (
                stream_id text PRIMARY KEY,
                head_seq bigint NOT NULL,
                head_checksum bytea NOT NULL,
                writer_epoch bigint NOT NULL
            );
            CREATE TABLE {schema}.commands (
                stream_id text NOT NULL,
                idempotency_key text NOT NULL,
                first_seq bigint NOT NULL,
                last_seq bigint NOT NULL,
                PRIMARY KEY (stream_id, idempotency_key)
            );
            """),
        new(2, "state snapshots", """
            CREATE TABLE {schema}.snapshots (
                stream_id text NOT NULL,
                seq bigint NOT NULL,
                state_hash bytea NOT NULL,
                state bytea NOT NULL,
                checksum bytea NOT NULL,
                PRIMARY KEY (stream_id, seq)
            );
            """),
    ];
}
