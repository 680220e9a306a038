namespace Ballast.Ledger.Storage;

/// <summary>A command row: which records an idempotency key produced (what a duplicate gets back).</summary>
internal readonly record struct CommandRow(string StreamId, string IdempotencyKey, long FirstSequence, long LastSequence);

/// <summary>A snapshot row with its own integrity checksum.</summary>
internal sealed record SnapshotRow(string StreamId, long Sequence, byte[] StateHash, byte[] State, byte[] Checksum);

/// <summary>Everything one batch writes inside its single transaction.</summary>
internal sealed class BatchWrites
{
    public List<LedgerRecord> Records { get; } = new();
    public List<CommandRow> Commands { get; } = new();
    public Dictionary<string, StreamHead> Heads { get; } = new(StringComparer.Ordinal);
    public List<SnapshotRow> Snapshots { get; } = new();
}

/// <summary>The write transaction of one batch, implemented per database.</summary>
internal interface IBatchTransaction : IAsyncDisposable
{
    /// <summary>Heads of the given streams, locked against other writers until commit; missing streams are absent.</summary>
    Task<Dictionary<string, StreamHead>> LockHeadsAsync(IReadOnlyCollection<string> streamIds);

    /// <summary>Already-applied commands among the keys: (stream, key) → (first, last) sequences.</summary>
    Task<Dictionary<(string StreamId, string Key), (long First, long Last)>> FindCommandsAsync(IReadOnlyCollection<(string StreamId, string Key)> keys);

    /// <summary>Inserts records, commands and snapshots, and upserts the heads.</summary>
    Task WriteAsync(BatchWrites writes);

    /// <summary>Removes records ≥ <paramref name="fromSequence"/> (and their commands and snapshots) and sets the head.</summary>
    Task TruncateAsync(string streamId, long fromSequence, StreamHead newHead);

    /// <summary>Commits durably (returns after the fsync).</summary>
    Task CommitAsync();
}
