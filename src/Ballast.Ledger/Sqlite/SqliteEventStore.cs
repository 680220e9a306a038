using System.Runtime.CompilerServices;
using Ballast.Ledger.Storage;
using Microsoft.Data.Sqlite;

namespace Ballast.Ledger.Sqlite;

/// <summary>
/// The embedded ledger: one SQLite file in WAL mode with <c>synchronous=FULL</c>, so each commit fsyncs the WAL
/// before returning (SQLite docs, "PRAGMA synchronous": FULL makes WAL-mode transactions durable across power
/// loss). One writer connection serves the group-commit loop; each read opens its own connection, which WAL
/// lets run beside the writer.
/// </summary>
public sealed class SqliteEventStore : GroupCommitEventStore
{
    private readonly SqliteConnection _writer;
    private readonly string _readConnectionString;
    private readonly SqliteWriteCommands _commands;
    private readonly SqliteBatchTransaction.DataVersion _dataVersion = new();
    private SqliteCheckpointer? _checkpointer;

    private SqliteEventStore(EventStoreOptions options, SqliteConnection writer, string readConnectionString, bool readOnly) : base(options)
    {
        _writer = writer;
        _readConnectionString = readConnectionString;
        _commands = new SqliteWriteCommands(writer);
        if (readOnly) return;
        // WAL checkpoints move to their own thread (see SqliteCheckpointer); the writer's commits only append and fsync the WAL.
        Execute(writer, "PRAGMA wal_autocheckpoint=0;");
        _checkpointer = new SqliteCheckpointer(readConnectionString);
    }

    /// <summary>
    /// Opens (creating if needed) the ledger file, applies pending migrations, recovers torn tails and starts the
    /// writer. Returns the fault instead of a store when the schema is newer than this build or the log is corrupt.
    /// </summary>
    public static async Task<LedgerOpenResult> OpenAsync(
        SqliteStoreOptions sqlite, EventStoreOptions? options = null, CancellationToken cancellationToken = default) =>
        await OpenAsync(sqlite, options, SqliteMigrations.All, cancellationToken);

    /// <summary>Opens with an explicit migration list (tests use a prefix of it to build an old database).</summary>
    internal static async Task<LedgerOpenResult> OpenAsync(
        SqliteStoreOptions sqlite, EventStoreOptions? options, IReadOnlyList<Migration> migrations, CancellationToken cancellationToken)
    {
        options ??= new EventStoreOptions();
        var mode = sqlite.ReadOnly ? SqliteOpenMode.ReadOnly : SqliteOpenMode.ReadWriteCreate;
        var writerCs = new SqliteConnectionStringBuilder { DataSource = sqlite.Path, Mode = mode, Pooling = false };
        var readerCs = new SqliteConnectionStringBuilder { DataSource = sqlite.Path, Mode = sqlite.ReadOnly ? SqliteOpenMode.ReadOnly : SqliteOpenMode.ReadWrite, Pooling = false };
        var writer = new SqliteConnection(writerCs.ToString());
        await writer.OpenAsync(cancellationToken);
        if (!sqlite.ReadOnly) Execute(writer, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;");
        Execute(writer, "PRAGMA busy_timeout=10000;");
        if (sqlite.MaxPageCount is long pages) Execute(writer, $"PRAGMA max_page_count={pages};");

        var fault = sqlite.ReadOnly ? CheckSchema(writer, migrations) : Migrate(writer, migrations, options.Clock);
        if (fault is not null)
        {
            await writer.DisposeAsync();
            return new LedgerOpenResult(null, [], fault);
        }

        var store = new SqliteEventStore(options, writer, readerCs.ToString(), sqlite.ReadOnly);
        return sqlite.ReadOnly ? store.StartReadOnly() : await store.StartAsync(cancellationToken);
    }

    private static LedgerFault? CheckSchema(SqliteConnection connection, IReadOnlyList<Migration> migrations)
    {
        long current = (long)(Scalar(connection, "SELECT COUNT(*) FROM sqlite_master WHERE name = 'schema_version'") ?? 0L) == 0
            ? 0
            : (long)(Scalar(connection, "SELECT COALESCE(MAX(version), 0) FROM schema_version") ?? 0L);
        int known = migrations.Count == 0 ? 0 : migrations[^1].Version;
        if (current > known) return Migration.TooNew("SQLite", current, known);
        return current < known
            ? new LedgerFault(LedgerFaultKind.SchemaOutdated,
                $"SQLite ledger schema version {current} is older than this build's ({known}); open it read-write once to migrate")
            : null;
    }

    /// <summary>The schema version of the database (0 when none is applied).</summary>
    internal long SchemaVersion() => (long)(Scalar(_writer, "SELECT COALESCE(MAX(version), 0) FROM schema_version") ?? 0L);

    private static LedgerFault? Migrate(SqliteConnection connection, IReadOnlyList<Migration> migrations, TimeProvider clock)
    {
        Execute(connection, "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at_ticks INTEGER NOT NULL);");
        long current = (long)(Scalar(connection, "SELECT COALESCE(MAX(version), 0) FROM schema_version") ?? 0L);
        int known = migrations.Count == 0 ? 0 : migrations[^1].Version;
        if (current > known) return Migration.TooNew("SQLite", current, known);
        foreach (var m in migrations)
        {
            if (m.Version <= current) continue;
            using var tx = connection.BeginTransaction(deferred: false);
            using var cmd = connection.CreateCommand();
            cmd.Transaction = tx;
            cmd.CommandText = m.Sql;
            cmd.ExecuteNonQuery();
            cmd.CommandText = "INSERT INTO schema_version (version, description, applied_at_ticks) VALUES ($v, $d, $t)";
            cmd.Parameters.AddWithValue("$v", m.Version);
            cmd.Parameters.AddWithValue("$d", m.Description);
            cmd.Parameters.AddWithValue("$t", clock.GetUtcNow().UtcTicks);
            cmd.ExecuteNonQuery();
            tx.Commit();
        }

        return null;
    }

    /// <inheritdoc />
    public override async Task<IReadOnlyList<string>> ListStreamsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenReaderAsync(cancellationToken);
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT stream_id FROM streams ORDER BY stream_id";
        var result = new List<string>();
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) result.Add(reader.GetString(0));
        return result;
    }

    private protected override Task<IBatchTransaction> BeginBatchAsync() =>
        Task.FromResult<IBatchTransaction>(new SqliteBatchTransaction(_writer, _commands, _dataVersion, AfterCommit));

    /// <summary>On the writer thread after each commit: wake the checkpointer, or checkpoint inline again once it failed.</summary>
    private void AfterCommit()
    {
        if (_checkpointer is null) return;
        if (!_checkpointer.Failed)
        {
            _checkpointer.Signal();
            return;
        }

        _checkpointer.Dispose();
        _checkpointer = null;
        Execute(_writer, "PRAGMA wal_autocheckpoint=1000;");
    }

    private protected override async IAsyncEnumerable<LedgerRecord> ReadRowsAsync(
        string streamId, long fromSequence, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await OpenReaderAsync(cancellationToken);
        // One prepared statement stepped through the whole range (SQLite reads the WITHOUT ROWID table in key order);
        // columns are read as spans of SQLite's page, so a row costs its payload and checksum arrays and, only when
        // they change from the previous row, its type and key strings (a command's records share one key).
        using var select = new SqliteStatement(connection, """
            SELECT seq, event_type, event_version, payload, ts, idempotency_key, writer_epoch, checksum
            FROM records WHERE stream_id = ?1 AND seq >= ?2 ORDER BY seq
            """);
        select.Bind(1, streamId);
        select.Bind(2, fromSequence);
        var eventTypes = new Utf8StringCache(8);
        var keys = new Utf8StringCache(1);
        while (select.Step())
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return new LedgerRecord(streamId, select.Int64(0), eventTypes.Get(select.Span(1)), (int)select.Int64(2),
                select.Span(3).ToArray(), select.Int64(4), keys.Get(select.Span(5)), select.Int64(6), select.Span(7).ToArray());
        }
    }

    private protected override async Task<StreamHead?> LoadHeadAsync(string streamId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenReaderAsync(cancellationToken);
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT head_seq, head_checksum, writer_epoch FROM streams WHERE stream_id = $s";
        cmd.Parameters.AddWithValue("$s", streamId);
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken)) return null;
        return new StreamHead(reader.GetInt64(0), reader.GetFieldValue<byte[]>(1), reader.GetInt64(2));
    }

    private protected override async Task<IReadOnlyList<SnapshotRow>> LoadSnapshotsNewestFirstAsync(string streamId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenReaderAsync(cancellationToken);
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT seq, state_hash, state, checksum FROM snapshots WHERE stream_id = $s ORDER BY seq DESC";
        cmd.Parameters.AddWithValue("$s", streamId);
        var rows = new List<SnapshotRow>();
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            rows.Add(new SnapshotRow(streamId, reader.GetInt64(0), reader.GetFieldValue<byte[]>(1), reader.GetFieldValue<byte[]>(2), reader.GetFieldValue<byte[]>(3)));
        return rows;
    }

    private protected override async ValueTask DisposeCoreAsync()
    {
        _checkpointer?.Dispose();
        _checkpointer = null;
        _commands.Dispose();
        // Fold the WAL back into the main file so a closed ledger is the single file it claims to be.
        try { Execute(_writer, "PRAGMA wal_checkpoint(TRUNCATE);"); }
        catch (SqliteException) { /* a halted store may not be able to checkpoint; the WAL stays valid */ }
        await _writer.DisposeAsync();
    }

    private async Task<SqliteConnection> OpenReaderAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_readConnectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    internal static void Execute(SqliteConnection connection, string sql)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        return cmd.ExecuteScalar();
    }
}
