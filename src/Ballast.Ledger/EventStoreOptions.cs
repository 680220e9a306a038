namespace Ballast.Ledger;

/// <summary>Options shared by every event store implementation.</summary>
public sealed record EventStoreOptions
{
    /// <summary>Clock that stamps records (UTC). Inject a fake one in tests and simulations.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>Most operations the writer loop commits in one transaction (one fsync).</summary>
    public int MaxBatchOperations { get; init; } = 2048;

    /// <summary>When true, opening verifies every stream's whole chain (slow on big logs), not only the tail.</summary>
    public bool VerifyWholeLogOnOpen { get; init; }

    /// <summary>
    /// A <see cref="Hosting.VaultHost"/> saves a state snapshot after a batch once this many events were appended since
    /// the last one (0 = never). Recovery then reads the newest valid snapshot and only the events after it.
    /// Each snapshot costs one state image (≈ state size) written in the ledger's next group commit.
    /// </summary>
    public long SnapshotEveryEvents { get; init; } = 10_000;

    /// <summary>When true, a <see cref="Hosting.VaultHost"/> saves a snapshot of its head when it shuts down cleanly.</summary>
    public bool SnapshotOnShutdown { get; init; } = true;

    /// <summary>
    /// Fault-injection seam: called by the writer loop inside each batch transaction just before commit. Throwing
    /// (e.g. an <see cref="IOException"/>) simulates a failed write/fsync: the store must halt, not acknowledge.
    /// </summary>
    public Action? BeforeCommit { get; init; }
}
