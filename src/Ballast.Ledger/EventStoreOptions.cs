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
    /// Fault-injection seam: called by the writer loop inside each batch transaction just before commit. Throwing
    /// (e.g. an <see cref="IOException"/>) simulates a failed write/fsync: the store must halt, not acknowledge.
    /// </summary>
    public Action? BeforeCommit { get; init; }
}
