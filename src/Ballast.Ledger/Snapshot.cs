namespace Ballast.Ledger;

/// <summary>A stored state snapshot: the state after applying records 1..<see cref="Sequence"/> and its hash.</summary>
/// <param name="StreamId">Stream the state belongs to.</param>
/// <param name="Sequence">Last sequence the state covers.</param>
/// <param name="StateHash">Hash of the state as computed by the engine (opaque to the store).</param>
/// <param name="State">Serialized state.</param>
public sealed record Snapshot(string StreamId, long Sequence, ReadOnlyMemory<byte> StateHash, ReadOnlyMemory<byte> State);

/// <summary>Why a stored snapshot was not used.</summary>
public enum SnapshotRejection
{
    /// <summary>Its own checksum does not match its bytes (damaged on disk).</summary>
    ChecksumMismatch,

    /// <summary>It claims a sequence beyond the stream's head (the records it covers were truncated).</summary>
    BeyondHead,

    /// <summary>The caller's check (e.g. replay hash agreement) refused it.</summary>
    RefusedByCaller,
}

/// <summary>A snapshot passed over by <see cref="IEventStore.LoadLatestValidSnapshotAsync"/>, with the reason.</summary>
/// <param name="Sequence">Sequence the discarded snapshot claimed.</param>
/// <param name="Reason">Why it was discarded.</param>
public readonly record struct DiscardedSnapshot(long Sequence, SnapshotRejection Reason);

/// <summary>The newest usable snapshot (null when none: replay from sequence 1) and every newer one discarded.</summary>
/// <param name="Snapshot">The snapshot to start from, or null.</param>
/// <param name="Discarded">Newer snapshots that were not usable, newest first; report them.</param>
public sealed record SnapshotLoad(Snapshot? Snapshot, IReadOnlyList<DiscardedSnapshot> Discarded);

/// <summary>Outcome of saving a snapshot.</summary>
public enum SnapshotSaveOutcome
{
    /// <summary>Durable.</summary>
    Saved,

    /// <summary>The sequence is not in 1..head of the stream.</summary>
    SequenceOutOfRange,

    /// <summary>The store has halted.</summary>
    StoreHalted,
}
