using Ballast.Ledger;

namespace Ballast.Cluster.Tests;

/// <summary>Reads a vault's stream straight from the ledger, as an auditor would.</summary>
internal static class LedgerInspection
{
    public static async Task<List<LedgerRecord>> RecordsAsync(IEventStore store, string streamId)
    {
        var list = new List<LedgerRecord>();
        await foreach (var r in store.ReadAsync(streamId)) list.Add(r);
        return list;
    }

    public static bool IsTrade(LedgerRecord record) => record.EventType.Contains("TradeExecuted", StringComparison.Ordinal);
}
