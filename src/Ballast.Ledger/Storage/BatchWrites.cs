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
    /// <summary>
    /// True when no other connection has committed since this store's previous batch, so heads remembered from
    /// earlier batches are still exact (SQLite: <c>PRAGMA data_version</c> unchanged). False forces a reload.
    /// </summary>
    Task<bool> RememberedHeadsStillValidAsync();

    /// <summary>
    /// In one step (one round trip where the database allows): the heads of <paramref name="streamIds"/>, locked
    /// against other writers until commit (streams that do not exist are absent), and which of
    /// <paramref name="keys"/> were already applied: (stream, key) → (first, last) sequences.
    /// </summary>
    Task<(Dictionary<string, StreamHead> Heads, Dictionary<(string StreamId, string Key), (long First, long Last)> Applied)> LockAsync(
        IReadOnlyCollection<string> streamIds, IReadOnlyCollection<(string StreamId, string Key)> keys);

    /// <summary>Inserts records, commands and snapshots, and upserts the heads.</summary>
    Task WriteAsync(BatchWrites writes);

    /// <summary>Removes records ≥ <paramref name="fromSequence"/> (and their commands and snapshots) and sets the head.</summary>
    Task TruncateAsync(string streamId, long fromSequence, StreamHead newHead);

    /// <summary>Commits durably (returns after the fsync).</summary>
    Task CommitAsync();
}
