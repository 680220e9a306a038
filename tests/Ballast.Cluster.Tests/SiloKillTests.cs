using System.Collections.Concurrent;
using Ballast.Cluster.Contracts;
using Ballast.Ledger.Engine;
using Xunit.Abstractions;

namespace Ballast.Cluster.Tests;

/// <summary>A silo dies during a stream of trades; its vaults come back elsewhere from the ledger and nothing acknowledged is lost.</summary>
public sealed class SiloKillTests(VaultCluster cluster, ITestOutputHelper output) : IClassFixture<VaultCluster>
{
    private const int Vaults = 9;
    private const int TradesPerVault = 12;

    [Fact]
    public async Task Killing_a_silo_during_a_stream_of_trades_loses_no_acknowledged_trade_and_every_vault_replays_to_its_hash()
    {
        long now = cluster.Clock.UnixSeconds;
        var ids = Enumerable.Range(0, Vaults).Select(v => $"kill-{v}").ToArray();
        var placedBefore = new Dictionary<string, string>();
        foreach (var id in ids)
        {
            foreach (var setup in Markets.Setup(key: "setup")) Assert.True((await cluster.Vault(id).Submit(setup)).Succeeded);
            placedBefore[id] = (await cluster.Vault(id).Status()).Silo;
        }

        // Kill a silo that hosts vaults, chosen before the stream starts.
        string victimAddress = placedBefore.Values.GroupBy(s => s).OrderByDescending(g => g.Count()).First().Key;
        var victim = cluster.Cluster.Silos.Single(s => s.SiloAddress.ToString() == victimAddress);
        int acknowledged = 0;
        var killAfter = new TaskCompletionSource();
        var replies = new ConcurrentDictionary<(string Vault, int Trade), VaultReply>();
        int retries = 0;

        async Task Stream(string id)
        {
            for (int i = 0; i < TradesPerVault; i++)
            {
                // Each trade carries its own idempotency key, so a retry after a lost reply cannot trade twice.
                var trade = Markets.Trade(now, i, key: $"trade-{i}");
                for (int attempt = 0; ; attempt++)
                {
                    try
                    {
                        var reply = await cluster.Vault(id).Submit(trade);
                        if (reply.Status == ReplyStatus.Unavailable) throw new InvalidOperationException(reply.Message);
                        replies[(id, i)] = reply;
                        if (Interlocked.Increment(ref acknowledged) == Vaults * TradesPerVault / 3) killAfter.TrySetResult();
                        break;
                    }
                    catch (Exception e) when (attempt < 60 && e is not Xunit.Sdk.XunitException)
                    {
                        Interlocked.Increment(ref retries);
                        await Task.Delay(250);
                    }
                }
            }
        }

        var streams = ids.Select(id => Task.Run(() => Stream(id))).ToArray();
        await killAfter.Task;
        await cluster.Cluster.KillSiloAsync(victim);
        await Task.WhenAll(streams);
        output.WriteLine($"killed {victimAddress} after {Vaults * TradesPerVault / 3} acknowledged trades; {retries} calls retried");

        int moved = 0;
        foreach (var id in ids)
        {
            var status = await cluster.Vault(id).Status();
            var replay = await VaultRecovery.RecoverAsync(cluster.Store, id);
            var records = await LedgerInspection.RecordsAsync(cluster.Store, id);
            var sent = Markets.Setup().Concat(Enumerable.Range(0, TradesPerVault).Select(i => Markets.Trade(now, i))).ToList();
            if (placedBefore[id] == victimAddress) moved++;

            Assert.NotEqual(victimAddress, status.Silo);
            Assert.Equal(replay.State.StateHash(), status.StateHash);
            Assert.Equal(replay.LastSequence, status.Head);
            Assert.Equal(Markets.Direct(sent, now).StateHash(), status.StateHash);
            Assert.Equal(TradesPerVault, records.Count(LedgerInspection.IsTrade));
            for (int i = 0; i < TradesPerVault; i++)
            {
                var reply = replies[(id, i)];
                Assert.True(reply.Succeeded, $"{id} trade {i}: {reply.Reason}: {reply.Message}");
                Assert.True(LedgerInspection.IsTrade(records[(int)reply.LastSequence - 1]), $"{id} trade {i} is not at its acknowledged sequence");
            }

            // One writer at a time: epochs never go back along the stream (an older writer never wrote after a newer one).
            for (int k = 1; k < records.Count; k++) Assert.True(records[k].WriterEpoch >= records[k - 1].WriterEpoch, $"{id} epoch went back at {records[k].Sequence}");
        }

        Assert.True(moved > 0, "the killed silo hosted no vault");
    }
}
