using Ballast.Ledger.Storage;
using Microsoft.Data.Sqlite;

namespace Ballast.Ledger.Sqlite;

/// <summary>A batch's <c>BEGIN IMMEDIATE</c> transaction on the writer connection (holds SQLite's write lock).</summary>
internal sealed class SqliteBatchTransaction : IBatchTransaction
{
    private readonly SqliteWriteCommands _commands;
    private readonly SqliteTransaction _transaction;
    private readonly DataVersion _dataVersion;
    private readonly Action _afterCommit;

    public SqliteBatchTransaction(SqliteConnection connection, SqliteWriteCommands commands, DataVersion dataVersion, Action afterCommit)
    {
        _commands = commands;
        _dataVersion = dataVersion;
        _afterCommit = afterCommit;
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
        var select = _commands.SelectHead;
        foreach (string id in streamIds)
        {
            select.Bind(1, id);
            if (select.Step()) heads[id] = new StreamHead(select.Int64(0), select.Span(1).ToArray(), select.Int64(2));
            select.Reset();
        }

        return heads;
    }

    private Dictionary<(string StreamId, string Key), (long First, long Last)> FindCommands(IReadOnlyCollection<(string StreamId, string Key)> keys)
    {
        var found = new Dictionary<(string, string), (long, long)>();
        var select = _commands.SelectCommand;
        foreach (var key in keys)
        {
            select.Bind(1, key.StreamId);
            select.Bind(2, key.Key);
            if (select.Step()) found[key] = (select.Int64(0), select.Int64(1));
            select.Reset();
        }

        return found;
    }

    public Task WriteAsync(BatchWrites writes)
    {
        var insert = _commands.InsertRecord;
        foreach (var r in writes.Records)
        {
            insert.Bind(1, r.StreamId); insert.Bind(2, r.Sequence); insert.Bind(3, r.EventType); insert.Bind(4, r.EventVersion);
            insert.Bind(5, r.Payload.Span); insert.Bind(6, r.TimestampUtcTicks); insert.Bind(7, r.IdempotencyKey);
            insert.Bind(8, r.WriterEpoch); insert.Bind(9, r.Checksum);
            insert.Execute();
        }

        var command = _commands.InsertCommand;
        foreach (var c in writes.Commands)
        {
            command.Bind(1, c.StreamId); command.Bind(2, c.IdempotencyKey); command.Bind(3, c.FirstSequence); command.Bind(4, c.LastSequence);
            command.Execute();
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
        _afterCommit();
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
