using Ballast.Engine.State;

namespace Ballast.Ledger.Engine;

/// <summary>A vault rebuilt from the ledger: latest valid snapshot plus the replayed tail.</summary>
/// <param name="StreamId">The vault's stream.</param>
/// <param name="State">The rebuilt state (up to <paramref name="LastSequence"/>).</param>
/// <param name="LastSequence">Last sequence the state covers.</param>
/// <param name="SnapshotSequence">Sequence of the snapshot recovery started from, or null when it replayed from 1.</param>
/// <param name="TailEvents">Events replayed from the ledger after the snapshot.</param>
/// <param name="Discarded">Newer snapshots that were not used, newest first, each with a one-line reason (damaged, beyond the head, hash disagrees with its events).</param>
/// <param name="Fault">Why recovery stopped before the head (corruption, unknown newer version, impossible event), or null.</param>
public sealed record RecoveredVault(
    string StreamId, VaultState State, long LastSequence, long? SnapshotSequence, long TailEvents,
    IReadOnlyList<string> Discarded, LedgerFault? Fault)
{
    /// <summary>What the snapshot recovery started from restored (command index, recent trades), or null when it replayed from 1.</summary>
    public VaultSnapshotContent? SnapshotContent { get; init; }

    /// <summary>True when the whole stream was recovered.</summary>
    public bool IsComplete => Fault is null;
}
