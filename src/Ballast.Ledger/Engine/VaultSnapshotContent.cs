using Ballast.Engine.Events;
using Ballast.Engine.State;

namespace Ballast.Ledger.Engine;

/// <summary>What a stored snapshot restores: the state and, in format v2, the host's command index and recent trades.</summary>
/// <param name="State">The state after the snapshot's last record.</param>
/// <param name="Commands">Caller-keyed commands up to the snapshot (empty for format v1).</param>
/// <param name="RecentTrades">The most recent trades up to the snapshot, oldest first (empty for format v1).</param>
/// <param name="HasHostIndex">False for a format-v1 (event prefix) snapshot: it has no command index, so a host must not start from it.</param>
public sealed record VaultSnapshotContent(
    VaultState State, IReadOnlyList<SnapshotCommand> Commands, IReadOnlyList<(long Sequence, TradeExecuted Trade)> RecentTrades, bool HasHostIndex);
