using Ballast.Ledger.Storage;
using Microsoft.Data.Sqlite;

namespace Ballast.Ledger.Sqlite;

/// <summary>A batch's <c>BEGIN IMMEDIATE</c> transaction on the writer connection (holds SQLite's write lock).</summary>
internal sealed class SqliteBatchTransaction : IBatchTransaction
{
    private readonly SqliteWriteCommands _commands;
    private readonly SqliteTransaction _transaction;
    private readonly DataVersion _dataVersion;

    public SqliteBatchTransaction(SqliteConnection connection, SqliteWriteCommands commands, DataVersion dataVersion)
    {
        _commands = commands;
        _dataVersion = dataVersion;
        _transaction = connection.BeginTransaction(deferred: false);
        commands.Enlist(_transaction);
    }

    /// <summary>The writer connection's last seen <c>PRAGMA data_version</c> (changes only when another connection commits).</summary>
    internal sealed class DataVersion
    {
        public long? Last { get; set; }
    }

    public Task<bool> RememberedHeadsStillValidAsync()
    {
        // Read under the write lock (BEGIN IMMEDIATE), so no other writer can slip in before our commit.
        long now = (long)_commands.DataVersion.ExecuteScalar()!;
        bool valid = _dataVersion.Last == now;
        _dataVersion.Last = now;
        return Task.FromResult(valid);
    }

    public Task<(Dictionary<string, StreamHead> Heads, Dictionary<(string StreamId, string Key), (long First, long Last)> Applied)> LockAsync(
        IReadOnlyCollection<string> streamIds, IReadOnlyCollection<(string StreamId, string Key)> keys) =>
        // BEGIN IMMEDIATE already holds SQLite's single write lock; the reads below run in-process.
        Task.FromResult((LoadHeads(streamIds), FindCommands(keys)));

    private Dictionary<string, StreamHead> LoadHeads(IReadOnlyCollection<string> streamIds)
    {
        var heads = new Dictionary<string, StreamHead>(StringComparer.Ordinal);
        var cmd = _commands.SelectHead;
        foreach (string id in streamIds)
        {
            cmd.Parameters[0].Value = id;
            using var reader = cmd.ExecuteReader();
            if (reader.Read()) heads[id] = new StreamHead(reader.GetInt64(0), reader.GetFieldValue<byte[]>(1), reader.GetInt64(2));
        }

        return heads;
    }

    private Dictionary<(string StreamId, string Key), (long First, long Last)> FindCommands(IReadOnlyCollection<(string StreamId, string Key)> keys)
    {
        var found = new Dictionary<(string, string), (long, long)>();
        var cmd = _commands.SelectCommand;
        foreach (var key in keys)
        {
            cmd.Parameters[0].Value = key.StreamId;
            cmd.Parameters[1].Value = key.Key;
            using var reader = cmd.ExecuteReader();
            if (reader.Read()) found[key] = (reader.GetInt64(0), reader.GetInt64(1));
        }

        return found;
    }

    public Task WriteAsync(BatchWrites writes)
    {
        // Full chunks through the multi-row statements, the rest row by row (both prepared once, reused every batch).
        var records = writes.Records;
        int at = 0;
        for (; records.Count - at >= SqliteWriteCommands.ChunkRows; at += SqliteWriteCommands.ChunkRows)
        {
            var chunk = _commands.InsertRecords.Parameters;
            for (int i = 0; i < SqliteWriteCommands.ChunkRows; i++) BindRecord(chunk, i * 9, records[at + i]);
            _commands.InsertRecords.ExecuteNonQuery();
        }

        for (; at < records.Count; at++)
        {
            BindRecord(_commands.InsertRecord.Parameters, 0, records[at]);
            _commands.InsertRecord.ExecuteNonQuery();
        }

        var commands = writes.Commands;
        at = 0;
        for (; commands.Count - at >= SqliteWriteCommands.ChunkRows; at += SqliteWriteCommands.ChunkRows)
        {
            var chunk = _commands.InsertCommands.Parameters;
            for (int i = 0; i < SqliteWriteCommands.ChunkRows; i++) BindCommand(chunk, i * 4, commands[at + i]);
            _commands.InsertCommands.ExecuteNonQuery();
        }

        for (; at < commands.Count; at++)
        {
            BindCommand(_commands.InsertCommand.Parameters, 0, commands[at]);
            _commands.InsertCommand.ExecuteNonQuery();
        }

        foreach (var (id, head) in writes.Heads) UpsertHead(id, head);

        var p = _commands.InsertSnapshot.Parameters;
        foreach (var s in writes.Snapshots)
        {
            p[0].Value = s.StreamId; p[1].Value = s.Sequence; p[2].Value = s.StateHash; p[3].Value = s.State; p[4].Value = s.Checksum;
            _commands.InsertSnapshot.ExecuteNonQuery();
        }

        return Task.CompletedTask;
    }

    public Task TruncateAsync(string streamId, long fromSequence, StreamHead newHead)
    {
        foreach (var cmd in new[] { _commands.TruncateRecords, _commands.TruncateCommands, _commands.TruncateSnapshots })
        {
            cmd.Parameters[0].Value = streamId;
            cmd.Parameters[1].Value = fromSequence;
            cmd.ExecuteNonQuery();
        }

        UpsertHead(streamId, newHead);
        return Task.CompletedTask;
    }

    public Task CommitAsync()
    {
        _transaction.Commit();
        return Task.CompletedTask;
    }

    public ValueTask DisposeAsync()
    {
        // Dispose rolls back when Commit was not reached; a rollback that fails (disk gone) must not hide the first error.
        try { _transaction.Dispose(); }
        catch (SqliteException) { }
        _commands.Enlist(null);
        return ValueTask.CompletedTask;
    }

    private static void BindRecord(SqliteParameterCollection p, int o, LedgerRecord r)
    {
        p[o].Value = r.StreamId; p[o + 1].Value = r.Sequence; p[o + 2].Value = r.EventType; p[o + 3].Value = r.EventVersion;
        p[o + 4].Value = Bytes.AsArray(r.Payload); p[o + 5].Value = r.TimestampUtcTicks; p[o + 6].Value = r.IdempotencyKey;
        p[o + 7].Value = r.WriterEpoch; p[o + 8].Value = r.Checksum;
    }

    private static void BindCommand(SqliteParameterCollection p, int o, CommandRow c)
    {
        p[o].Value = c.StreamId; p[o + 1].Value = c.IdempotencyKey; p[o + 2].Value = c.FirstSequence; p[o + 3].Value = c.LastSequence;
    }

    private void UpsertHead(string id, StreamHead head)
    {
        var p = _commands.UpsertHead.Parameters;
        p[0].Value = id; p[1].Value = head.Sequence; p[2].Value = head.Checksum; p[3].Value = head.WriterEpoch;
        _commands.UpsertHead.ExecuteNonQuery();
    }
}
