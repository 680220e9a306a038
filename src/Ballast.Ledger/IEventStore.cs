namespace Ballast.Ledger;

/// <summary>
/// The durable event ledger: append-only streams of checksum-chained records. An append returns only when its
/// records are durable (committed and fsynced); concurrent appends share one transaction and fsync (group commit).
/// Implementations: <see cref="Sqlite.SqliteEventStore"/> (embedded default) and
/// <see cref="Postgres.PostgresEventStore"/> (production); both pass one contract test suite.
/// </summary>
public interface IEventStore : IAsyncDisposable
{
    /// <summary>Marker for <c>expectedSequence</c> meaning "append wherever the stream's head is".</summary>
    const long AnySequence = -1;

    /// <summary>
    /// Appends <paramref name="records"/> to the stream as one command. Checks, in order: the idempotency key
    /// (already applied → <see cref="AppendOutcome.DuplicateCommand"/> with the original sequences), the writer
    /// epoch (older than the stream's → <see cref="AppendOutcome.StaleWriter"/>), and the expected sequence
    /// (≠ head → <see cref="AppendOutcome.ConcurrencyConflict"/>). Returns once durable or rejected.
    /// </summary>
    /// <param name="streamId">Stream (vault) id, 1–200 characters.</param>
    /// <param name="expectedSequence">The stream's last sequence as the caller knows it (0 for a new stream), or <see cref="AnySequence"/>.</param>
    /// <param name="records">The command's events, at least one.</param>
    /// <param name="idempotencyKey">Unique key of the command within the stream, 1–200 characters.</param>
    /// <param name="writerEpoch">The writer's fencing token (see <see cref="ClaimWriterEpochAsync"/>); 0 when unfenced.</param>
    /// <param name="cancellationToken">Cancels waiting; an append already handed to the writer may still become durable.</param>
    Task<AppendResult> AppendAsync(
        string streamId, long expectedSequence, IReadOnlyList<NewRecord> records, string idempotencyKey,
        long writerEpoch = 0, CancellationToken cancellationToken = default);

    /// <summary>
    /// Grants a new writer epoch for the stream (one more than any seen) and makes it durable. Appends carrying
    /// an older epoch are rejected from then on, so a deposed writer cannot write after its successor started.
    /// Returns null when the store has halted.
    /// </summary>
    Task<long?> ClaimWriterEpochAsync(string streamId, CancellationToken cancellationToken = default);

    /// <summary>The stream's last durable position (sequence 0 when empty).</summary>
    Task<StreamHead> GetHeadAsync(string streamId, CancellationToken cancellationToken = default);

    /// <summary>Every stream id in the store, ordered.</summary>
    Task<IReadOnlyList<string>> ListStreamsAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Streams the records of a stream from <paramref name="fromSequence"/> (≥ 1) on, in order. With
    /// <paramref name="verify"/> each record's chained checksum and the gap-free sequence are checked and a
    /// mismatch throws <see cref="LedgerCorruptionException"/> naming the stream and sequence.
    /// </summary>
    IAsyncEnumerable<LedgerRecord> ReadAsync(
        string streamId, long fromSequence = 1, bool verify = true, CancellationToken cancellationToken = default);

    /// <summary>Stores a snapshot of the state after record <paramref name="sequence"/> (must be in 1..head).</summary>
    /// <param name="streamId">Stream.</param>
    /// <param name="sequence">Last sequence the state covers.</param>
    /// <param name="stateHash">The engine's hash of the state.</param>
    /// <param name="state">Serialized state.</param>
    /// <param name="cancellationToken">Cancels waiting.</param>
    Task<SnapshotSaveOutcome> SaveSnapshotAsync(
        string streamId, long sequence, ReadOnlyMemory<byte> stateHash, ReadOnlyMemory<byte> state,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// The newest snapshot whose own checksum verifies, that does not reach beyond the head, and that
    /// <paramref name="accept"/> (when given, e.g. "its hash agrees with replay") accepts; newer ones are
    /// reported in <see cref="SnapshotLoad.Discarded"/>.
    /// </summary>
    Task<SnapshotLoad> LoadLatestValidSnapshotAsync(
        string streamId, Func<Snapshot, bool>? accept = null, CancellationToken cancellationToken = default);

    /// <summary>The fault that halted the writer, or null while it accepts appends.</summary>
    LedgerFault? Halt { get; }
}
