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
        var p = _commands.InsertRecord.Parameters;
        foreach (var r in writes.Records)
        {
            p[0].Value = r.StreamId; p[1].Value = r.Sequence; p[2].Value = r.EventType; p[3].Value = r.EventVersion;
            p[4].Value = Bytes.AsArray(r.Payload); p[5].Value = r.TimestampUtcTicks; p[6].Value = r.IdempotencyKey;
            p[7].Value = r.WriterEpoch; p[8].Value = r.Checksum;
            _commands.InsertRecord.ExecuteNonQuery();
        }

        p = _commands.InsertCommand.Parameters;
        foreach (var c in writes.Commands)
        {
            p[0].Value = c.StreamId; p[1].Value = c.IdempotencyKey; p[2].Value = c.FirstSequence; p[3].Value = c.LastSequence;
            _commands.InsertCommand.ExecuteNonQuery();
        }

        foreach (var (id, head) in writes.Heads) UpsertHead(id, head);

        p = _commands.InsertSnapshot.Parameters;
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

    private void UpsertHead(string id, StreamHead head)
    {
        var p = _commands.UpsertHead.Parameters;
        p[0].Value = id; p[1].Value = head.Sequence; p[2].Value = head.Checksum; p[3].Value = head.WriterEpoch;
        _commands.UpsertHead.ExecuteNonQuery();
    }
}
