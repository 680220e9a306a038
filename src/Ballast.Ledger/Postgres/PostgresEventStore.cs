using System.Runtime.CompilerServices;
using Ballast.Ledger.Storage;
using Npgsql;

namespace Ballast.Ledger.Postgres;

/// <summary>
/// The production ledger on PostgreSQL (Npgsql). Durability is PostgreSQL's: a commit returns after its WAL
/// is flushed (<c>synchronous_commit=on</c>, the default). Each batch locks the heads of the streams it touches
/// (<c>SELECT … FOR UPDATE</c>), so several processes may share one database: the database, not a cache, decides
/// sequences and fencing. Rows go in with one <c>unnest</c> insert per table per batch.
/// </summary>
public sealed class PostgresEventStore : GroupCommitEventStore
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly PostgresSql _sql;

    private PostgresEventStore(EventStoreOptions options, NpgsqlDataSource dataSource, string schema) : base(options)
    {
        _dataSource = dataSource;
        _sql = new PostgresSql(schema);
    }

    /// <summary>
    /// Connects, creates the schema and applies pending migrations, recovers torn tails and starts the writer.
    /// Returns the fault instead of a store when the schema is newer than this build or the log is corrupt.
    /// </summary>
    public static Task<LedgerOpenResult> OpenAsync(
        PostgresStoreOptions postgres, EventStoreOptions? options = null, CancellationToken cancellationToken = default) =>
        OpenAsync(postgres, options, PostgresMigrations.All, cancellationToken);

    /// <summary>Opens with an explicit migration list (tests use a prefix of it to build an old database).</summary>
    internal static async Task<LedgerOpenResult> OpenAsync(
        PostgresStoreOptions postgres, EventStoreOptions? options, IReadOnlyList<Migration> migrations, CancellationToken cancellationToken)
    {
        if (!postgres.HasValidSchema) throw new ArgumentException($"invalid schema name '{postgres.Schema}'", nameof(postgres));
        options ??= new EventStoreOptions();
        var dataSource = NpgsqlDataSource.Create(postgres.ConnectionString);
        var fault = await MigrateAsync(dataSource, postgres.Schema, migrations, options.Clock, cancellationToken);
        if (fault is not null)
        {
            await dataSource.DisposeAsync();
            return new LedgerOpenResult(null, [], fault);
        }

        var store = new PostgresEventStore(options, dataSource, postgres.Schema);
        return await store.StartAsync(cancellationToken);
    }

    private static async Task<LedgerFault?> MigrateAsync(
        NpgsqlDataSource dataSource, string schema, IReadOnlyList<Migration> migrations, TimeProvider clock, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        // Serialise concurrent start-ups of the same database so each migration runs once.
        await Execute(connection, tx, "SELECT pg_advisory_xact_lock(4242001)", ct);
        await Execute(connection, tx, $"""
            CREATE SCHEMA IF NOT EXISTS {schema};
            CREATE TABLE IF NOT EXISTS {schema}.schema_version (version integer PRIMARY KEY, description text NOT NULL, applied_at_ticks bigint NOT NULL);
            """, ct);
        await using var select = new NpgsqlCommand($"SELECT COALESCE(MAX(version), 0) FROM {schema}.schema_version", connection, tx);
        long current = Convert.ToInt64(await select.ExecuteScalarAsync(ct));
        int known = migrations.Count == 0 ? 0 : migrations[^1].Version;
        if (current > known) return Migration.TooNew("PostgreSQL", current, known);
        foreach (var m in migrations)
        {
            if (m.Version <= current) continue;
            await Execute(connection, tx, m.Sql.Replace("{schema}", schema, StringComparison.Ordinal), ct);
            await using var insert = new NpgsqlCommand($"INSERT INTO {schema}.schema_version VALUES ($1, $2, $3)", connection, tx);
            insert.Parameters.Add(new NpgsqlParameter { Value = m.Version });
            insert.Parameters.Add(new NpgsqlParameter { Value = m.Description });
            insert.Parameters.Add(new NpgsqlParameter { Value = clock.GetUtcNow().UtcTicks });
            await insert.ExecuteNonQueryAsync(ct);
        }

        await tx.CommitAsync(ct);
        return null;
    }

    /// <summary>The schema version of the database.</summary>
    internal async Task<long> SchemaVersionAsync()
    {
        await using var cmd = _dataSource.CreateCommand($"SELECT COALESCE(MAX(version), 0) FROM {_sql.Schema}.schema_version");
        return Convert.ToInt64(await cmd.ExecuteScalarAsync());
    }

    /// <inheritdoc />
    public override async Task<IReadOnlyList<string>> ListStreamsAsync(CancellationToken cancellationToken = default)
    {
        await using var cmd = _dataSource.CreateCommand($"SELECT stream_id FROM {_sql.Schema}.streams ORDER BY stream_id COLLATE \"C\"");
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        var result = new List<string>();
        while (await reader.ReadAsync(cancellationToken)) result.Add(reader.GetString(0));
        return result;
    }

    private protected override async Task<IBatchTransaction> BeginBatchAsync()
    {
        var connection = await _dataSource.OpenConnectionAsync();
        try
        {
            var tx = await connection.BeginTransactionAsync();
            return new PostgresBatchTransaction(connection, tx, _sql);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private protected override async IAsyncEnumerable<LedgerRecord> ReadRowsAsync(
        string streamId, long fromSequence, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var cmd = _dataSource.CreateCommand(_sql.ReadRecords);
        cmd.Parameters.Add(new NpgsqlParameter { Value = streamId });
        cmd.Parameters.Add(new NpgsqlParameter { Value = fromSequence });
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return new LedgerRecord(streamId, reader.GetInt64(0), reader.GetString(1), reader.GetInt32(2),
                reader.GetFieldValue<byte[]>(3), reader.GetInt64(4), reader.GetString(5), reader.GetInt64(6), reader.GetFieldValue<byte[]>(7));
        }
    }

    private protected override async Task<StreamHead?> LoadHeadAsync(string streamId, CancellationToken cancellationToken)
    {
        await using var cmd = _dataSource.CreateCommand($"SELECT head_seq, head_checksum, writer_epoch FROM {_sql.Schema}.streams WHERE stream_id = $1");
        cmd.Parameters.Add(new NpgsqlParameter { Value = streamId });
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken)) return null;
        return new StreamHead(reader.GetInt64(0), reader.GetFieldValue<byte[]>(1), reader.GetInt64(2));
    }

    private protected override async Task<IReadOnlyList<SnapshotRow>> LoadSnapshotsNewestFirstAsync(string streamId, CancellationToken cancellationToken)
    {
        await using var cmd = _dataSource.CreateCommand($"SELECT seq, state_hash, state, checksum FROM {_sql.Schema}.snapshots WHERE stream_id = $1 ORDER BY seq DESC");
        cmd.Parameters.Add(new NpgsqlParameter { Value = streamId });
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        var rows = new List<SnapshotRow>();
        while (await reader.ReadAsync(cancellationToken))
            rows.Add(new SnapshotRow(streamId, reader.GetInt64(0), reader.GetFieldValue<byte[]>(1), reader.GetFieldValue<byte[]>(2), reader.GetFieldValue<byte[]>(3)));
        return rows;
    }

    private protected override ValueTask DisposeCoreAsync() => _dataSource.DisposeAsync();

    private static async Task Execute(NpgsqlConnection connection, NpgsqlTransaction tx, string sql, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(sql, connection, tx);
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
