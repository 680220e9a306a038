using Ballast.Ledger.Storage;
using Npgsql;

namespace Ballast.Ledger.Postgres;

/// <summary>A batch's transaction on one pooled connection; each step is one round trip.</summary>
internal sealed class PostgresBatchTransaction(NpgsqlConnection connection, NpgsqlTransaction transaction, PostgresSql sql) : IBatchTransaction
{
    // Other processes may write the same database: always read (and lock) the heads in the database.
    public Task<bool> RememberedHeadsStillValidAsync() => Task.FromResult(false);

    public async Task<(Dictionary<string, StreamHead> Heads, Dictionary<(string StreamId, string Key), (long First, long Last)> Applied)> LockAsync(
        IReadOnlyCollection<string> streamIds, IReadOnlyCollection<(string StreamId, string Key)> keys)
    {
        string[] ids = [.. streamIds];
        var streams = new string[keys.Count];
        var names = new string[keys.Count];
        int i = 0;
        foreach (var k in keys) { streams[i] = k.StreamId; names[i] = k.Key; i++; }

        // One round trip: create missing head rows (so that even a brand-new stream is locked by exactly one
        // writer), lock the heads, and look up the commands.
        await using var batch = new NpgsqlBatch(connection, transaction);
        batch.BatchCommands.Add(Command(sql.EnsureStreams, ids, RecordChecksum.Genesis.ToArray()));
        batch.BatchCommands.Add(Command(sql.LockHeads, (object)ids));
        batch.BatchCommands.Add(Command(sql.FindCommands, streams, names));
        var heads = new Dictionary<string, StreamHead>(StringComparer.Ordinal);
        var found = new Dictionary<(string, string), (long, long)>();
        await using var reader = await batch.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            heads[reader.GetString(0)] = new StreamHead(reader.GetInt64(1), reader.GetFieldValue<byte[]>(2), reader.GetInt64(3));
        await reader.NextResultAsync();
        while (await reader.ReadAsync()) found[(reader.GetString(0), reader.GetString(1))] = (reader.GetInt64(2), reader.GetInt64(3));
        return (heads, found);
    }

    public async Task WriteAsync(BatchWrites writes)
    {
        await using var batch = new NpgsqlBatch(connection, transaction);
        var records = writes.Records;
        if (records.Count > 0)
        {
            batch.BatchCommands.Add(Command(sql.InsertRecords,
                records.Select(r => r.StreamId).ToArray(), records.Select(r => r.Sequence).ToArray(),
                records.Select(r => r.EventType).ToArray(), records.Select(r => r.EventVersion).ToArray(),
                records.Select(r => Bytes.AsArray(r.Payload)).ToArray(), records.Select(r => r.TimestampUtcTicks).ToArray(),
                records.Select(r => r.IdempotencyKey).ToArray(), records.Select(r => r.WriterEpoch).ToArray(),
                records.Select(r => r.Checksum).ToArray()));
        }

        var commands = writes.Commands;
        if (commands.Count > 0)
        {
            batch.BatchCommands.Add(Command(sql.InsertCommands,
                commands.Select(c => c.StreamId).ToArray(), commands.Select(c => c.IdempotencyKey).ToArray(),
                commands.Select(c => c.FirstSequence).ToArray(), commands.Select(c => c.LastSequence).ToArray()));
        }

        if (writes.Heads.Count > 0) batch.BatchCommands.Add(HeadsCommand(writes.Heads));
        foreach (var s in writes.Snapshots)
            batch.BatchCommands.Add(Command(sql.InsertSnapshot, s.StreamId, s.Sequence, s.StateHash, s.State, s.Checksum));
        if (batch.BatchCommands.Count > 0) await batch.ExecuteNonQueryAsync();
    }

    public async Task TruncateAsync(string streamId, long fromSequence, StreamHead newHead)
    {
        await using var batch = new NpgsqlBatch(connection, transaction);
        batch.BatchCommands.Add(Command(sql.TruncateRecords, streamId, fromSequence));
        batch.BatchCommands.Add(Command(sql.TruncateCommands, streamId, fromSequence));
        batch.BatchCommands.Add(Command(sql.TruncateSnapshots, streamId, fromSequence));
        batch.BatchCommands.Add(HeadsCommand(new Dictionary<string, StreamHead> { [streamId] = newHead }));
        await batch.ExecuteNonQueryAsync();
    }

    public Task CommitAsync() => transaction.CommitAsync();

    public async ValueTask DisposeAsync()
    {
        // Disposing an uncommitted transaction rolls it back; on a broken connection that may throw, and the
        // original failure is the one that matters.
        try { await transaction.DisposeAsync(); }
        catch (NpgsqlException) { }
        await connection.DisposeAsync();
    }

    private NpgsqlBatchCommand HeadsCommand(IReadOnlyDictionary<string, StreamHead> heads) =>
        Command(sql.UpdateHeads, heads.Keys.ToArray(), heads.Values.Select(h => h.Sequence).ToArray(),
            heads.Values.Select(h => h.Checksum).ToArray(), heads.Values.Select(h => h.WriterEpoch).ToArray());

    private static NpgsqlBatchCommand Command(string text, params object[] values)
    {
        var cmd = new NpgsqlBatchCommand(text);
        foreach (var v in values) cmd.Parameters.Add(new NpgsqlParameter { Value = v });
        return cmd;
    }
}
