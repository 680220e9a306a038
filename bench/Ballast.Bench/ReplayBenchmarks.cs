using System.Diagnostics;
using Ballast.Engine;
using Ballast.Engine.Commands;
using Ballast.Engine.Events;
using Ballast.Engine.Markets;
using Ballast.Engine.Parameters;
using Ballast.Engine.State;
using Ballast.Engine.Volatility;
using Ballast.Ledger;
using Ballast.Ledger.Engine;
using Ballast.Ledger.Sqlite;
using Ballast.Pricing;

namespace Ballast.Bench;

/// <summary>
/// Engine replay speed in thread CPU time (<c>dotnet run -c Release --project bench/Ballast.Bench -- replay</c>):
/// 50,000 engine events of a seeded vault (≈ 90 % trades, 20 traders, 5 strikes) decoded from ledger records and
/// applied to a fresh <see cref="VaultState"/>, with trades stored as v1 (JSON, ledgers before v2) and as v2
/// (binary, what the codec writes now); plus the state snapshot (write / restore) and SQLite recovery from a
/// snapshot + tail against a full replay (wall clock, one run each after a warm-up, whole path incl. chain verification).
/// </summary>
public static class ReplayBenchmarks
{
    private const int Events = 50_000;

    public static void Print()
    {
        var events = Scenario(Events);
        var v1 = Records(events, json: true);
        var v2 = Records(events, json: false);
        double bytesV1 = v1.Average(r => r.Payload.Length), bytesV2 = v2.Average(r => r.Payload.Length);
        Console.WriteLine($"| Replay workload ({events.Count:N0} events, {events.Count(e => e is TradeExecuted) * 100.0 / events.Count:F0} % trades; mean payload v1 {bytesV1:F0} B, v2 {bytesV2:F0} B) | CPU ns/event | M events/s |");
        Console.WriteLine("|---|---:|---:|");
        Row("apply only", () => { var s = new VaultState(); foreach (var e in events) s.Apply(e); });
        Row("decode only, v1 JSON trades", () => { foreach (var r in v1) _ = VaultEventCodec.Decode(r); });
        Row("decode only, v2 binary trades", () => { foreach (var r in v2) _ = VaultEventCodec.Decode(r); });
        Row("decode + apply, v1 JSON trades", () => { var s = new VaultState(); foreach (var r in v1) s.Apply(VaultEventCodec.Decode(r).Event!); });
        Row("decode + apply, v2 binary trades", () => { var s = new VaultState(); foreach (var r in v2) s.Apply(VaultEventCodec.Decode(r).Event!); });

        var state = new VaultState();
        foreach (var e in events) state.Apply(e);
        byte[] image = state.WriteSnapshot();
        double write = ThreadCpuTimer.MedianNanosecondsPerOperation(() => state.WriteSnapshot(), 1, rounds: 7);
        double read = ThreadCpuTimer.MedianNanosecondsPerOperation(() => VaultState.TryReadSnapshot(image, out _, out _, out _), 1, rounds: 7);
        Console.WriteLine();
        Console.WriteLine($"| State snapshot of that vault ({image.Length:N0} bytes) | CPU µs |");
        Console.WriteLine("|---|---:|");
        Console.WriteLine($"| WriteSnapshot (incl. SHA-256) | {write / 1000:F1} |");
        Console.WriteLine($"| TryReadSnapshot (incl. SHA-256) | {read / 1000:F1} |");

        Console.WriteLine();
        Console.WriteLine("| SQLite recovery, chain verified (wall clock, one run) | ms | events/s |");
        Console.WriteLine("|---|---:|---:|");
        RecoveryRows(events).GetAwaiter().GetResult();

        void Row(string name, Action run)
        {
            double ns = ThreadCpuTimer.MedianNanosecondsPerOperation(run, events.Count, rounds: 7);
            Console.WriteLine($"| {name} | {ns:F0} | {1000 / ns:F2} |");
        }
    }

    private static async Task RecoveryRows(List<Event> events)
    {
        string dir = Path.Combine(Path.GetTempPath(), "ballast-replay-bench-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dir);
        try
        {
            var store = (await SqliteEventStore.OpenAsync(new SqliteStoreOptions(Path.Combine(dir, "ledger.db")))).RequireStore();
            await using (store)
            {
                for (int i = 0; i < events.Count; i += 1000)
                {
                    var chunk = events.Skip(i).Take(1000).Select(e => VaultEventCodec.Instance.Encode(e).ToNewRecord()).ToList();
                    await store.AppendAsync("v", i, chunk, $"c{i}");
                }

                await VaultRecovery.RecoverAsync(store, "v"); // warm-up (JIT, page cache)
                var sw = Stopwatch.StartNew();
                var full = await VaultRecovery.RecoverAsync(store, "v");
                Console.WriteLine($"| full replay from sequence 1 | {sw.Elapsed.TotalMilliseconds:F0} | {full.TailEvents / sw.Elapsed.TotalSeconds:N0} |");
                var head = events.Count - 1_000;
                var snapshotState = new VaultState();
                foreach (var e in events.Take(head)) snapshotState.Apply(e);
                await VaultRecovery.SaveSnapshotAsync(store, "v", snapshotState, [], []);
                sw.Restart();
                var fromSnapshot = await VaultRecovery.RecoverAsync(store, "v");
                Console.WriteLine($"| snapshot at {head:N0} + {fromSnapshot.TailEvents:N0}-event tail | {sw.Elapsed.TotalMilliseconds:F0} | {events.Count / sw.Elapsed.TotalSeconds:N0} (stream events per second of start-up) |");
                if (fromSnapshot.State.StateHash() != full.State.StateHash()) throw new InvalidOperationException("snapshot recovery disagrees with full replay");
            }
        }
        finally
        {
            try { Directory.Delete(dir, true); } catch (IOException) { }
        }
    }

    private static List<LedgerRecord> Records(List<Event> events, bool json)
    {
        var list = new List<LedgerRecord>(events.Count);
        long sequence = 0;
        foreach (var e in events)
        {
            var encoded = VaultEventCodec.Instance.Encode(e);
            var (version, payload) = json ? (1, VaultEventCodec.ToAuditJson(e)) : (encoded.EventVersion, encoded.Payload.ToArray());
            list.Add(new LedgerRecord("v", ++sequence, encoded.EventType, version, payload, 0, "k", 0, new byte[32]));
        }

        return list;
    }

    /// <summary>A seeded vault: 5 strikes, 20 traders, mostly trades with a spot update every ~10 events.</summary>
    internal static List<Event> Scenario(int count)
    {
        const long t0 = 1_780_000_000;
        long expiry = t0 + 30 * 86_400, now = t0;
        var admin = new Principal(new AccountId("admin"), Role.Admin);
        var gov = new Principal(new AccountId("gov"), Role.Governor);
        var oracle = new Principal(new AccountId("oracle"), Role.Oracle);
        var traders = Enumerable.Range(0, 20).Select(i => new Principal(new AccountId($"trader-{i:D2}"), Role.Trader)).ToArray();
        decimal[] strikes = [2500m, 2750m, 3000m, 3250m, 3500m];
        var state = new VaultState();
        var events = new List<Event>(count);
        var r = new Random(42);
        void Send(Command c)
        {
            var d = Vault.Decide(state, c, now);
            if (!d.IsAccepted) return;
            for (int i = 0; i < d.EventCount; i++) { state.Apply(d[i]); events.Add(d[i]); }
        }

        Send(new OpenVault(admin, new MarketDefinition("ETH", "USDC", SettlementStyle.Linear), VaultParameters.Default));
        Send(new DepositCapital(admin, new AccountId("lp"), Asset.Quote, 100_000_000m));
        Send(new ListBoard(gov, expiry, 0.8));
        foreach (var k in strikes) Send(new ListStrike(gov, expiry, k, 1.0));
        Send(new UpdateSpot(oracle, 3000, now));
        foreach (var t in traders) { Send(new DepositCollateral(t, Asset.Quote, 100_000_000m)); Send(new DepositCollateral(t, Asset.Base, 100_000m)); }
        while (events.Count < count)
        {
            now += 1;
            if (r.Next(10) == 0) { Send(new UpdateSpot(oracle, Math.Round(3000 * (1 + (r.NextDouble() - 0.5) * 0.02), 2), now)); continue; }
            var side = r.Next(2) == 0 ? TradeDirection.Buy : TradeDirection.Sell;
            Send(new Trade(traders[r.Next(traders.Length)], new SeriesId(expiry, strikes[r.Next(strikes.Length)], r.Next(2) == 0 ? OptionType.Call : OptionType.Put),
                side, Math.Round(0.1 + r.NextDouble() * 2, 2), side == TradeDirection.Buy ? decimal.MaxValue : 0m));
        }

        return events;
    }
}
