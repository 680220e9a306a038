using Ballast.Cluster.Contracts;
using Ballast.Ledger;
using Ballast.Ledger.Engine;

namespace Ballast.Cluster.Load;

/// <summary>
/// Checks that what the grains hold is what the ledger says: each vault's state hash equals a fresh replay of its
/// stream, its head equals the stream's last sequence, and writer epochs never go back along the stream (an older
/// writer never appended after a newer one had claimed the stream).
/// </summary>
public static class LedgerAudit
{
    /// <summary>One line per vault that disagrees with its ledger (empty when all agree), and the trades found in the ledger.</summary>
    public static async Task<(IReadOnlyList<string> Problems, long TradesInLedger)> CheckAsync(
        IGrainFactory grains, IEventStore store, IEnumerable<string> vaultIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(vaultIds);
        var problems = new List<string>();
        long trades = 0;
        foreach (string id in vaultIds)
        {
            var status = await Retry.CallAsync(() => grains.GetGrain<IVaultGrain>(id).Status(), static _ => true, 240, TimeSpan.FromMilliseconds(250),
                cancellationToken: cancellationToken);
            if (status is null)
            {
                problems.Add($"{id}: unreachable");
                continue;
            }

            var replay = await VaultRecovery.RecoverAsync(store, id, cancellationToken);
            if (!replay.IsComplete) problems.Add($"{id}: ledger replay stopped: {replay.Fault}");
            else if (replay.State.StateHash() != status.StateHash) problems.Add($"{id}: grain hash {status.StateHash[..12]} ≠ replay {replay.State.StateHash()[..12]}");
            else if (replay.LastSequence != status.Head) problems.Add($"{id}: grain head {status.Head} ≠ ledger head {replay.LastSequence}");
            long epoch = 0;
            await foreach (var record in store.ReadAsync(id, cancellationToken: cancellationToken))
            {
                if (record.WriterEpoch < epoch) problems.Add($"{id}: writer epoch went back at sequence {record.Sequence}");
                epoch = Math.Max(epoch, record.WriterEpoch);
                if (record.EventType.Contains("TradeExecuted", StringComparison.Ordinal)) trades++;
            }
        }

        return (problems, trades);
    }
}
