using Ballast.Engine;
using Ballast.Engine.Commands;
using Ballast.Engine.Markets;
using Ballast.Engine.Parameters;
using Ballast.Engine.State;
using Ballast.Engine.Volatility;
using Ballast.Pricing;

namespace Ballast.Ledger.CrashChild;

/// <summary>
/// Deterministic engine commands for the crash test: the command that produces record <c>next</c> of a stream is a
/// pure function of (seed, stream, next) and the vault state after the records before it, and the clock is
/// <c>T0 + next</c>. So a child that recovers the state from the ledger continues exactly where it was killed, and
/// the parent can rebuild the reference state in memory and compare state hashes.
/// </summary>
public static class EngineTrades
{
    private const long T0 = 1_780_000_000;
    private const long Expiry = T0 + 365 * 86_400;
    private static readonly Principal Admin = new(new AccountId("admin"), Role.Admin);
    private static readonly Principal Governor = new(new AccountId("gov"), Role.Governor);
    private static readonly Principal Oracle = new(new AccountId("oracle"), Role.Oracle);
    private static readonly Principal[] Traders = [.. Enumerable.Range(0, 8).Select(i => new Principal(new AccountId($"trader-{i}"), Role.Trader))];
    private static readonly decimal[] Strikes = [2500m, 2750m, 3000m, 3250m, 3500m];

    /// <summary>Open, fund, list one board of five strikes, publish spot, fund the traders: one event each.</summary>
    private static readonly Command[] Setup =
    [
        new OpenVault(Admin, new MarketDefinition("ETH", "USDC", SettlementStyle.Linear), VaultParameters.Default),
        new DepositCapital(Admin, new AccountId("lp"), Asset.Quote, 100_000_000m),
        new ListBoard(Governor, Expiry, 0.8),
        .. Strikes.Select(k => (Command)new ListStrike(Governor, Expiry, k, 1.0)),
        new UpdateSpot(Oracle, 3000, T0),
        .. Traders.Select(t => (Command)new DepositCollateral(t, Asset.Quote, 10_000_000m)),
    ];

    public static string StreamName(int stream) => $"vault-{stream}";

    public static string CommandKey(int stream, long sequence) => $"cmd-{stream}-{sequence}";

    /// <summary>The accepted decision whose first event becomes record <paramref name="next"/>.</summary>
    public static Decision DecideNext(long seed, int stream, VaultState state, long next)
    {
        long now = T0 + next;
        if (next <= Setup.Length) return Vault.Decide(state, Setup[next - 1], next == 1 ? T0 : now);
        ulong h = SplitMix64((ulong)seed ^ ((ulong)stream << 48) ^ (ulong)next);
        // Every tenth record is an oracle update so the spot never goes stale (MaxOracleAge 120 s, one record per second).
        if (next % 10 == 0) return Vault.Decide(state, new UpdateSpot(Oracle, 2900 + (double)(h % 200), now), now);
        for (int attempt = 0; attempt < 16; attempt++)
        {
            ulong g = SplitMix64(h + (ulong)attempt);
            var side = (g & 1) == 0 ? TradeDirection.Buy : TradeDirection.Sell;
            var series = new SeriesId(Expiry, Strikes[(int)((g >> 8) % (ulong)Strikes.Length)], (g >> 16 & 1) == 0 ? OptionType.Call : OptionType.Put);
            var trade = new Trade(Traders[(int)((g >> 24) % (ulong)Traders.Length)], series, side, 0.1 + (g >> 32) % 20 / 10.0, side == TradeDirection.Buy ? decimal.MaxValue : 0m);
            var d = Vault.Decide(state, trade, now);
            if (d.IsAccepted) return d;
        }

        return Vault.Decide(state, new UpdateSpot(Oracle, 3000, now), now);
    }

    /// <summary>Advances <paramref name="state"/> (holding records 1..<paramref name="from"/>) to <paramref name="head"/> in memory.</summary>
    public static void Advance(long seed, int stream, VaultState state, long from, long head)
    {
        for (long next = from + 1; next <= head;)
        {
            var d = DecideNext(seed, stream, state, next);
            if (!d.IsAccepted) throw new InvalidOperationException($"reference command for {StreamName(stream)} #{next} rejected: {d.Rejection}");
            state.Apply(d);
            next += d.EventCount;
        }
    }

    /// <summary>SplitMix64 (Steele, Lea, Flood 2014): a tiny, well-mixed deterministic generator step.</summary>
    private static ulong SplitMix64(ulong x)
    {
        x += 0x9E3779B97F4A7C15UL;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }
}
