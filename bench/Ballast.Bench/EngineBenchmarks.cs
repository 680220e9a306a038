using BenchmarkDotNet.Attributes;
using Ballast.Engine;
using Ballast.Engine.Commands;
using Ballast.Engine.Markets;
using Ballast.Engine.Parameters;
using Ballast.Engine.State;
using Ballast.Engine.Volatility;
using Ballast.Pricing;

namespace Ballast.Bench;

/// <summary>
/// The vault's hot path on a book of 1,000 listed series (10 boards × 50 strikes × call/put): one quote (target
/// ≤ 1 µs median), one trade decided, applied and cached (≤ 2 µs), and a burst of trades for trades/s on one core
/// (≥ 300,000/s). Trades alternate buy/sell across series so vols and positions stay in range indefinitely.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class EngineBenchmarks
{
    private const long Now = 1_780_000_000;
    private const int Boards = 10, StrikesPerBoard = 50, Burst = 1_000;
    private static readonly Principal Trader = new(new AccountId("bench"), Role.Trader);
    private VaultState _state = null!;
    private SeriesId[] _series = null!;
    private int _next; // trades only: a shared counter with quotes would shift the buy/sell passes by the number of quotes run first
    private int _nextQuote;

    [GlobalSetup]
    public void Setup()
    {
        var admin = new Principal(new AccountId("admin"), Role.Admin);
        var governor = admin with { Role = Role.Governor };
        var oracle = admin with { Role = Role.Oracle };
        // Lyra defaults: the clock stands still, so the oracle and the cache stay fresh and one-lot trades stay inside every limit.
        var p = VaultParameters.Default;
        _state = new VaultState();
        Run(new OpenVault(admin, new MarketDefinition("ETH", "USDC", SettlementStyle.Linear), p));
        Run(new DepositCapital(admin, new AccountId("lp"), Asset.Quote, 1_000_000_000m));
        var series = new List<SeriesId>();
        for (int b = 0; b < Boards; b++)
        {
            long expiry = Now + (b + 1) * 14 * 86_400L;
            Run(new ListBoard(governor, expiry, 0.8));
            for (int k = 0; k < StrikesPerBoard; k++)
            {
                decimal strike = 2000 + 40 * k;
                Run(new ListStrike(governor, expiry, strike, 1.0));
                if (k is >= 15 and < 35) { series.Add(new SeriesId(expiry, strike, OptionType.Call)); series.Add(new SeriesId(expiry, strike, OptionType.Put)); }
            }
        }

        Run(new UpdateSpot(oracle, 3000, Now));
        Run(new DepositCollateral(Trader, Asset.Quote, 1_000_000_000m));
        Run(new DepositCollateral(Trader, Asset.Base, 1_000_000m));
        _series = [.. series];
    }

    private void Run(Command c)
    {
        var d = Vault.Decide(_state, c, Now);
        if (!d.IsAccepted) throw new InvalidOperationException($"setup rejected: {d.Rejection}");
        _state.Apply(d);
    }

    [Benchmark(Description = "quote, 1,000 series")]
    public decimal Quote()
    {
        var r = Vault.Quote(_state, _series[(_nextQuote++ & 255) % _series.Length], TradeDirection.Buy, 1.0, Now);
        return r.IsQuoted ? r.Quote.Payment : -1m;
    }

    [Benchmark(Description = "trade: decide + apply + cache")]
    public long Trade() => TradeOnce();

    [Benchmark(Description = "1,000 trades (trades/s = 1e9 / ns × 1,000)", OperationsPerInvoke = Burst)]
    public long TradeBurst()
    {
        long v = 0;
        for (int i = 0; i < Burst; i++) v += TradeOnce();
        return v;
    }

    private long TradeOnce()
    {
        int i = _next++;
        // Each series is bought then sold in turn, so positions and vols oscillate around the start.
        var side = ((i / _series.Length) & 1) == 0 ? TradeDirection.Buy : TradeDirection.Sell;
        var command = new Trade(Trader, _series[i % _series.Length], side, 1.0, side == TradeDirection.Buy ? decimal.MaxValue : 0m);
        var d = Vault.Decide(_state, command, Now);
        if (!d.IsAccepted) throw new InvalidOperationException($"trade rejected: {d.Rejection}");
        _state.Apply(d);
        return _state.Version;
    }
}
