using Ballast.Engine;
using Ballast.Engine.Commands;
using Ballast.Engine.Events;
using Ballast.Engine.Markets;
using Ballast.Engine.Parameters;
using Ballast.Engine.State;
using Ballast.Engine.Volatility;
using Ballast.Ledger.Engine;
using Ballast.Pricing;

namespace Ballast.Ledger.Tests.Engine;

/// <summary>
/// A seeded vault driven through <see cref="Vault.Decide"/> like a host: open, fund, list a board of five strikes,
/// then random spot/vol updates and trades by two traders, then expiry, settlement and a withdrawal. Every accepted
/// decision is appended to the store as one command before it is applied (the host's order).
/// </summary>
public sealed class EngineScenario
{
    public const long T0 = 1_780_000_000;
    public static readonly long Expiry = T0 + 7 * 86_400;
    public static readonly Principal Admin = new(new AccountId("admin"), Role.Admin);
    public static readonly Principal Governor = new(new AccountId("gov"), Role.Governor);
    public static readonly Principal Oracle = new(new AccountId("oracle"), Role.Oracle);
    public static readonly Principal Alice = new(new AccountId("alice"), Role.Trader);
    public static readonly Principal Bob = new(new AccountId("bob"), Role.Trader);
    private static readonly decimal[] Strikes = [2500m, 2750m, 3000m, 3250m, 3500m];

    private readonly IEventStore _store;
    private readonly string _stream;
    private int _commands;

    private EngineScenario(IEventStore store, string stream) { _store = store; _stream = stream; }

    public VaultState State { get; } = new();
    public List<Event> Events { get; } = [];
    public long Now { get; private set; } = T0;
    public int Rejected { get; private set; }

    /// <summary>Runs the whole scenario with <paramref name="steps"/> random commands between listing and expiry.</summary>
    public static async Task<EngineScenario> RunAsync(IEventStore store, string stream, int seed, int steps, bool settle = true)
    {
        var s = new EngineScenario(store, stream);
        var r = new Random(seed);
        await s.OkAsync(new OpenVault(Admin, new MarketDefinition("ETH", "USDC", SettlementStyle.Linear), VaultParameters.Default));
        await s.OkAsync(new DepositCapital(Admin, new AccountId("lp"), Asset.Quote, 10_000_000m));
        await s.OkAsync(new ListBoard(Governor, Expiry, 0.8));
        foreach (decimal k in Strikes) await s.OkAsync(new ListStrike(Governor, Expiry, k, 1.0));
        await s.OkAsync(new UpdateSpot(Oracle, 3000, s.Now));
        foreach (var trader in new[] { Alice, Bob })
        {
            await s.OkAsync(new DepositCollateral(trader, Asset.Quote, 1_000_000m));
            await s.OkAsync(new DepositCollateral(trader, Asset.Base, 100m));
        }

        double spot = 3000;
        for (int i = 0; i < steps; i++) await s.TryAsync(s.Next(r, ref spot));
        if (!settle) return s;
        s.Now = Expiry + 60;
        await s.OkAsync(new UpdateSpot(Oracle, Math.Round(spot, 2), s.Now));
        await s.OkAsync(new SettleBoard(Oracle, Expiry));
        await s.OkAsync(new WithdrawCollateral(Alice, Asset.Quote, 1000m));
        return s;
    }

    /// <summary>
    /// Margin traders (issue 7): an insurance fund, <paramref name="traders"/> standard-margin accounts selling puts
    /// until the engine refuses, a spot gap to <paramref name="gapSpot"/>, then a keeper liquidating every account
    /// until refused — so the ledger holds penalties, insurance payouts and socialised losses.
    /// </summary>
    public static async Task<EngineScenario> RunMarginAsync(IEventStore store, string stream, int seed, int traders, double gapSpot)
    {
        var s = new EngineScenario(store, stream);
        var r = new Random(seed);
        var keeper = new Principal(new AccountId("keeper"), Role.Keeper);
        await s.OkAsync(new OpenVault(Admin, new MarketDefinition("ETH", "USDC", SettlementStyle.Linear), VaultParameters.Default));
        await s.OkAsync(new DepositCapital(Admin, new AccountId("lp"), Asset.Quote, 10_000_000m));
        await s.OkAsync(new DepositInsuranceFund(Admin, 2_000m));
        await s.OkAsync(new ListBoard(Governor, Expiry, 0.8));
        foreach (decimal k in Strikes) await s.OkAsync(new ListStrike(Governor, Expiry, k, 1.0));
        await s.OkAsync(new UpdateSpot(Oracle, 3000, s.Now));
        var accounts = new List<Principal>();
        for (int i = 0; i < traders; i++)
        {
            var trader = new Principal(new AccountId($"m{i:D2}"), Role.Trader);
            accounts.Add(trader);
            await s.OkAsync(new DepositCollateral(trader, Asset.Quote, 2_000m + r.Next(0, 8_000)));
            await s.OkAsync(new SetMarginMode(trader, Ballast.Engine.Accounting.AccountMarginMode.Standard));
            for (int k = 0; k < 10; k++)
            {
                var series = new SeriesId(Expiry, Strikes[r.Next(Strikes.Length)], OptionType.Put);
                await s.TryAsync(new Trade(trader, series, TradeDirection.Sell, Math.Round(0.5 + r.NextDouble() * 3, 2), 0m));
            }
        }

        s.Now += 60;
        await s.OkAsync(new UpdateSpot(Oracle, gapSpot, s.Now));
        foreach (var trader in accounts)
        {
            for (int step = 0; step < 20 && await s.TryAsync(new Liquidate(keeper, trader.Account)); step++) { }
        }

        return s;
    }

    private Command Next(Random r, ref double spot)
    {
        var trader = r.Next(2) == 0 ? Alice : Bob;
        switch (r.Next(10))
        {
            case 0:
                spot *= 1 + (r.NextDouble() - 0.5) * 0.04;
                Now += r.Next(1, 60);
                return new UpdateSpot(Oracle, Math.Round(spot, 2), Now);
            case 1:
                return new UpdateVol(Oracle, Expiry, 0.6 + r.NextDouble() * 0.4, [new StrikeSkew(Strikes[r.Next(Strikes.Length)], 0.9 + r.NextDouble() * 0.2)], Now);
            case 2:
                Now += r.Next(1, 30);
                return new UpdateSpot(Oracle, Math.Round(spot, 2), Now);
            default:
                var series = new SeriesId(Expiry, Strikes[r.Next(Strikes.Length)], r.Next(2) == 0 ? OptionType.Call : OptionType.Put);
                var side = r.Next(2) == 0 ? TradeDirection.Buy : TradeDirection.Sell;
                return new Trade(trader, series, side, Math.Round(0.1 + r.NextDouble() * 4, 2), side == TradeDirection.Buy ? decimal.MaxValue : 0m);
        }
    }

    private async Task OkAsync(Command c)
    {
        if (!await TryAsync(c)) throw new InvalidOperationException($"scenario command {c.GetType().Name} was rejected");
    }

    /// <summary>Decide, append durably, then apply (what a host does); false when rejected.</summary>
    private async Task<bool> TryAsync(Command c)
    {
        var d = Vault.Decide(State, c, Now);
        if (!d.IsAccepted) { Rejected++; return false; }
        var events = d.ToArray();
        var result = await _store.AppendAsync(_stream, Events.Count, [.. events.Select(e => VaultEventCodec.Instance.Encode(e).ToNewRecord())], $"cmd-{++_commands}");
        if (result.Outcome != AppendOutcome.Appended) throw new InvalidOperationException($"append failed: {result.Outcome}");
        foreach (var e in events)
        {
            State.Apply(e);
            Events.Add(e);
        }

        return true;
    }
}
