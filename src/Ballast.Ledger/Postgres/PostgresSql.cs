namespace Ballast.Ledger.Postgres;

/// <summary>The statements of the PostgreSQL ledger for one schema.</summary>
internal sealed class PostgresSql(string schema)
{
    public string Schema { get; } = schema;

    public string ReadRecords { get; } = $"""
        SELECT seq, event_type, event_version, payload, ts, idempotency_key, writer_epoch, checksum
        FROM {schema}.records WHERE stream_id = $1 AND seq >= $2 ORDER BY seq
        """;

    public string EnsureStreams { get; } =
        $"INSERT INTO {schema}.streams (stream_id, head_seq, head_checksum, writer_epoch) SELECT unnest($1::text[]), 0, $2, 0 ON CONFLICT DO NOTHING";

    public string LockHeads { get; } =
        $"SELECT stream_id, head_seq, head_checksum, writer_epoch FROM {schema}.streams WHERE stream_id = ANY($1) ORDER BY stream_id FOR UPDATE";

    public string FindCommands { get; } = $"""
        SELECT c.stream_id, c.idempotency_key, c.first_seq, c.last_seq
        FROM {schema}.commands c JOIN unnest($1::text[], $2::text[]) AS u(s, k) ON c.stream_id = u.s AND c.idempotency_key = u.k
        """;

    public string InsertRecords { get; } = $"""
        INSERT INTO {schema}.records (stream_id, seq, event_type, event_version, payload, ts, idempotency_key, writer_epoch, checksum)
        SELECT * FROM unnest($1::text[], $2::bigint[], $3::text[], $4::integer[], $5::bytea[], $6::bigint[], $7::text[], $8::bigint[], $9::bytea[])
        """;

    public string InsertCommands { get; } = $"""
        INSERT INTO {schema}.commands (stream_id, idempotency_key, first_seq, last_seq)
        SELECT * FROM unnest($1::text[], $2::text[], $3::bigint[], $4::bigint[])
        """;

    public string UpdateHeads { get; } = $"""
        INSERT INTO {schema}.streams (stream_id, head_seq, head_checksum, writer_epoch)
        SELECT * FROM unnest($1::text[], $2::bigint[], $3::bytea[], $4::bigint[])
        ON CONFLICT (stream_id) DO UPDATE SET head_seq = excluded.head_seq, head_checksum = excluded.head_checksum, writer_epoch = excluded.writer_epoch
        """;

    public string InsertSnapshot { get; } = $"""
        INSERT INTO {schema}.snapshots (stream_id, seq, state_hash, state, checksum) VALUES ($1, $2, $3, $4, $5)
        ON CONFLICT (stream_id, seq) DO UPDATE SET state_hash = excluded.state_hash, state = excluded.state, checksum = excluded.checksum
        """;

    public string TruncateRecords { get; } = $"DELETE FROM {schema}.records WHERE stream_id = $1 AND seq >= $2";
    public string TruncateCommands { get; } = $"DELETE FROM {schema}.commands WHERE stream_id = $1 AND last_seq >= $2";
    public string TruncateSnapshots { get; } = $"DELETE FROM {schema}.snapshots WHERE stream_id = $1 AND seq >= $2";
}
